import {
  defaultAggregate,
  findIndicator,
  isNumericType,
  type Aggregate,
  type CellType,
  type Column,
  type Indicator,
  type IndicatorType,
  type ReportForm,
  type TableDef,
} from './form';
import { assertPeriodKey } from './periods';
import { targetsFor, type Target } from './targets';
import { cleanSum, isEmptyValue, isTableValue, numberOf, roundTo, type IndicatorValue } from './values';
import { findFormVersion, indicatorsAcrossVersions, notInVersionNote } from './versions';

/**
 * Province totals for one period: per indicator, each office's figure and the sum over
 * offices, with the share of the year's target reached.
 *
 * Reports filled on different form versions are matched by indicator id; where an office's
 * version lacks an indicator its cell says "không có trong mẫu phiên bản N" and it adds
 * nothing. How each type is added up (the newest definition's `aggregate` decides):
 * - integer, decimal, money: summed ('sum'), or averaged without weights ('mean'), or not at
 *   all ('none');
 * - boolean: counted, how many offices answered yes (and no, and left it empty);
 * - percent: never summed. With `ratioOf` the province rate is recomputed from the summed
 *   parts (Σ poor households / Σ households × 100), which weights offices correctly;
 *   with 'mean' it is the plain average, labelled as such; otherwise not summable;
 * - text: never added up; each office's text is listed (narrative for the printed report);
 * - table: each numeric column summed over rows and offices; fixed-group rows are also summed
 *   row by row; commune rows are listed per office (communes belong to one district).
 * % of target: figure ÷ the year's target × 100 (a six-month figure against the year's
 * target, as the sector reports it), for summed figures only: a rate's target is shown but
 * not divided, since "reach 95% of a 12% poverty rate" means nothing. The province target is
 * the sum of the listed offices' targets.
 * Which reports count (complete only, accepted only...) is the caller's choice.
 */

export interface ReportForConsolidation {
  office: string;
  period: string;
  formId: string;
  formVersion: number;
  values: Readonly<Record<string, unknown>>;
}

export interface ConsolidateInput {
  /** Every form version the reports may have been filled on. */
  forms: readonly ReportForm[];
  reports: readonly ReportForConsolidation[];
  period: string;
  /** Rows and their order; default: the offices that have a report, in input order. */
  offices?: readonly string[];
  targets?: readonly Target[];
  /** Which indicators and in what order; default: the union over the versions in use. */
  indicatorIds?: readonly string[];
}

export type FigureStatus = 'value' | 'empty' | 'invalid' | 'noReport' | 'notInVersion' | 'unknownForm';
export type TotalKind = 'sum' | 'count' | 'mean' | 'ratio' | 'notSummable' | 'text';

export interface Note {
  messageKey: string;
  params: Record<string, string | number>;
}

export interface OfficeFigure {
  office: string;
  status: FigureStatus;
  /** As entered (a table stays a table); null unless status is 'value'. */
  value: IndicatorValue | null;
  formVersion: number | null;
  target: number | null;
  targetPct: number | null;
  note?: Note;
}

export interface ConsolidatedColumn {
  id: string;
  label: string;
  type: CellType;
  unit: string;
  totalKind: TotalKind;
  total: number | null;
  /** Each office's total of the column over its rows. */
  perOffice: Record<string, number | null>;
}

export interface ConsolidatedRow {
  key: string;
  /** Set for commune rows, which belong to one office. */
  office?: string;
  cells: Record<string, number | null>;
}

export interface ConsolidatedIndicator {
  id: string;
  label: string;
  type: IndicatorType;
  unit: string;
  totalKind: TotalKind;
  total: number | null;
  /** Offices whose figure went into the total. */
  contributors: number;
  target: number | null;
  targetPct: number | null;
  /** How many listed offices have a target for this indicator. */
  targetOffices: number;
  booleans?: { yes: number; no: number; empty: number };
  table?: { columns: ConsolidatedColumn[]; rows: ConsolidatedRow[] };
  offices: OfficeFigure[];
  note?: Note;
}

export interface Consolidation {
  period: string;
  year: number;
  offices: string[];
  indicators: ConsolidatedIndicator[];
}

interface OfficeEntry {
  office: string;
  report: ReportForConsolidation | undefined;
  form: ReportForm | undefined;
}

export function consolidate(input: ConsolidateInput): Consolidation {
  const { year } = assertPeriodKey(input.period);
  const reports = pickReports(input.reports.filter((r) => r.period === input.period));
  const offices = input.offices ? [...input.offices] : [...reports.keys()];
  const entries: OfficeEntry[] = offices.map((office) => {
    const report = reports.get(office);
    return { office, report, form: report ? findFormVersion(input.forms, report.formId, report.formVersion) : undefined };
  });
  const targets = new Map(offices.map((o) => [o, targetsFor(input.targets ?? [], o, year)]));

  // By default the forms in use decide the list; asked for by id, any known form may define it.
  const used = input.forms.filter((f) => [...reports.values()].some((r) => r.formId === f.formId));
  const indicators = input.indicatorIds
    ? byIds(indicatorsAcrossVersions([...used, ...input.forms.filter((f) => !used.includes(f))]), input.indicatorIds)
    : indicatorsAcrossVersions(used.length > 0 ? used : input.forms);

  return {
    period: input.period,
    year,
    offices,
    indicators: indicators.map((ind) => consolidateIndicator(ind, entries, targets)),
  };
}

