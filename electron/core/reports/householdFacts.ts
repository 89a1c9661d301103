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

export function householdFacts(rows: readonly HouseholdRow[], years: { from: number; to: number }): PrefillFacts {
  const found = rows.map((r) => r.reviewYear).filter((y): y is number => y !== null && y >= years.from && y <= years.to);
  if (found.length === 0) return {};
  const review = Math.max(...found);
  const mine = rows.filter((r) => r.reviewYear === review);
  const totals: Record<HouseholdPrefill, number> = { 'households.total': 0, 'households.poor': 0, 'households.nearPoor': 0 };
  const perCommune: Record<string, Record<HouseholdPrefill, number>> = {};
  for (const r of mine) {
    const c = (perCommune[r.commune] ??= { 'households.total': 0, 'households.poor': 0, 'households.nearPoor': 0 });
    totals['households.total'] += 1;
    c['households.total'] += 1;
    if (r.cls === 'poor') {
      totals['households.poor'] += 1;
      c['households.poor'] += 1;
    } else if (r.cls === 'nearPoor') {
      totals['households.nearPoor'] += 1;
      c['households.nearPoor'] += 1;
    }
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
