import { describe, expect, it } from 'vitest';
import { reportWindow, reviewYearsOf, ND09_CUTOFF } from '../../../electron/domain/reports/window';
import { SIX_MONTH_FORM, YEARLY_FORM } from '../../../electron/domain/reports/defaultForms';
import { householdFacts, taskFacts, type HouseholdRow } from '../../../electron/core/reports/householdFacts';
import { prefillValues } from '../../../electron/core/reports/prefill';

describe('cut-off windows as Nghị định 09/2019 sets them', () => {
  it('six months: 15/12 of the previous year to 14/6; year: 15/12 to 14/12', () => {
    expect(reportWindow(SIX_MONTH_FORM, '2026-H1')).toEqual({ start: '2025-12-15', end: '2026-06-14' });
    expect(reportWindow(YEARLY_FORM, '2026')).toEqual({ start: '2025-12-15', end: '2026-12-14' });
    expect(reportWindow({ cutoff: ND09_CUTOFF }, '2026-Q3')).toEqual({ start: '2026-06-15', end: '2026-09-14' });
    expect(reportWindow({ cutoff: ND09_CUTOFF }, '2026-01')).toEqual({ start: '2025-12-15', end: '2026-01-14' });
  });

  it('a form saved before the windows (no cutoff) keeps the calendar period', () => {
    expect(reportWindow({}, '2026-H1')).toEqual({ start: '2026-01-01', end: '2026-06-30' });
  });

  it('the 2026 six-month report is not prefilled from the 2022 review, but from the 2025 one', () => {
    const row = (commune: string, cls: string, reviewYear: number): HouseholdRow => ({ commune, cls, reviewYear });
    const only2022 = [row('VQ-TRANGCAC', 'poor', 2022), row('VQ-TRANGCAC', 'nearPoor', 2022)];
    const years = reviewYearsOf(reportWindow(SIX_MONTH_FORM, '2026-H1'));
    expect(years).toEqual({ from: 2025, to: 2026 });
    const stale = prefillValues(SIX_MONTH_FORM, householdFacts(only2022, years));
    expect(stale.filled).toEqual([]);
    const withNew = [...only2022, row('VQ-TRANGCAC', 'poor', 2025), row('VQ-BINHPHUC', 'above', 2025), row('VQ-BINHPHUC', 'poor', 2025)];
    // Tổng số hộ comes from the communes' household totals (issue 12), none given here.
    expect(householdFacts(withNew, years).totals).toEqual({ 'households.poor': 2, 'households.nearPoor': 0 });
    expect(householdFacts(withNew, years, { 'VQ-TRANGCAC': { '2025': 1200 }, 'VQ-BINHPHUC': { '2025': 800 } }).totals?.['households.total']).toBe(2000);
  });

  it('task counts cover exactly the window: a task of 20/12/2025 counts for the 2026 six-month report', () => {
    const w = reportWindow(SIX_MONTH_FORM, '2026-H1');
    const rows = [
      { dates: ['2025-12-20', null], done: true },
      { dates: ['2025-12-14', null], done: true },
      { dates: ['2026-06-14', null], done: false },
      { dates: ['2026-06-20', null], done: true },
    ];
    expect(taskFacts(rows, w).totals).toEqual({ 'tasks.assigned': 2, 'tasks.done': 1 });
  });
});