/** The same consolidation for several periods: one series per indicator for charts over time. */
export function consolidatePeriods(input: Omit<ConsolidateInput, 'period'>, periods: readonly string[]): Consolidation[] {
  return periods.map((period) => consolidate({ ...input, period }));
}

function byIds(known: readonly Indicator[], ids: readonly string[]): Indicator[] {
  return ids.map((id) => known.find((i) => i.id === id)).filter((i): i is Indicator => i !== undefined);
}

/** One report per office: with duplicates, the one on the newest form version. */
function pickReports(reports: readonly ReportForConsolidation[]): Map<string, ReportForConsolidation> {
  const out = new Map<string, ReportForConsolidation>();
  for (const r of reports) {
    const prev = out.get(r.office);
    if (!prev || r.formVersion >= prev.formVersion) out.set(r.office, r);
  }
  return out;
}

function consolidateIndicator(
  ind: Indicator,
  entries: readonly OfficeEntry[],
  targets: ReadonlyMap<string, Record<string, number>>,
): ConsolidatedIndicator {
  const kind = totalKindOf(ind);
  const figures = entries.map((e) => officeFigure(ind, e, targets.get(e.office)?.[ind.id], kind));
  const withValue = figures.filter((f) => f.status === 'value');
  const base = { id: ind.id, label: ind.label, type: ind.type, unit: ind.unit, totalKind: kind };

  let total: number | null = null;
  let contributors = 0;
  let booleans: ConsolidatedIndicator['booleans'];
  let table: ConsolidatedIndicator['table'];

  if (ind.type === 'boolean') {
    const yes = withValue.filter((f) => f.value === true).length;
    const no = withValue.filter((f) => f.value === false).length;
    booleans = { yes, no, empty: figures.length - yes - no };
    if (kind === 'count') {
      total = yes;
      contributors = yes + no;
    }
  } else if (ind.type === 'table' && ind.table) {
    table = consolidateTable(ind.id, ind.table, entries, kind !== 'notSummable');
    contributors = withValue.length;
  } else if (kind === 'ratio' && ind.ratioOf) {
    const r = ratioTotal(ind.ratioOf.numerator, ind.ratioOf.denominator, entries);
    total = r.total;
    contributors = r.contributors;
  } else if (kind === 'sum' || kind === 'mean') {
    const nums = withValue.map((f) => numberOf(f.value)).filter((n): n is number => n !== undefined);
    contributors = nums.length;
    if (nums.length > 0) total = kind === 'sum' ? cleanSum(nums) : roundTo(cleanSum(nums) / nums.length, 2);
  }

  // Only a summed figure is measured against the sum of the offices' targets.
  const measured = kind === 'sum' && isNumericType(ind.type);
  const officeTargets = figures.map((f) => f.target).filter((t): t is number => t !== null);
  const target = measured && officeTargets.length > 0 ? cleanSum(officeTargets) : null;
  const result: ConsolidatedIndicator = {
    ...base,
    total,
    contributors,
    target,
    targetPct: measured ? targetPct(total, target) : null,
    targetOffices: officeTargets.length,
    offices: figures,
  };
  if (booleans) result.booleans = booleans;
  if (table) result.table = table;
  if (kind === 'notSummable' || kind === 'mean' || kind === 'ratio') {
    result.note = { messageKey: `reports:consolidate.${kind}`, params: {} };
  }
  return result;
}

export function totalKindOf(ind: Pick<Indicator, 'type' | 'aggregate' | 'ratioOf'>): TotalKind {
  if (ind.type === 'text') return 'text';
  if (ind.type === 'percent') return ind.ratioOf ? 'ratio' : ind.aggregate === 'mean' ? 'mean' : 'notSummable';
  return kindOf(ind.type, ind.aggregate);
}

function kindOf(type: IndicatorType | CellType, aggregate: Aggregate): TotalKind {
  if (type === 'text') return 'text';
  if (aggregate === 'none' || (type === 'percent' && aggregate === 'sum')) return 'notSummable';
  if (type === 'boolean') return aggregate === 'sum' ? 'count' : 'notSummable';
  return aggregate;
}

