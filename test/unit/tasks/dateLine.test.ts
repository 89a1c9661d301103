import { describe, expect, it } from 'vitest';
import { dateLineVi } from '../../../renderer/ui/print/dateLine';

describe('dateLineVi (Nghị định 30/2020 place and date line)', () => {
  it.each([
    ['2022-01-05', 'Văn Quan, ngày 05 tháng 01 năm 2022'],
    ['2022-02-28', 'Văn Quan, ngày 28 tháng 02 năm 2022'],
    ['2022-03-09', 'Văn Quan, ngày 09 tháng 3 năm 2022'],
    ['2022-07-22', 'Văn Quan, ngày 22 tháng 7 năm 2022'],
    ['2022-10-01', 'Văn Quan, ngày 01 tháng 10 năm 2022'],
    ['2022-12-31', 'Văn Quan, ngày 31 tháng 12 năm 2022'],
    ['2024-02-29', 'Văn Quan, ngày 29 tháng 02 năm 2024'],
  ])('%s -> %s', (iso, expected) => {
    expect(dateLineVi('Văn Quan', iso)).toBe(expected);
  });

  it('trims the place and works without one', () => {
    expect(dateLineVi('  Lạng Sơn ', '2022-07-22')).toBe('Lạng Sơn, ngày 22 tháng 7 năm 2022');
    expect(dateLineVi('', '2022-01-05')).toBe('Ngày 05 tháng 01 năm 2022');
  });

  it('leaves blanks for a missing or impossible date instead of guessing', () => {
    expect(dateLineVi('Văn Quan', null)).toBe('Văn Quan, ngày ... tháng ... năm ...');
    expect(dateLineVi('Văn Quan', '2022-02-30')).toBe('Văn Quan, ngày ... tháng ... năm ...');
    expect(dateLineVi('Văn Quan', '2023-02-29')).toBe('Văn Quan, ngày ... tháng ... năm ...');
    expect(dateLineVi('Văn Quan', '22/07/2022')).toBe('Văn Quan, ngày ... tháng ... năm ...');
  });
});
