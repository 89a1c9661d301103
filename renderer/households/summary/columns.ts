import { SUMMARY_COLUMNS, type SummaryColumn } from '../../../electron/contract/households';

export { SUMMARY_COLUMNS, type SummaryColumn };


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
