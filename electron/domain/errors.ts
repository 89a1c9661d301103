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

/** Anything thrown that is not an AppError becomes an internal error value; details go to logs. */
export function toErrorValue(e: unknown): AppErrorValue {
  if (isAppError(e)) return e.toValue();
  return { code: 'INTERNAL', messageKey: 'common:errors.INTERNAL', params: {} };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue };
