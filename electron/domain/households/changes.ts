import { householdError } from './errors';
import type { HouseholdClass } from './standards/schema';

/**
 * Year-over-year change of one household, as the commune review counts it (diễn biến hộ nghèo,
 * hộ cận nghèo trong kỳ). For a status S (poor, or near-poor), comparing the household's
 * class in `year` with its class in `year - 1`:
 *
 * - escaped  (thoát nghèo / thoát cận nghèo): S last year, not S this year. For near-poor only
 *   when it moved up (medium or above); a near-poor household that became poor is `worsened`.
 *   A poor household that becomes near-poor has escaped poverty.
 * - fellBack (tái nghèo / tái cận nghèo): S this year, not S last year, but S in some earlier
 *   year: it had left S and came back.
 * - new      (phát sinh mới): S this year and never S in any earlier recorded year (a household
 *   with no earlier record at all, e.g. newly split off, is new).
 * - worsened (near-poor only): near-poor last year, poor this year.
 * - unchanged: same side of S both years (S both years, or not S either year).
 *
 * "Last year" is the record for year - 1; no record counts as not S. So
 * count(S, end) = count(S, start) - escaped - worsened + fellBack + new, for households present
 * both years.
 */
export type StatusChange = 'escaped' | 'fellBack' | 'new' | 'worsened' | 'unchanged';

export interface YearOverYear {
  poor: StatusChange;
  nearPoor: StatusChange;
}

/** One household's class by review year, e.g. { 2022: 'poor', 2023: 'nearPoor' }. */
export type ClassHistory = Readonly<Record<number, HouseholdClass | undefined>>;

const RANK: Record<HouseholdClass, number> = { poor: 0, nearPoor: 1, medium: 2, above: 3 };

export function yearOverYearChange(history: ClassHistory, year: number): YearOverYear {
  const current = history[year];
  if (current === undefined) throw householdError('HOUSEHOLD_YEAR_MISSING', { year });
  const previous = history[year - 1];
  const earlier = Object.entries(history)
    .filter(([y, c]) => Number(y) < year - 1 && c !== undefined)
    .map(([, c]) => c as HouseholdClass);
  return {
    poor: statusChange('poor', previous, current, earlier),
    nearPoor: statusChange('nearPoor', previous, current, earlier),
  };
}

function statusChange(
  status: HouseholdClass,
  previous: HouseholdClass | undefined,
  current: HouseholdClass,
  earlier: readonly HouseholdClass[],
): StatusChange {
  const was = previous === status;
  const is = current === status;
  if (was && is) return 'unchanged';
  if (was) return RANK[current] < RANK[status] ? 'worsened' : 'escaped';
  if (is) return earlier.includes(status) ? 'fellBack' : 'new';
  return 'unchanged';
}
