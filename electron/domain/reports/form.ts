import { z } from 'zod';
import { AppError } from '../errors';
import { groupMembers, lowerUnitsOn, type OrgProfile } from '../org';
import { CutoffSchema } from './window';
import { DueRuleSchema, PeriodTypeSchema, dueDate, periodKey, periodRange, periodsOfYear } from './periods';

/**
 * A report form is data designed by the Sở and carried to the offices in bundles. Everything
 * the office needs to fill and check a report offline is in here: the indicators, their
 * types and bounds, and the cross-field rules as a tiny comparison language (no code, no eval).
 *
 * Indicator ids are stable across versions ('ld.vieclam.tao_moi'): figures from different
 * versions are added up by id, so an id never changes its type or unit (see versions.ts).
 */

export const INDICATOR_TYPES = ['integer', 'decimal', 'percent', 'money', 'boolean', 'text', 'table'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export const CELL_TYPES = ['integer', 'decimal', 'percent', 'money', 'boolean', 'text'] as const;
export type CellType = (typeof CELL_TYPES)[number];
/** Types that take part in arithmetic (rules, sums). */
export const NUMERIC_TYPES = ['integer', 'decimal', 'percent', 'money'] as const;

export const HOUSEHOLD_PREFILLS = ['households.poor', 'households.nearPoor', 'households.total'] as const;
export const PREFILL_SOURCES = [...HOUSEHOLD_PREFILLS, 'tasks.done', 'tasks.assigned'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];
export type HouseholdPrefill = (typeof HOUSEHOLD_PREFILLS)[number];

/**
 * How the Sở adds an indicator up across offices (consolidate.ts):
 * - sum: numbers summed; booleans counted (how many answered "Có"); tables summed by column;
 * - mean: unweighted average of the offices' values, shown as such (for rates without parts);
 * - none: listed per office, no province figure (text; rates that cannot be combined).
 * A percent with `ratioOf` is recomputed from its summed parts, whatever `aggregate` says.
 */
export const AGGREGATES = ['sum', 'mean', 'none'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export const COMPARE_OPS = ['<=', '<', '>=', '>', '=='] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

export const FormIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'formId');
export const IndicatorIdSchema = z.string().max(80).regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'indicatorId');
export const ColumnIdSchema = z.string().max(40).regex(/^[a-z][a-z0-9_]*$/, 'columnId');
const RuleIdSchema = z.string().max(80).regex(/^[a-z0-9][a-z0-9._-]*$/, 'ruleId');
export const LocalizedTextSchema = z.strictObject({ vi: z.string().min(1).max(500), en: z.string().min(1).max(500) });

/** A term of a form rule: a constant, an indicator, the sum of a table column, or the office's target. */
export const TermSchema = z.union([
  z.number(),
  IndicatorIdSchema,
  z.strictObject({ table: IndicatorIdSchema, column: ColumnIdSchema }),
  z.strictObject({ target: IndicatorIdSchema }),
]);
export type Term = z.infer<typeof TermSchema>;
export const ExprSchema = z.union([TermSchema, z.strictObject({ sum: z.array(TermSchema).min(1).max(20) })]);
export type Expr = z.infer<typeof ExprSchema>;

/** Terms of a rule checked on every row of a table: constants and column ids. */
export const RowTermSchema = z.union([z.number(), ColumnIdSchema]);
export type RowTerm = z.infer<typeof RowTermSchema>;
export const RowExprSchema = z.union([RowTermSchema, z.strictObject({ sum: z.array(RowTermSchema).min(1).max(20) })]);
export type RowExpr = z.infer<typeof RowExprSchema>;

function compareRule<E extends z.ZodType>(expr: E) {
  return z.strictObject({
    id: RuleIdSchema,
    kind: z.literal('compare'),
    left: expr,
    op: z.enum(COMPARE_OPS),
    right: expr,
    /** Shown at the field; may use {{left}} and {{right}} for the two computed sides. */
    message: LocalizedTextSchema,
    /** Warnings are shown but do not stop "mark complete". */
    severity: z.enum(['error', 'warning']).default('error'),
    /** With 'skip' (DHIS2's default) a rule waits until every figure it uses is entered. */
    missing: z.enum(['skip', 'zero']).default('skip'),
  });
}
export const FormRuleSchema = compareRule(ExprSchema);
export type FormRule = z.infer<typeof FormRuleSchema>;
export const RowRuleSchema = compareRule(RowExprSchema);
export type RowRule = z.infer<typeof RowRuleSchema>;

const BoundSchema = z.number();
const LengthSchema = z.number().int().min(0).max(100_000);

