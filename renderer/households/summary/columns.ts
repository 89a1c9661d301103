import { SUMMARY_COLUMNS, type SummaryColumn } from '../../../electron/contract/households';

export { SUMMARY_COLUMNS, type SummaryColumn };

/**
 * Left out so the table fits its A4 page: the start-of-year and near-poor movement columns, and
 * the households in the medium-living band that are not on its list (other or unknown sector:
 * the paper counts the list as Quyết định 24/2021 does; the screen and the Excel file keep them).
 */
const NOT_PRINTED: ReadonlySet<SummaryColumn> = new Set(['poorAtStart', 'nearPoorAtStart', 'nearPoorEscaped', 'nearPoorFellBack', 'nearPoorNew', 'mediumOtherSector', 'mediumUnknownSector']);

/** The narrower set that fits an A4 portrait page, in the same order as the full table. */
export const PRINT_COLUMNS: readonly SummaryColumn[] = SUMMARY_COLUMNS.filter((c) => !NOT_PRINTED.has(c));
