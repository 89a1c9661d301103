import type { SummaryCounts } from '../../../electron/contract/households';

export type SummaryColumn = keyof SummaryCounts | 'poorPct' | 'nearPoorPct';

/** Columns of the summary table, as the review report prints them (the Excel file has the same). */
export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  'total',
  'poor',
  'poorPct',
  'minorityPoor',
  'nearPoor',
  'nearPoorPct',
  'minorityNearPoor',
  'medium',
  'poorAtStart',
  'escaped',
  'fellBack',
  'newlyPoor',
  'nearPoorAtStart',
  'nearPoorEscaped',
  'nearPoorFellBack',
  'nearPoorNew',
  'meritPoorOrNearPoor',
];

/** The narrower set that fits an A4 portrait page. */
export const PRINT_COLUMNS: readonly SummaryColumn[] = [
  'total',
  'poor',
  'poorPct',
  'minorityPoor',
  'nearPoor',
  'nearPoorPct',
  'minorityNearPoor',
  'medium',
  'escaped',
  'fellBack',
  'newlyPoor',
  'meritPoorOrNearPoor',
];

export const PERCENT_COLUMNS: ReadonlySet<SummaryColumn> = new Set(['poorPct', 'nearPoorPct']);
