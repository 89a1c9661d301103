import { describe, expect, it } from 'vitest';
import { yearOverYearChange, type ClassHistory } from '../../../electron/domain/households/household';

describe('yearOverYearChange', () => {
  it.each<[string, ClassHistory, string, string]>([
    ['poor both years', { 2022: 'poor', 2023: 'poor' }, 'unchanged', 'unchanged'],
    ['thoát nghèo to medium', { 2022: 'poor', 2023: 'medium' }, 'escaped', 'unchanged'],
    ['thoát nghèo to near-poor (and newly near-poor)', { 2022: 'poor', 2023: 'nearPoor' }, 'escaped', 'new'],
    ['tái nghèo after a year out', { 2021: 'poor', 2022: 'medium', 2023: 'poor' }, 'fellBack', 'unchanged'],
    ['tái nghèo with a gap in the records', { 2020: 'poor', 2023: 'poor' }, 'fellBack', 'unchanged'],
    ['phát sinh mới from medium', { 2022: 'medium', 2023: 'poor' }, 'new', 'unchanged'],
    ['phát sinh mới with no earlier record', { 2023: 'poor' }, 'new', 'unchanged'],
    ['near-poor becomes poor', { 2022: 'nearPoor', 2023: 'poor' }, 'new', 'worsened'],
    ['thoát cận nghèo', { 2022: 'nearPoor', 2023: 'medium' }, 'unchanged', 'escaped'],
    ['tái cận nghèo', { 2021: 'nearPoor', 2022: 'above', 2023: 'nearPoor' }, 'unchanged', 'fellBack'],
    ['never poor', { 2022: 'above', 2023: 'medium' }, 'unchanged', 'unchanged'],
    ['later years do not count', { 2023: 'medium', 2024: 'poor' }, 'unchanged', 'unchanged'],
  ])('%s', (_name, history, poor, nearPoor) => {
    expect(yearOverYearChange(history, 2023)).toEqual({ poor, nearPoor });
  });

  it('needs the year asked about', () => {
    expect(() => yearOverYearChange({ 2022: 'poor' }, 2023)).toThrow(/HOUSEHOLD_YEAR_MISSING/);
  });
});