export const ColumnSchema = z.strictObject({
  id: ColumnIdSchema,
  label: z.string().min(1).max(200),
  type: z.enum(CELL_TYPES),
  unit: z.string().max(40).default(''),
  required: z.boolean().default(false),
  min: BoundSchema.optional(),
  max: BoundSchema.optional(),
  maxLength: LengthSchema.optional(),
  /** Per-commune figures from the household review. */
  prefill: z.enum(HOUSEHOLD_PREFILLS).optional(),
  aggregate: z.enum(AGGREGATES).optional(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const TableRowsSchema = z.union([
  /** One row per commune of the reporting office; row keys are commune codes. */
  z.literal('communes'),
  /** Fixed rows; the group names are the row keys. */
  z.strictObject({ groups: z.array(z.string().min(1).max(120)).min(1).max(200) }),
]);
export type TableRows = z.infer<typeof TableRowsSchema>;

export const TableSchema = z.strictObject({
  rows: TableRowsSchema,
  columns: z.array(ColumnSchema).min(1).max(40),
  rules: z.array(RowRuleSchema).max(50).default([]),
});
export type TableDef = z.infer<typeof TableSchema>;

export const IndicatorSchema = z
  .strictObject({
    id: IndicatorIdSchema,
    label: z.string().min(1).max(300),
    hint: z.string().max(1000).optional(),
    type: z.enum(INDICATOR_TYPES),
    unit: z.string().max(40).default(''),
    required: z.boolean().default(false),
    min: BoundSchema.optional(),
    max: BoundSchema.optional(),
    /** Text length bounds, in characters after trimming. */
    minLength: LengthSchema.optional(),
    maxLength: LengthSchema.optional(),
    /** Long text: a narrative section edited in a large box and printed as paragraphs. */
    long: z.boolean().default(false),
    table: TableSchema.optional(),
    prefill: z.enum(PREFILL_SOURCES).optional(),
    aggregate: z.enum(AGGREGATES).optional(),
    /** A percent that is numerator / denominator × 100 of two other indicators. */
    ratioOf: z.strictObject({ numerator: IndicatorIdSchema, denominator: IndicatorIdSchema }).optional(),
  })
  .transform((ind) => ({ ...ind, aggregate: ind.aggregate ?? defaultAggregate(ind.type) }));
export type Indicator = z.infer<typeof IndicatorSchema>;

export function defaultAggregate(type: IndicatorType | CellType): Aggregate {
  return type === 'text' || type === 'percent' ? 'none' : 'sum';
}

export const SectionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'sectionId'),
  title: z.string().min(1).max(300),
  indicators: z.array(IndicatorSchema).min(1).max(200),
});
export type Section = z.infer<typeof SectionSchema>;

export const ReportersSchema = z
  .strictObject({ group: z.string().min(1).optional(), codes: z.array(z.string().min(1)).optional() })
  .refine((r) => r.group !== undefined || (r.codes?.length ?? 0) > 0, 'reporters');
export type Reporters = z.infer<typeof ReportersSchema>;

const ReportFormBaseSchema = z.strictObject({
  formId: FormIdSchema,
  version: z.number().int().min(1),
  title: z.string().min(1).max(300),
  periodType: PeriodTypeSchema,
  /**
   * Periods of the year the form is used for (1 = January / Q1 / H1); absent means all.
   * The six-month report is [1]: the second half is covered by the yearly report.
   */
  onlyPeriods: z.array(z.number().int().min(1).max(12)).min(1).optional(),
  /** The last day a report is on time: the province's regime, set by the Sở (the shipped 15/6 and 15/12 are defaults, uncited). */
  dueRule: DueRuleSchema,
  /** Cut-off window (window.ts); absent on forms saved before issue 13: the calendar period. */
  cutoff: CutoffSchema.optional(),
  reporters: ReportersSchema,
  sections: z.array(SectionSchema).min(1).max(50),
  rules: z.array(FormRuleSchema).max(200).default([]),
});
type FormShape = z.infer<typeof ReportFormBaseSchema>;

export const ReportFormSchema = ReportFormBaseSchema.superRefine((form, ctx) => {
  for (const p of formProblems(form)) ctx.addIssue({ code: 'custom', message: p.message, path: p.path });
});
export type ReportForm = z.infer<typeof ReportFormSchema>;
export type ReportFormInput = z.input<typeof ReportFormSchema>;

/** Parses a form from a bundle or an editor; a bad form is a readable error naming the place. */
export function parseReportForm(raw: unknown): ReportForm {
  const r = ReportFormSchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new AppError('REPORT_FORM_INVALID', 'reports:form.invalid', {
    path: issue ? issue.path.join('.') : '',
    issue: issue ? issue.message : '',
  });
}

export function formIndicators(form: Pick<ReportForm, 'sections'>): Indicator[] {
  return form.sections.flatMap((s) => s.indicators);
}

export function findIndicator(form: Pick<ReportForm, 'sections'>, id: string): Indicator | undefined {
  for (const s of form.sections) for (const i of s.indicators) if (i.id === id) return i;
  return undefined;
}

export function isNumericType(type: IndicatorType | CellType): type is (typeof NUMERIC_TYPES)[number] {
  return (NUMERIC_TYPES as readonly string[]).includes(type);
}

/** Codes of the offices that must send this form, in profile order. */
export function reportingOffices(form: Pick<ReportForm, 'reporters'>, profile: OrgProfile): string[] {
  const wanted = new Set<string>();
  if (form.reporters.group) for (const c of groupMembers(profile, form.reporters.group)) wanted.add(c);
  for (const c of form.reporters.codes ?? []) wanted.add(c);
  return profile.units.filter((u) => wanted.has(u.code)).map((u) => u.code);
}

/**
 * Who reports a period that ends on `periodEnd`: the form's reporters in the tree in force that
 * day. Before a reorganisation a group stands for the old tree's reporting units (its groups
 * named them by level), and listed codes count where they were units then.
 */
export function reportingOfficesOn(form: Pick<ReportForm, 'reporters'>, profile: OrgProfile, periodEnd: string): string[] {
  if (!profile.effectiveFrom || periodEnd >= profile.effectiveFrom) return reportingOffices(form, profile);
  const listed = new Set(form.reporters.codes ?? []);
  return lowerUnitsOn(profile, periodEnd)
    .filter((u) => form.reporters.group !== undefined || listed.has(u.code))
    .map((u) => u.code);
}

/** The periods of a year this form expects reports for. */
export function formPeriodsOfYear(form: Pick<ReportForm, 'periodType' | 'onlyPeriods'>, year: number): string[] {
  const all = periodsOfYear(form.periodType, year);
  if (!form.onlyPeriods) return all;
  const only = new Set(form.onlyPeriods);
  return all.filter((_, i) => only.has(i + 1));
}

interface Problem {
  path: (string | number)[];
  message: string;
}

/** Structural checks zod cannot express field by field: uniqueness, references, coherent bounds. */
function formProblems(form: FormShape): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, Indicator>();
  const sectionIds = new Set<string>();

  form.sections.forEach((s, si) => {
    if (sectionIds.has(s.id)) problems.push({ path: ['sections', si, 'id'], message: `duplicate section id ${s.id}` });
    sectionIds.add(s.id);
    s.indicators.forEach((ind, ii) => {
      const path = ['sections', si, 'indicators', ii];
      if (byId.has(ind.id)) problems.push({ path: [...path, 'id'], message: `duplicate indicator id ${ind.id}` });
      byId.set(ind.id, ind);
      problems.push(...indicatorProblems(ind).map((p) => ({ path: [...path, ...p.path], message: p.message })));
    });
  });

  form.sections.forEach((s, si) =>
    s.indicators.forEach((ind, ii) => {
      if (!ind.ratioOf) return;
      for (const part of [ind.ratioOf.numerator, ind.ratioOf.denominator]) {
        const ref = byId.get(part);
        if (!ref || !isNumericType(ref.type) || ref.type === 'percent') {
          problems.push({ path: ['sections', si, 'indicators', ii, 'ratioOf'], message: `ratioOf needs a count: ${part}` });
        }
      }
    }),
  );

  const ruleIds = new Set<string>();
  form.rules.forEach((rule, ri) => {
    if (ruleIds.has(rule.id)) problems.push({ path: ['rules', ri, 'id'], message: `duplicate rule id ${rule.id}` });
    ruleIds.add(rule.id);
    for (const side of ['left', 'right'] as const) {
      for (const term of exprTerms(rule[side])) {
        const bad = termProblem(term, byId);
        if (bad) problems.push({ path: ['rules', ri, side], message: bad });
      }
    }
  });

  const perYear = periodsOfYear(form.periodType, 2001).length;
  if (form.onlyPeriods) {
    if (new Set(form.onlyPeriods).size !== form.onlyPeriods.length || form.onlyPeriods.some((n) => n > perYear)) {
      problems.push({ path: ['onlyPeriods'], message: `periods must be distinct and within 1..${perYear}` });
    }
  }
  // A due date before the period even starts is a design slip (e.g. a fixed 15/6 on a monthly form's July).
  for (let i = 1; i <= perYear; i++) {
    if (form.onlyPeriods && !form.onlyPeriods.includes(i)) continue;
    const key = periodKey(form.periodType, 2001, i);
    if (dueDate(form.dueRule, key) < periodRange(key).start) {
      problems.push({ path: ['dueRule'], message: `due date falls before period ${i} starts` });
      break;
    }
  }
  return problems;
}

function indicatorProblems(ind: Indicator): Problem[] {
  const out: Problem[] = [];
  const numeric = isNumericType(ind.type);
  if (ind.min !== undefined && ind.max !== undefined && ind.min > ind.max) out.push({ path: ['min'], message: 'min > max' });
  if (!numeric && (ind.min !== undefined || ind.max !== undefined)) out.push({ path: ['min'], message: 'bounds need a number type' });
  if (ind.type !== 'text' && (ind.minLength !== undefined || ind.maxLength !== undefined || ind.long)) {
    out.push({ path: ['maxLength'], message: 'length and long apply to text only' });
  }
  if (ind.minLength !== undefined && ind.maxLength !== undefined && ind.minLength > ind.maxLength) {
    out.push({ path: ['minLength'], message: 'minLength > maxLength' });
  }
  if ((ind.type === 'table') !== (ind.table !== undefined)) out.push({ path: ['table'], message: 'table goes with type table' });
  if (ind.prefill && ind.type !== 'integer') out.push({ path: ['prefill'], message: 'prefill fills whole numbers' });
  if (ind.ratioOf && ind.type !== 'percent') out.push({ path: ['ratioOf'], message: 'ratioOf is for percents' });
  out.push(...aggregateProblems(ind.type, ind.aggregate).map((message) => ({ path: ['aggregate'], message })));
  if (ind.table) out.push(...tableProblems(ind.table).map((p) => ({ path: ['table', ...p.path], message: p.message })));
  return out;
}

function aggregateProblems(type: IndicatorType, aggregate: Aggregate | undefined): string[] {
  if (aggregate === undefined) return [];
  // Summing rates or averaging words gives figures that look right and are not.
  if (type === 'percent' && aggregate === 'sum') return ['percents are not summed'];
  if (type === 'text' && aggregate !== 'none') return ['text is not added up'];
  if (aggregate === 'mean' && !isNumericType(type)) return ['mean needs a number type'];
  return [];
}

function tableProblems(table: TableDef): Problem[] {
  const out: Problem[] = [];
  const cols = new Map<string, Column>();
  table.columns.forEach((c, ci) => {
    if (cols.has(c.id)) out.push({ path: ['columns', ci, 'id'], message: `duplicate column id ${c.id}` });
    cols.set(c.id, c);
    if (c.min !== undefined && c.max !== undefined && c.min > c.max) out.push({ path: ['columns', ci, 'min'], message: 'min > max' });
    if (!isNumericType(c.type) && (c.min !== undefined || c.max !== undefined)) {
      out.push({ path: ['columns', ci, 'min'], message: 'bounds need a number type' });
    }
    if (c.maxLength !== undefined && c.type !== 'text') out.push({ path: ['columns', ci, 'maxLength'], message: 'length applies to text' });
    if (c.prefill && c.type !== 'integer') out.push({ path: ['columns', ci, 'prefill'], message: 'prefill fills whole numbers' });
    for (const message of aggregateProblems(c.type, c.aggregate)) out.push({ path: ['columns', ci, 'aggregate'], message });
  });
  if (typeof table.rows === 'object' && new Set(table.rows.groups).size !== table.rows.groups.length) {
    out.push({ path: ['rows'], message: 'duplicate row group' });
  }
  table.rules.forEach((rule, ri) => {
    for (const side of ['left', 'right'] as const) {
      for (const term of rowExprTerms(rule[side])) {
        if (typeof term === 'number') continue;
        const col = cols.get(term);
        if (!col || !isNumericType(col.type)) out.push({ path: ['rules', ri, side], message: `unknown number column ${term}` });
      }
    }
  });
  return out;
}

function termProblem(term: Term, byId: Map<string, Indicator>): string | null {
  if (typeof term === 'number') return null;
  if (typeof term === 'string' || 'target' in term) {
    const id = typeof term === 'string' ? term : term.target;
    const ind = byId.get(id);
    return ind && isNumericType(ind.type) ? null : `unknown number indicator ${id}`;
  }
  const table = byId.get(term.table)?.table;
  const col = table?.columns.find((c) => c.id === term.column);
  return col && isNumericType(col.type) ? null : `unknown number column ${term.table}/${term.column}`;
}

export function exprTerms(expr: Expr): Term[] {
  return typeof expr === 'object' && 'sum' in expr ? expr.sum : [expr];
}

export function rowExprTerms(expr: RowExpr): RowTerm[] {
  return typeof expr === 'object' ? expr.sum : [expr];
}

/** Indicator ids a rule reads, in order of appearance. */
export function ruleIndicatorIds(rule: FormRule): string[] {
  const ids: string[] = [];
  for (const t of [...exprTerms(rule.left), ...exprTerms(rule.right)]) {
    const id = typeof t === 'number' ? null : typeof t === 'string' ? t : 'table' in t ? t.table : t.target;
    if (id !== null && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
