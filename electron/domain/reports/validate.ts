import { createI18nInterpolator } from '../translate';
import {
  findIndicator,
  exprTerms,
  formIndicators,
  isNumericType,
  rowExprTerms,
  ruleIndicatorIds,
  type CellType,
  type Column,
  type CompareOp,
  type Expr,
  type FormRule,
  type Indicator,
  type ReportForm,
  type RowExpr,
  type RowRule,
  type TableDef,
  type Term,
} from './form';
import { cleanSum, isEmptyValue, isTableValue, numberOf } from './values';

/**
 * Validation of a report from the form data alone: no network, no clock, no locale. The office
 * (as the officer types) and the Sở (on import) run this same function on the same data and
 * get the same errors, which is what DHIS2's server-side rules could not promise offline.
 */

export const VALIDATION_CODES = [
  'required',
  'notNumber',
  'integer',
  'percent',
  'money',
  'boolean',
  'text',
  'textTooShort',
  'textTooLong',
  'min',
  'max',
  'notTable',
  'unknownRow',
  'missingRow',
  'rule',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface FieldError {
  indicatorId: string;
  /** Table cell errors: row key (commune code or group name) and column id. */
  row?: string;
  column?: string;
  code: ValidationCode;
  severity: 'error' | 'warning';
  /** "reports:validation.<code>"; for rules a generic fallback when `message` is not shown. */
  messageKey: string;
  params: Record<string, string | number>;
  /** The form's own wording of a cross-field rule, in both languages. */
  message?: { vi: string; en: string };
  ruleId?: string;
  /** Every indicator a rule reads, so the UI can mark them all. */
  related?: string[];
}

export interface ValidateOptions {
  /** This office's targets for the report's year, by indicator id (for rules with { target }). */
  targets?: Readonly<Record<string, number>>;
  /** The office's communes, in display order; without them commune rows are not checked by key. */
  communes?: readonly { code: string; name: string }[];
}

/** Longest text when the form sets none: a line for short answers, pages for narrative. */
export const DEFAULT_MAX_LENGTH = { short: 2_000, long: 50_000 } as const;

type Values = Readonly<Record<string, unknown>>;

/** Every problem of a report, in form order, then cross-field rules in rule order. */
export function validateReport(form: ReportForm, values: Values, options: ValidateOptions = {}): FieldError[] {
  const errors: FieldError[] = [];
  for (const ind of formIndicators(form)) errors.push(...validateIndicator(ind, values[ind.id], options));
  for (const rule of form.rules) {
    const e = checkFormRule(form, rule, values, options);
    if (e) errors.push(e);
  }
  return errors;
}

/** Errors to show at one field as the officer types: its own, and rules that read it. */
export function validateField(form: ReportForm, indicatorId: string, values: Values, options: ValidateOptions = {}): FieldError[] {
  return validateReport(form, values, options).filter(
    (e) => e.indicatorId === indicatorId || (e.related?.includes(indicatorId) ?? false),
  );
}

/** "Mark complete" is allowed when nothing but warnings remains. */
export function canMarkComplete(errors: readonly FieldError[]): boolean {
  return errors.every((e) => e.severity === 'warning');
}

/**
 * A rule's own message in one language, with {{left}} and {{right}} filled in; pass the UI's
 * number format to get "15.000" rather than "15000".
 */
export function renderRuleMessage(
  error: FieldError,
  lang: 'vi' | 'en',
  formatNumber: (n: number) => string = String,
): string | null {
  if (!error.message) return null;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(error.params)) params[k] = typeof v === 'number' ? formatNumber(v) : v;
  // The form's own sentence is data, not a locale key: fill it with i18next's interpolator
  // (same {{name}} syntax as the locale files); an unknown name stays as written.
  return createI18nInterpolator(lang)(error.message[lang], params);
}

function fieldError(
  indicatorId: string,
  code: ValidationCode,
  params: Record<string, string | number>,
  extra: Partial<FieldError> = {},
): FieldError {
  return { indicatorId, code, severity: 'error', messageKey: `reports:validation.${code}`, params, ...extra };
}

function validateIndicator(ind: Indicator, value: unknown, options: ValidateOptions): FieldError[] {
  if (isEmptyValue(value)) return ind.required ? [fieldError(ind.id, 'required', { label: ind.label })] : [];
  if (ind.type === 'table') return ind.table ? validateTable(ind, ind.table, value, options) : [];
  const problem = checkScalar(ind.type, value, {
    min: ind.min,
    max: ind.max,
    minLength: ind.minLength,
    maxLength: ind.maxLength ?? (ind.long ? DEFAULT_MAX_LENGTH.long : DEFAULT_MAX_LENGTH.short),
  });
  return problem ? [fieldError(ind.id, problem.code, { label: ind.label, ...problem.params })] : [];
}

