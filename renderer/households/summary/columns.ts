import { SUMMARY_COLUMNS, type SummaryColumn } from '../../../electron/contract/households';

export { SUMMARY_COLUMNS, type SummaryColumn };

/** Start-of-year and near-poor movement columns, left out so the table fits an A4 portrait page. */
const NOT_PRINTED: ReadonlySet<SummaryColumn> = new Set(['poorAtStart', 'nearPoorAtStart', 'nearPoorEscaped', 'nearPoorFellBack', 'nearPoorNew']);

/** The narrower set that fits an A4 portrait page, in the same order as the full table. */
export const PRINT_COLUMNS: readonly SummaryColumn[] = SUMMARY_COLUMNS.filter((c) => !NOT_PRINTED.has(c));
