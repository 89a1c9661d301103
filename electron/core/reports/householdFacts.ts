import type { HouseholdPrefill } from '../../domain/reports/form';
import type { PrefillFacts } from './prefill';

/**
 * Household counts for prefilling a report, from the poverty review. Pure: the caller reads
 * the household documents and works out each one's class (see facts.ts).
 *
 * Which review: the latest one within `years` (window.ts reviewYearsOf: the year the report's
 * cut-off window ends and the year before). The review done at the end of 2021 is the list of
 * poor households a 2022 six-month report speaks of until the 2022 review is recorded; an
 * older review is never offered.
 */
export interface HouseholdRow {
  commune: string;
  /** 'poor' | 'nearPoor' | 'medium' | 'above'; null when it could not be classified. */
  cls: string | null;
  reviewYear: number | null;
}

/** Tổng số hộ dân cư per commune code, by year ("2025" -> 12450), from the commune list. */
export type CommuneTotals = Record<string, Readonly<Record<string, number>>>;

/**
 * `households.total` is the number of households living in the commune (the base of the
 * poverty rate on the forms), taken from the commune list for the review year; never the
 * number of households on the review list. Without the figure for every commune the district
 * total is left out (a partial sum would be a wrong figure offered as a right one).
 */
export function householdFacts(rows: readonly HouseholdRow[], years: { from: number; to: number }, communeTotals: CommuneTotals = {}): PrefillFacts {
  const found = rows.map((r) => r.reviewYear).filter((y): y is number => y !== null && y >= years.from && y <= years.to);
  if (found.length === 0) return {};
  const review = Math.max(...found);
  const mine = rows.filter((r) => r.reviewYear === review);
  const totals: Partial<Record<HouseholdPrefill, number>> = { 'households.poor': 0, 'households.nearPoor': 0 };
  const perCommune: Record<string, Partial<Record<HouseholdPrefill, number>>> = {};
  const counts = (code: string) => (perCommune[code] ??= { 'households.poor': 0, 'households.nearPoor': 0 });
  for (const r of mine) {
    const c = counts(r.commune);
    if (r.cls === 'poor') {
      totals['households.poor'] = (totals['households.poor'] ?? 0) + 1;
      c['households.poor'] = (c['households.poor'] ?? 0) + 1;
    } else if (r.cls === 'nearPoor') {
      totals['households.nearPoor'] = (totals['households.nearPoor'] ?? 0) + 1;
      c['households.nearPoor'] = (c['households.nearPoor'] ?? 0) + 1;
    }
  }
  const figureOf = (code: string): number | undefined => communeTotals[code]?.[String(review)];
  for (const code of Object.keys(communeTotals)) {
    const n = figureOf(code);
    if (n !== undefined) counts(code)['households.total'] = n;
  }
  // Every commune of the list and every commune with listed households must have its figure.
  const codes = [...new Set([...Object.keys(perCommune), ...Object.keys(communeTotals)])];
  if (codes.length > 0 && codes.every((code) => figureOf(code) !== undefined)) {
    totals['households.total'] = codes.reduce((sum, code) => sum + (figureOf(code) ?? 0), 0);
  }
  return { totals, perCommune };
}

/** Task counts of a report's cut-off window: tasks assigned to the office in it, and those it reported done. */
export interface TaskRowFact {
  /** Directive date and task deadline ('YYYY-MM-DD'), either may be missing. */
  dates: Array<string | null>;
  done: boolean;
}

export function taskFacts(rows: readonly TaskRowFact[], range: { start: string; end: string }): PrefillFacts {
  const inPeriod = rows.filter((r) => r.dates.some((d) => d !== null && d >= range.start && d <= range.end));
  return { totals: { 'tasks.assigned': inPeriod.length, 'tasks.done': inPeriod.filter((r) => r.done).length } };
}

/** Facts from several sources; later ones do not overwrite earlier ones. */
export function mergeFacts(...facts: PrefillFacts[]): PrefillFacts {
  const out: PrefillFacts = {};
  for (const f of facts) {
    if (f.totals) out.totals = { ...f.totals, ...out.totals };
    if (f.perCommune) out.perCommune = { ...f.perCommune, ...out.perCommune };
  }
  return out;
}
