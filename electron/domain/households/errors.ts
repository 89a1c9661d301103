import { AppError } from '../errors';

/** Stable codes of the household domain; the UI shows `households:errors.<CODE>`. */
export const HOUSEHOLD_ERROR_CODES = [
  'HOUSEHOLD_INCOME_MISSING',
  'HOUSEHOLD_INCOME_INVALID',
  'HOUSEHOLD_INDICATOR_UNKNOWN',
  'HOUSEHOLD_STANDARD_MISMATCH',
  'HOUSEHOLD_STANDARD_UNKNOWN',
  'HOUSEHOLD_NO_STANDARD_FOR_YEAR',
  'HOUSEHOLD_YEAR_MISSING',
  'HOUSEHOLD_WORKBOOK_UNREADABLE',
  'HOUSEHOLD_ANSWER_UNKNOWN',
] as const;
export type HouseholdErrorCode = (typeof HOUSEHOLD_ERROR_CODES)[number];

export function householdError(code: HouseholdErrorCode, params: Record<string, string | number> = {}): AppError {
  return new AppError(code, `households:errors.${code}`, params);
}
