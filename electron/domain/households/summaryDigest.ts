import type { Commune } from './communes';
import { STANDARDS } from './standards';
import type { Area } from './standards/schema';
import { SummaryBuilder, type HouseholdSummary, type SummaryCounts, type SummaryRecord } from './summary';

/**
 * One office's counts for one review year, split by area: everything the Sở's table needs of
 * that office (its row is rural + urban; the area rows and the total are sums over offices).
 * The year-over-year columns are already counted from the office's earlier records, which is
 * why a digest is made from all of the office's years at once (officeDigest).
 */
export type AreaCounts = Record<Area, SummaryCounts>;

/** Per review year (as a string key: the digest is stored as JSON). */
export type OfficeDigest = Record<string, AreaCounts>;

/**
 * The digest of one office's records: for every year a table of it can be asked for and is not
 * all zeros — a year with records, and the year after one (its "poor at the start of the year").
 * Made by the same builder as the table, so a table of digests equals the table of records.
 */
export function officeDigest(records: readonly SummaryRecord[]): OfficeDigest {
  const years = new Set<number>();
  for (const r of records) {
    years.add(r.reviewYear);
    years.add(r.reviewYear + 1);
  }
  const out: OfficeDigest = {};
  for (const year of [...years].sort((a, b) => a - b)) {
    const builder = new SummaryBuilder(year, STANDARDS, 'households:summary.row.totalProvince');
    builder.addRecords(records, () => '', 'district');
    out[String(year)] = builder.areaCounts();
  }
  return out;
}

/**
 * summaryByDistrictOfRecords() from each office's digest instead of its records (same result):
 * counts are summed, and the rates are computed from the summed counts, never averaged.
 */
export function summaryByDistrictOfDigests(
  groups: readonly { office: { code: string; name: string; former?: boolean }; digest: OfficeDigest; communes?: readonly Commune[] }[],
  options: { year: number },
): HouseholdSummary {
  const builder = new SummaryBuilder(options.year, STANDARDS, 'households:summary.row.totalProvince');
  for (const g of groups) {
    builder.districtUnit(g.office, g.communes ?? []);
    const counts = g.digest[String(options.year)];
    if (!counts) continue;
    builder.addCounts(g.office.code, 'district', 'rural', counts.rural);
    builder.addCounts(g.office.code, 'district', 'urban', counts.urban);
  }
  return builder.result();
}