function officeFigure(ind: Indicator, e: OfficeEntry, target: number | undefined, kind: TotalKind): OfficeFigure {
  const t = target ?? null;
  const base = { office: e.office, value: null, formVersion: e.report?.formVersion ?? null, target: t, targetPct: null };
  if (!e.report) return { ...base, status: 'noReport', note: { messageKey: 'reports:consolidate.noReport', params: {} } };
  if (!e.form) {
    return {
      ...base,
      status: 'unknownForm',
      note: { messageKey: 'reports:consolidate.unknownForm', params: { formId: e.report.formId, version: e.report.formVersion } },
    };
  }
  if (!findIndicator(e.form, ind.id)) return { ...base, status: 'notInVersion', note: notInVersionNote(e.form.version) };
  const v = e.report.values[ind.id];
  if (isEmptyValue(v)) return { ...base, status: 'empty' };
  const value = usableValue(ind, v);
  if (value === null) return { ...base, status: 'invalid' };
  const n = typeof value === 'number' && kind === 'sum' ? value : null;
  return { ...base, status: 'value', value, targetPct: targetPct(n, t) };
}

/** A stored value of the right shape for its type, or null (a draft may hold anything). */
function usableValue(ind: Indicator, v: unknown): IndicatorValue | null {
  if (isNumericType(ind.type)) return numberOf(v) ?? null;
  if (ind.type === 'boolean') return typeof v === 'boolean' ? v : null;
  if (ind.type === 'text') return typeof v === 'string' ? v : null;
  return isTableValue(v) ? v : null;
}

function targetPct(value: number | null, target: number | null): number | null {
  if (value === null || target === null || target <= 0) return null;
  return roundTo((value / target) * 100, 1);
}

function ratioTotal(numId: string, denId: string, entries: readonly OfficeEntry[]): { total: number | null; contributors: number } {
  const nums: number[] = [];
  const dens: number[] = [];
  for (const e of entries) {
    if (!e.report || !e.form || !findIndicator(e.form, numId) || !findIndicator(e.form, denId)) continue;
    const n = numberOf(e.report.values[numId]);
    const d = numberOf(e.report.values[denId]);
    if (n === undefined || d === undefined) continue;
    nums.push(n);
    dens.push(d);
  }
  const den = cleanSum(dens);
  return { total: den > 0 ? roundTo((cleanSum(nums) / den) * 100, 2) : null, contributors: nums.length };
}

function consolidateTable(
  id: string,
  def: TableDef,
  entries: readonly OfficeEntry[],
  summable: boolean,
): { columns: ConsolidatedColumn[]; rows: ConsolidatedRow[] } {
  const columns = def.columns;
  const tables = entries.map((e) => {
    const v = e.report?.values[id];
    const own = e.form ? findIndicator(e.form, id)?.table : undefined;
    // Columns count only where the office's own version had them.
    const cols = new Set(own?.columns.map((c) => c.id) ?? []);
    return { office: e.office, table: isTableValue(v) ? v : undefined, cols };
  });
  // A yes/no column counts its yeses.
  const cellNumber = (col: Column, cell: unknown): number | undefined => {
    if (col.type === 'boolean') return cell === true ? 1 : cell === false ? 0 : undefined;
    return isNumericType(col.type) ? numberOf(cell) : undefined;
  };
  const combine = (kind: TotalKind, nums: readonly number[]): number | null => {
    if (nums.length === 0) return null;
    if (kind === 'sum' || kind === 'count') return cleanSum(nums);
    return kind === 'mean' ? roundTo(cleanSum(nums) / nums.length, 2) : null;
  };

  const outColumns: ConsolidatedColumn[] = columns.map((col) => {
    const kind = summable ? kindOf(col.type, col.aggregate ?? defaultAggregate(col.type)) : 'notSummable';
    const perOffice: Record<string, number | null> = {};
    const all: number[] = [];
    for (const t of tables) {
      const rows = t.table && t.cols.has(col.id) ? Object.values(t.table) : [];
      const nums = rows.map((row) => cellNumber(col, row[col.id])).filter((n): n is number => n !== undefined);
      all.push(...nums);
      perOffice[t.office] = combine(kind, nums);
    }
    return { id: col.id, label: col.label, type: col.type, unit: col.unit, totalKind: kind, total: combine(kind, all), perOffice };
  });

  const rows: ConsolidatedRow[] = [];
  const numericCols = columns.filter((c) => isNumericType(c.type) || c.type === 'boolean');
  if (def.rows === 'communes') {
    for (const t of tables) {
      if (!t.table) continue;
      for (const key of Object.keys(t.table).sort()) {
        const row = t.table[key] ?? {};
        if (Object.values(row).every((c) => isEmptyValue(c))) continue;
        const cells = numericCols.map((c) => [c.id, t.cols.has(c.id) ? (cellNumber(c, row[c.id]) ?? null) : null]);
        rows.push({ key, office: t.office, cells: Object.fromEntries(cells) });
      }
    }
  } else {
    for (const key of def.rows.groups) {
      const cells: Record<string, number | null> = {};
      for (const c of numericCols) {
        const kind = outColumns.find((o) => o.id === c.id)?.totalKind ?? 'notSummable';
        const nums = tables
          .map((t) => (t.table && t.cols.has(c.id) ? cellNumber(c, t.table[key]?.[c.id]) : undefined))
          .filter((n): n is number => n !== undefined);
        cells[c.id] = combine(kind, nums);
      }
      rows.push({ key, cells });
    }
  }
  return { columns: outColumns, rows };
}
