import { z } from 'zod';

/**
 * What a filled report holds: indicator id -> value. Scalars are numbers, text, yes/no or null
 * (left empty); a table is row key -> column id -> cell. Values are stored as entered, even
 * when invalid, so a draft survives and validation can say what is wrong.
 */
export const CellValueSchema = z.union([z.number(), z.string().max(100_000), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;
export const TableValueSchema = z.record(z.string(), z.record(z.string(), CellValueSchema));
export type TableValue = z.infer<typeof TableValueSchema>;
export const IndicatorValueSchema = z.union([CellValueSchema, TableValueSchema]);
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;
export const ReportValuesSchema = z.record(z.string(), IndicatorValueSchema);
export type ReportValues = Record<string, IndicatorValue | undefined>;

/** Empty means "not entered": undefined, null, blank text, or a table without a single filled cell. */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (isTableValue(v)) return Object.values(v).every((row) => Object.values(row).every((c) => isEmptyValue(c)));
  return false;
}

export function isTableValue(v: unknown): v is TableValue {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.values(v).every((row) => typeof row === 'object' && row !== null && !Array.isArray(row));
}

/** A usable number, or undefined (empty, text, NaN). */
export function numberOf(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Sum without binary noise (0.1 + 0.2 -> 0.3): figures are rounded to 9 decimals. */
export function cleanSum(values: readonly number[]): number {
  return roundTo(values.reduce((a, b) => a + b, 0), 9);
}

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
