import { AppError } from '../../domain/errors';

/** Refusals of enrolment; sentences in locales/<lang>/bundles.json "enrol.errors". */
export const ENROL_ERROR_CODES = [
  /** Not a setup package / reply, or damaged. */
  'ENROL_FILE_INVALID',
  /** The typed code is not a code (length, a letter that is not in codes, check character). */
  'ENROL_CODE_TYPO',
  /** The code does not open this package (wrong code, or the package was changed). */
  'ENROL_CODE_WRONG',
  /** Too many wrong codes or replies for this enrolment: a new package is needed. */
  'ENROL_LOCKED',
  'ENROL_EXPIRED',
  /** A reply to an enrolment this PC never prepared. */
  'ENROL_UNKNOWN',
  /** The enrolment was completed already: a code works once. */
  'ENROL_USED',
  /** The reply was not made with the code (forged, or its key card swapped). */
  'ENROL_REPLY_INVALID',
  /** The package or reply is for another office than this one / than the one enrolled. */
  'ENROL_WRONG_OFFICE',
  /** Only the Sở prepares setup packages. */
  'ENROL_NOT_SO',
  /** First run from a package needs the officer's name. */
  'ENROL_NAME_REQUIRED',
] as const;
export type EnrolErrorCode = (typeof ENROL_ERROR_CODES)[number];

export function enrolError(code: EnrolErrorCode, params: Record<string, string | number> = {}): AppError {
  return new AppError(code, `bundles:enrol.errors.${code}`, params);
}
