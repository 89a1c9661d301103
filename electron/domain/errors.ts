import { z } from 'zod';

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

  constructor(code: string, messageKey: string, params: Record<string, string | number> = {}) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
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