interface Bounds {
  min?: number | undefined;
  max?: number | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
}

/** The first thing wrong with a non-empty scalar: its type first, then its bounds. */
function checkScalar(
  type: CellType,
  value: unknown,
  b: Bounds,
): { code: ValidationCode; params: Record<string, string | number> } | null {
  if (type === 'boolean') return typeof value === 'boolean' ? null : { code: 'boolean', params: {} };
  if (type === 'text') {
    if (typeof value !== 'string') return { code: 'text', params: {} };
    const length = value.trim().length;
    if (b.minLength !== undefined && length < b.minLength) return { code: 'textTooShort', params: { count: b.minLength, length } };
    if (b.maxLength !== undefined && length > b.maxLength) return { code: 'textTooLong', params: { count: b.maxLength, length } };
    return null;
  }
  const n = numberOf(value);
  if (n === undefined) return { code: 'notNumber', params: {} };
  if (type === 'integer' && !Number.isInteger(n)) return { code: 'integer', params: {} };
  if (type === 'percent' && (n < 0 || n > 100)) return { code: 'percent', params: {} };
  // Money is whole đồng: no negative amounts, no fractions of a đồng.
  if (type === 'money' && (n < 0 || !Number.isInteger(n))) return { code: 'money', params: {} };
  if (b.min !== undefined && n < b.min) return { code: 'min', params: { min: b.min } };
  if (b.max !== undefined && n > b.max) return { code: 'max', params: { max: b.max } };
  return null;
}

function validateTable(ind: Indicator, table: TableDef, value: unknown, options: ValidateOptions): FieldError[] {
  if (!isTableValue(value)) return [fieldError(ind.id, 'notTable', { label: ind.label })];
  const errors: FieldError[] = [];
  const expected = expectedRows(table, options);
  const labels = new Map(expected?.map((r) => [r.key, r.label]) ?? []);
  const rowLabel = (key: string): string => labels.get(key) ?? key;

  for (const key of orderedRowKeys(value, expected)) {
    const row = value[key];
    if (row === undefined || Object.values(row).every((c) => isEmptyValue(c))) continue;
    if (expected && !labels.has(key)) {
      errors.push(fieldError(ind.id, 'unknownRow', { label: ind.label, row: key }, { row: key }));
      continue;
    }
    for (const col of table.columns) errors.push(...validateCell(ind, col, key, rowLabel(key), row[col.id]));
    for (const rule of table.rules) {
      const e = checkRowRule(ind, rule, key, rowLabel(key), row);
      if (e) errors.push(e);
    }
  }
  if (ind.required && expected) {
    for (const r of expected) {
      const row = value[r.key];
      if (!row || Object.values(row).every((c) => isEmptyValue(c))) {
        errors.push(fieldError(ind.id, 'missingRow', { label: ind.label, row: r.label }, { row: r.key }));
      }
    }
  }
  return errors;
}

function validateCell(ind: Indicator, col: Column, rowKey: string, rowLabel: string, cell: unknown): FieldError[] {
  const where = { row: rowKey, column: col.id };
  const params = { label: col.label, table: ind.label, row: rowLabel };
  if (isEmptyValue(cell)) return col.required ? [fieldError(ind.id, 'required', params, where)] : [];
  const problem = checkScalar(col.type, cell, {
    min: col.min,
    max: col.max,
    maxLength: col.maxLength ?? (col.type === 'text' ? DEFAULT_MAX_LENGTH.short : undefined),
  });
  return problem ? [fieldError(ind.id, problem.code, { ...params, ...problem.params }, where)] : [];
}

/** Rows the table must have, when known: its groups, or the office's communes. */
function expectedRows(table: TableDef, options: ValidateOptions): { key: string; label: string }[] | null {
  if (table.rows === 'communes') return options.communes ? options.communes.map((c) => ({ key: c.code, label: c.name })) : null;
  return table.rows.groups.map((g) => ({ key: g, label: g }));
}

