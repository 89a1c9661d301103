import { z } from 'zod';
import type { MessageKey } from './i18n/keys';

/**
 * Errors cross the contract as values: a stable code (kept in logs), a message key the UI
 * translates ("namespace:key"), and parameters for the message. Never a stack trace.
 */
export const AppErrorValueSchema = z.object({
  code: z.string(),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type AppErrorValue = z.infer<typeof AppErrorValueSchema>;

export class AppError extends Error {
  readonly code: string;
  readonly messageKey: string;
  readonly params: Record<string, string | number>;

  /** `messageKey` is typed: a key missing from the locale files fails the type check. */
  constructor(code: string, messageKey: MessageKey, params: Record<string, string | number> = {}) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
  }

  /** An error value that crossed a boundary (dispatch result, bundle report) thrown again. */
  static fromValue(v: AppErrorValue): AppError {
    // The key was typed where the error was first made; here it is data again.
    return new AppError(v.code, v.messageKey as MessageKey, v.params);
  }

  toValue(): AppErrorValue {
    return { code: this.code, messageKey: this.messageKey, params: this.params };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * What the operating system said when a file could not be written, as an error a person can act
 * on (the errno code is data on the thrown value, so this stays free of Node APIs).
 */
const FILE_SYSTEM_ERRORS: Record<string, { code: string; messageKey: string }> = {
  ENOSPC: { code: 'DISK_FULL', messageKey: 'common:errors.DISK_FULL' },
  EDQUOT: { code: 'DISK_FULL', messageKey: 'common:errors.DISK_FULL' },
  EROFS: { code: 'READ_ONLY', messageKey: 'common:errors.READ_ONLY' },
  EACCES: { code: 'PERMISSION', messageKey: 'common:errors.PERMISSION' },
  EPERM: { code: 'PERMISSION', messageKey: 'common:errors.PERMISSION' },
};

/** The fault codes above: logged with their detail like INTERNAL, shown with their sentence. */
export const FILE_SYSTEM_FAULTS: ReadonlySet<string> = new Set(['DISK_FULL', 'READ_ONLY', 'PERMISSION']);

/** Anything thrown that is not an AppError becomes an internal error value; details go to logs. */
export function toErrorValue(e: unknown): AppErrorValue {
  if (isAppError(e)) return e.toValue();
  const errno = typeof e === 'object' && e !== null ? (e as { code?: unknown; path?: unknown }) : null;
  const fault = typeof errno?.code === 'string' ? FILE_SYSTEM_ERRORS[errno.code] : undefined;
  if (fault) return { code: fault.code, messageKey: fault.messageKey, params: { path: typeof errno?.path === 'string' ? errno.path : '' } };
  return { code: 'INTERNAL', messageKey: 'common:errors.INTERNAL', params: {} };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue };
