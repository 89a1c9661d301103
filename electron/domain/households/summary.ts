import { yearOverYearChange, type YearOverYear } from './changes';
import { classifyWithBasis, NO_TABLES, type LoadedTables } from './classOf';
import { communeArea, communeLabel, householdsOfCommune, type Commune } from './communes';
import { isEthnicMinority, type Household } from './household';
import { mediumScopeOf, type Sector } from './sector';
import { STANDARDS } from './standards';
import type { Area, HouseholdClass, PovertyStandard } from './standards/schema';

/**
 * The review's summary table (tổng hợp kết quả rà soát): one row per commune (or per district
 * at the Sở), rural and urban rows, and the total. Classes are computed here from the records,
 * never read from a stored column, so the table always agrees with the rule.
 */

export interface SummaryCounts {
  total: number;
  poor: number;
  nearPoor: number;
  /**
   * Hộ làm nông, lâm, ngư, diêm nghiệp có mức sống trung bình: households of the medium band in
   * those four sectors only, as the official list counts them (sector.ts).
   */
  medium: number;
  /** Households of the medium band in another sector: not on the list, shown apart. */
  mediumOtherSector: number;
  /** Households of the medium band whose sector is not recorded: to be checked, shown apart. */
  mediumUnknownSector: number;
  above: number;
  /** Poor / near-poor households whose head is of an ethnic minority (not Kinh). */
  minorityPoor: number;
  minorityNearPoor: number;
  /** Households of people with merit that are poor or near-poor. */
  meritPoorOrNearPoor: number;
  /** Poor households at the start of the year (in the previous year's review). */
  poorAtStart: number;
  /** Thoát nghèo, tái nghèo, phát sinh mới during the year (see changes.ts). */
  escaped: number;
  fellBack: number;
  newlyPoor: number;
  nearPoorAtStart: number;
  nearPoorEscaped: number;
  nearPoorFellBack: number;
  nearPoorNew: number;
  /** Near-poor last year, poor this year. */
  nearPoorWorsened: number;
}

export interface SummaryRow extends SummaryCounts {
  /** Commune or office code; 'rural' / 'urban' / 'total' for the other rows. */
  key: string;
  kind: 'commune' | 'district' | 'area' | 'total';
  /** Name from the data ("Xã Tràng Các"); empty for area and total rows, which use labelKey. */
  label: string;
  labelKey?: string;
  /**
   * A unit of an earlier tree of the folder (a 2022 district office at a Sở that moved to the
   * 2025 tree): its records keep its name, shown with an "đơn vị cũ" note.
   */
  former?: boolean;
  /**
   * Tổng số hộ dân cư of the unit (all its households, entered per commune and year), or null
   * when a commune of the unit has no figure for the year: a partial sum would understate it.
   */
  households: number | null;
  /**
   * Percent of `households`, two decimals (12.35 means 12,35 %); null without that base. Never
   * a percent of `total` (the households on the review list), which is what the forms do not mean.
   */
  poorPct: number | null;
  nearPoorPct: number | null;
}

/** The mark of a total of households not known, on screen, on paper and in Excel alike. */
export const NOT_KNOWN_MARK = '—';

/**
 * What one cell of the summary shows: the figure; "—" where the total of households is not
 * known (never 0, which would read as "no households"); nothing for a rate without that base.
 */
export function summaryCell(r: SummaryRow, column: keyof SummaryCounts | 'households' | 'poorPct' | 'nearPoorPct'): number | typeof NOT_KNOWN_MARK | null {
  const v = r[column];
  if (v !== null) return v;
  return column === 'households' ? NOT_KNOWN_MARK : null;
}

export interface HouseholdSummary {
  year: number;
  rows: SummaryRow[];
  rural: SummaryRow;
  urban: SummaryRow;
  total: SummaryRow;
}

/**
 * What the table needs of one record, nothing more: kept per record beside the store
 * (core/households/store/summaryIndex.ts) so the table is made without reading households.
 */
export interface SummaryRecord {
  code: string;
  reviewYear: number;
  communeCode: string;
  area: Area;
  cls: HouseholdClass;
  minority: boolean;
  merit: boolean;
  /** Absent when not recorded. */
  sector?: Sector;
}

export function summaryRecordOf(h: Household, cls: HouseholdClass): SummaryRecord {
  return {
    code: h.code,
    reviewYear: h.reviewYear,
    communeCode: h.communeCode,
    area: h.area,
    cls,
    minority: isEthnicMinority(h.ethnicity),
    merit: Boolean(h.merit),
    ...(h.sector ? { sector: h.sector } : {}),
  };
}

/** summarise() of records already reduced to what the table needs (same result). */
export function summariseRecords(records: readonly SummaryRecord[], options: { year: number; communes: readonly Commune[] }): HouseholdSummary {
  const builder = new SummaryBuilder(options.year, STANDARDS, 'households:summary.row.total');
  builder.communeUnits(options.communes);
  builder.addRecords(records, (h) => h.communeCode, 'commune');
  return builder.result();
}

/** summaryByDistrict() of records already reduced to what the table needs (same result). */
export function summaryByDistrictOfRecords(
  groups: readonly { office: { code: string; name: string; former?: boolean }; records: readonly SummaryRecord[]; communes?: readonly Commune[] }[],
  options: { year: number },
): HouseholdSummary {
  const builder = new SummaryBuilder(options.year, STANDARDS, 'households:summary.row.totalProvince');
  for (const g of groups) {
    builder.districtUnit(g.office, g.communes ?? []);
    builder.addRecords(g.records, () => g.office.code, 'district');
  }
  return builder.result();
}

/** The names of the counted columns, in order: a stored digest made with other columns is stale. */
export const SUMMARY_COUNT_KEYS: readonly (keyof SummaryCounts)[] = Object.keys(emptyCounts()) as (keyof SummaryCounts)[];

export interface SummaryOptions {
  year: number;
  communes: readonly Commune[];
  /** Records of earlier review years (any), matched to this year's by household code. */
  previous?: readonly Household[];
  standards?: readonly PovertyStandard[];
  /** Score tables loaded (an official one named by a Phiếu B decides that record's class). */
  tables?: LoadedTables;
}

/**
 * Summary of one district. `households` may hold several review years: records of `year` are
 * counted, earlier ones serve as history (with `previous`). Communes of the list come first in
 * list order, including those without households; unknown commune codes follow.
 */
export function summarise(households: readonly Household[], options: SummaryOptions): HouseholdSummary {
  const builder = new SummaryBuilder(options.year, options.standards ?? STANDARDS, 'households:summary.row.total', options.tables);
  builder.communeUnits(options.communes);
  builder.addAll(households, options.previous ?? [], (h) => h.communeCode, 'commune');
  return builder.result();
}

export interface DistrictHouseholds {
  office: { code: string; name: string };
  households: readonly Household[];
  previous?: readonly Household[];
  /** The district's communes, whose total households (per year) give the rate's base. */
  communes?: readonly Commune[];
}

/** The same table at the Sở: one row per district office, from the households each owns. */
export function summaryByDistrict(
  groups: readonly DistrictHouseholds[],
  options: { year: number; standards?: readonly PovertyStandard[]; tables?: LoadedTables },
): HouseholdSummary {
  const builder = new SummaryBuilder(options.year, options.standards ?? STANDARDS, 'households:summary.row.totalProvince', options.tables);
  for (const g of groups) {
    builder.districtUnit(g.office, g.communes ?? []);
    builder.addAll(g.households, g.previous ?? [], () => g.office.code, 'district');
  }
  return builder.result();
}

function emptyCounts(): SummaryCounts {
  return {
    total: 0,
    poor: 0,
    nearPoor: 0,
    medium: 0,
    mediumOtherSector: 0,
    mediumUnknownSector: 0,
    above: 0,
    minorityPoor: 0,
    minorityNearPoor: 0,
    meritPoorOrNearPoor: 0,
    poorAtStart: 0,
    escaped: 0,
    fellBack: 0,
    newlyPoor: 0,
    nearPoorAtStart: 0,
    nearPoorEscaped: 0,
    nearPoorFellBack: 0,
    nearPoorNew: 0,
    nearPoorWorsened: 0,
  };
}

function percent(part: number, whole: number | null): number | null {
  return whole === null || whole === 0 ? null : Math.round((part * 10_000) / whole) / 100;
}

/** A sum of total households that turns unknown (null) as soon as one part is unknown. */
class Population {
  value: number | null = 0;
  add(n: number | null | undefined): void {
    this.value = this.value === null || n === null || n === undefined ? null : this.value + n;
  }
}

/**
 * Makes the table from records or from counts already made. Exported for summaryDigest.ts (the
 * per-office digest is made and summed by this same builder, so both tables agree); not for use
 * elsewhere.
 */
export class SummaryBuilder {
  private readonly units = new Map<string, { kind: SummaryRow['kind']; label: string; counts: SummaryCounts; former?: boolean }>();
  private readonly areas: Record<Area, SummaryCounts> = { rural: emptyCounts(), urban: emptyCounts() };
  private readonly total = emptyCounts();
  private readonly populations = new Map<string, Population>();
  private readonly areaPopulations: Record<Area, Population> = { rural: new Population(), urban: new Population() };
  /** Whether any commune of the list lies in the area: without one, the area's base is not known. */
  private readonly areaHasCommune: Record<Area, boolean> = { rural: false, urban: false };
  private readonly totalPopulation = new Population();

  constructor(
    private readonly year: number,
    private readonly standards: readonly PovertyStandard[],
    private readonly totalLabelKey: string,
    private readonly tables: LoadedTables = NO_TABLES,
  ) {}

  unit(key: string, kind: SummaryRow['kind'], label: string, former = false): SummaryCounts {
    let u = this.units.get(key);
    if (!u) {
      u = { kind, label, counts: emptyCounts(), ...(former ? { former } : {}) };
      this.units.set(key, u);
    }
    return u.counts;
  }

  /** The office's communes as rows, in list order, each with its total households of the year. */
  communeUnits(communes: readonly Commune[]): void {
    for (const c of communes) {
      this.unit(c.code, 'commune', communeLabel(c));
      this.population(c.code, communeArea(c), householdsOfCommune(c, this.year));
    }
  }

  /** A district's row; its total households are its communes' (unknown without a commune list). */
  districtUnit(office: { code: string; name: string; former?: boolean }, communes: readonly Commune[]): void {
    this.unit(office.code, 'district', office.name, office.former);
    if (communes.length === 0) this.population(office.code, undefined, undefined);
    for (const c of communes) this.population(office.code, communeArea(c), householdsOfCommune(c, this.year));
  }

  /**
   * Adds a commune's total households (undefined when not entered) to its unit, its area and
   * the total. A unit whose area is unknown (a district without a commune list) makes the
   * area rows unknown too.
   */
  population(key: string, area: Area | undefined, households: number | undefined): void {
    let p = this.populations.get(key);
    if (!p) {
      p = new Population();
      this.populations.set(key, p);
    }
    p.add(households);
    if (area) {
      this.areaHasCommune[area] = true;
      this.areaPopulations[area].add(households);
    } else {
      this.areaPopulations.rural.add(undefined);
      this.areaPopulations.urban.add(undefined);
    }
    this.totalPopulation.add(households);
  }

  private classOf(h: Household): HouseholdClass {
    return classifyWithBasis(h, this.tables, this.standards).class;
  }

  addAll(records: readonly Household[], previous: readonly Household[], unitOf: (h: Household) => string, kind: SummaryRow['kind']): void {
    // Only records of this year or earlier count; each is classified once.
    const reduce = (list: readonly Household[]): SummaryRecord[] =>
      list.filter((h) => h.reviewYear <= this.year).map((h) => ({ ...summaryRecordOf(h, this.classOf(h)), unit: unitOf(h) }));
    const unitOfRecord = (r: SummaryRecord): string => (r as SummaryRecord & { unit: string }).unit;
    this.addRecords(reduce(records), unitOfRecord, kind, reduce(previous));
  }

  addRecords(records: readonly SummaryRecord[], unitOf: (r: SummaryRecord) => string, kind: SummaryRow['kind'], previous: readonly SummaryRecord[] = []): void {
    const current = records.filter((h) => h.reviewYear === this.year);
    // The same earlier record may arrive both ways; count it once.
    const history = [
      ...new Map([...records, ...previous].filter((h) => h.reviewYear < this.year).map((h) => [`${h.code}|${h.reviewYear}`, h])).values(),
    ];
    const byCode = new Map<string, Record<number, HouseholdClass>>();
    for (const h of history) {
      const cls = h.cls;
      const entry = byCode.get(h.code) ?? {};
      entry[h.reviewYear] = cls;
      byCode.set(h.code, entry);
      if (h.reviewYear === this.year - 1) {
        for (const c of this.targets(unitOf(h), h.area, kind)) {
          if (cls === 'poor') c.poorAtStart++;
          if (cls === 'nearPoor') c.nearPoorAtStart++;
        }
      }
    }
    for (const h of current) {
      const cls = h.cls;
      const change = yearOverYearChange({ ...byCode.get(h.code), [this.year]: cls }, this.year);
      for (const c of this.targets(unitOf(h), h.area, kind)) add(c, h, cls, change);
    }
  }

  /** Counts already made (an office's digest) added to its unit, its area and the total. */
  addCounts(unitKey: string, kind: SummaryRow['kind'], area: Area, counts: SummaryCounts): void {
    for (const c of this.targets(unitKey, area, kind)) for (const k of SUMMARY_COUNT_KEYS) c[k] += counts[k];
  }

  /** The area rows' counts (copies): with one unit added, that unit's digest for the year. */
  areaCounts(): Record<Area, SummaryCounts> {
    return { rural: { ...this.areas.rural }, urban: { ...this.areas.urban } };
  }

  private targets(unitKey: string, area: Area, kind: SummaryRow['kind']): SummaryCounts[] {
    return [this.unit(unitKey, kind, unitKey), this.areas[area], this.total];
  }

  result(): HouseholdSummary {
    const row = (key: string, kind: SummaryRow['kind'], label: string, c: SummaryCounts, households: number | null, labelKey?: string): SummaryRow => ({
      key,
      kind,
      label,
      ...(labelKey ? { labelKey } : {}),
      ...c,
      households,
      poorPct: percent(c.poor, households),
      nearPoorPct: percent(c.nearPoor, households),
    });
    // A unit that only appears through its households (a commune code not in the list) has no
    // total: it makes the total unknown rather than silently smaller.
    for (const key of this.units.keys()) if (!this.populations.has(key)) this.population(key, undefined, undefined);
    const pop = (key: string): number | null => this.populations.get(key)?.value ?? null;
    // An area none of whose communes is on the list (the rural row of a ward, the urban row of a
    // district of xã only) has no base: its row says "not known", not 0, which would read as "no
    // households" beside a commune whose total was simply not entered yet. A household the form
    // put in that area still counts in the row; its rate stays blank.
    const areaPop = (a: Area): number | null => (this.areaHasCommune[a] ? this.areaPopulations[a].value : null);
    return {
      year: this.year,
      rows: [...this.units].map(([key, u]) => ({ ...row(key, u.kind, u.label, u.counts, pop(key)), ...(u.former ? { former: true } : {}) })),
      rural: row('rural', 'area', '', this.areas.rural, areaPop('rural'), 'households:summary.row.rural'),
      urban: row('urban', 'area', '', this.areas.urban, areaPop('urban'), 'households:summary.row.urban'),
      total: row('total', 'total', '', this.total, this.totalPopulation.value, this.totalLabelKey),
    };
  }
}

function add(c: SummaryCounts, h: SummaryRecord, cls: HouseholdClass, change: YearOverYear): void {
  c.total++;
  if (cls !== 'medium') c[cls]++;
  else {
    const scope = mediumScopeOf(h.sector);
    if (scope === 'listed') c.medium++;
    else if (scope === 'otherSector') c.mediumOtherSector++;
    else c.mediumUnknownSector++;
  }
  const minority = h.minority;
  if (cls === 'poor' && minority) c.minorityPoor++;
  if (cls === 'nearPoor' && minority) c.minorityNearPoor++;
  if (h.merit && (cls === 'poor' || cls === 'nearPoor')) c.meritPoorOrNearPoor++;
  if (change.poor === 'escaped') c.escaped++;
  if (change.poor === 'fellBack') c.fellBack++;
  if (change.poor === 'new') c.newlyPoor++;
  if (change.nearPoor === 'escaped') c.nearPoorEscaped++;
  if (change.nearPoor === 'fellBack') c.nearPoorFellBack++;
  if (change.nearPoor === 'new') c.nearPoorNew++;
  if (change.nearPoor === 'worsened') c.nearPoorWorsened++;
}
