import { describe, expect, it } from 'vitest';
import { householdFacts, mergeFacts, taskFacts, type HouseholdRow } from '../../../electron/core/reports/householdFacts';
import { prefillValues } from '../../../electron/core/reports/prefill';
import { SIX_MONTH_FORM } from '../../../electron/domain/reports/defaultForms';

const row = (commune: string, cls: string | null, reviewYear: number | null): HouseholdRow => ({ commune, cls, reviewYear });

describe('số hộ để điền sẵn báo cáo', () => {
  it('counts the latest review of the window\'s years, per commune and in all', () => {
    const rows = [
      row('A', 'poor', 2021),
      row('A', 'nearPoor', 2021),
      row('A', 'above', 2021),
      row('B', 'poor', 2021),
      row('B', null, 2021),
      row('A', 'poor', 2020),
      row('A', 'poor', 2023),
    ];
    const f = householdFacts(rows, { from: 2021, to: 2022 }, { A: { '2021': 1200 }, B: { '2021': 850 } });
    // Tổng số hộ is the communes' population of households, not the 5 households on the list.
    expect(f.totals).toEqual({ 'households.total': 2050, 'households.poor': 2, 'households.nearPoor': 1 });
    expect(f.perCommune?.['A']).toEqual({ 'households.total': 1200, 'households.poor': 1, 'households.nearPoor': 1 });
    expect(f.perCommune?.['B']).toEqual({ 'households.total': 850, 'households.poor': 1, 'households.nearPoor': 0 });
    expect(householdFacts(rows, { from: 2022, to: 2023 }, { A: { '2023': 12450 } }).totals?.['households.total']).toBe(12450);
  });

  it('offers no district total while a commune lacks its figure (a partial sum would be wrong)', () => {
    const rows = [row('A', 'poor', 2021), row('B', 'poor', 2021)];
    const f = householdFacts(rows, { from: 2021, to: 2022 }, { A: { '2021': 1200 }, B: {} });
    expect(f.totals?.['households.total']).toBeUndefined();
    expect(f.perCommune?.['A']?.['households.total']).toBe(1200);
    expect(f.perCommune?.['B']?.['households.total']).toBeUndefined();
    expect(householdFacts(rows, { from: 2021, to: 2022 }).totals?.['households.total']).toBeUndefined();
  });

  it('says nothing when there are no households (no zeros are offered)', () => {
    expect(householdFacts([], { from: 2021, to: 2022 })).toEqual({});
    expect(householdFacts([row('A', 'poor', 2024)], { from: 2021, to: 2022 })).toEqual({});
    expect(prefillValues(SIX_MONTH_FORM, householdFacts([], { from: 2021, to: 2022 })).filled).toEqual([]);
  });

  it('counts tasks of the period by directive date or deadline', () => {
    const f = taskFacts(
      [
        { dates: ['2022-03-01', null], done: true },
        { dates: ['2021-12-20', '2022-06-30'], done: false },
        { dates: ['2021-12-20', '2022-07-01'], done: true },
        { dates: [null, null], done: true },
      ],
      { start: '2022-01-01', end: '2022-06-30' },
    );
    expect(f.totals).toEqual({ 'tasks.assigned': 2, 'tasks.done': 1 });
  });

  it('merges sources, the first one winning', () => {
    const m = mergeFacts({ totals: { 'households.poor': 3 } }, { totals: { 'households.poor': 9, 'tasks.done': 2 } });
    expect(m.totals).toEqual({ 'households.poor': 3, 'tasks.done': 2 });
    const filled = prefillValues(SIX_MONTH_FORM, m);
    expect(filled.values['gn.ho_ngheo']).toBe(3);
    expect(filled.values['nv.hoan_thanh']).toBe(2);
  });
});