/** Expected rows first in their order, then any others sorted, so errors come out the same everywhere. */
function orderedRowKeys(value: Record<string, unknown>, expected: { key: string }[] | null): string[] {
  const first = (expected ?? []).map((r) => r.key).filter((k) => k in value);
  const rest = Object.keys(value)
    .filter((k) => !first.includes(k))
    .sort();
  return [...first, ...rest];
}

/** A term that reads something: an indicator, a table column or a target. */
type RefTerm = Exclude<Term, number>;

const EPSILON = 1e-9;

function compare(left: number, op: CompareOp, right: number): boolean {
  const tol = EPSILON * Math.max(1, Math.abs(left), Math.abs(right));
  switch (op) {
    case '<=':
      return left <= right + tol;
    case '<':
      return left < right - tol;
    case '>=':
      return left >= right - tol;
    case '>':
      return left > right + tol;
    case '==':
      return Math.abs(left - right) <= tol;
  }
}

/** Value of one side, or undefined when the rule must wait (a figure or target not there yet). */
function evalExpr(expr: Expr, resolve: (t: RefTerm) => number | undefined, zero: boolean): number | undefined {
  const parts: number[] = [];
  for (const term of exprTerms(expr)) {
    if (typeof term === 'number') {
      parts.push(term);
      continue;
    }
    const v = resolve(term);
    if (v !== undefined) parts.push(v);
    else if (zero && !(typeof term === 'object' && 'target' in term)) parts.push(0);
    else return undefined;
  }
  return cleanSum(parts);
}

function checkFormRule(form: ReportForm, rule: FormRule, values: Values, options: ValidateOptions): FieldError | null {
  const resolve = (term: RefTerm): number | undefined => {
    if (typeof term === 'string') return validNumber(findIndicator(form, term), values[term]);
    if ('target' in term) return numberOf(options.targets?.[term.target]);
    const table = values[term.table];
    const col = findIndicator(form, term.table)?.table?.columns.find((c) => c.id === term.column);
    if (!isTableValue(table) || !col) return undefined;
    const cells = Object.values(table)
      .map((row) => validCellNumber(col, row[term.column]))
      .filter((n): n is number => n !== undefined);
    return cells.length > 0 ? cleanSum(cells) : undefined;
  };
  const zero = rule.missing === 'zero';
  const left = evalExpr(rule.left, resolve, zero);
  const right = evalExpr(rule.right, resolve, zero);
  if (left === undefined || right === undefined || compare(left, rule.op, right)) return null;
  const related = ruleIndicatorIds(rule);
  return {
    indicatorId: related[0] ?? '',
    code: 'rule',
    severity: rule.severity,
    messageKey: 'reports:validation.rule',
    params: { left, right, op: rule.op, ruleId: rule.id },
    message: rule.message,
    ruleId: rule.id,
    related,
  };
}

function checkRowRule(ind: Indicator, rule: RowRule, rowKey: string, rowLabel: string, row: Record<string, unknown>): FieldError | null {
  const cols = ind.table?.columns ?? [];
  const side = (expr: RowExpr): number | undefined => {
    const parts: number[] = [];
    for (const term of rowExprTerms(expr)) {
      const v = typeof term === 'number' ? term : validCellNumber(cols.find((c) => c.id === term), row[term]);
      if (v !== undefined) parts.push(v);
      else if (rule.missing === 'zero') parts.push(0);
      else return undefined;
    }
    return cleanSum(parts);
  };
  const left = side(rule.left);
  const right = side(rule.right);
  if (left === undefined || right === undefined || compare(left, rule.op, right)) return null;
  const column = rowExprTerms(rule.left).find((t): t is string => typeof t === 'string');
  return {
    indicatorId: ind.id,
    row: rowKey,
    ...(column !== undefined ? { column } : {}),
    code: 'rule',
    severity: rule.severity,
    messageKey: 'reports:validation.rule',
    params: { left, right, op: rule.op, ruleId: rule.id, row: rowLabel },
    message: rule.message,
    ruleId: rule.id,
    related: [ind.id],
  };
}

/** A figure counts in a rule only if it passed its own type check; its error is already shown. */
function validNumber(ind: Indicator | undefined, value: unknown): number | undefined {
  if (!ind || !isNumericType(ind.type) || isEmptyValue(value)) return undefined;
  return checkScalar(ind.type, value, {}) ? undefined : numberOf(value);
}

function validCellNumber(col: Column | undefined, value: unknown): number | undefined {
  if (!col || !isNumericType(col.type) || isEmptyValue(value)) return undefined;
  return checkScalar(col.type, value, {}) ? undefined : numberOf(value);
}
