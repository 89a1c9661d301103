import { contract, isOpName, type Service } from '../../contract';
import { AppError, FILE_SYSTEM_FAULTS, toErrorValue, type Result } from '../../domain/errors';

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Where unexpected errors are reported (stack traces stay on this side). */
  log?: (message: string, error: unknown) => void;
}

/**
 * The one door: checks the operation exists, validates its input against the contract, runs
 * it, and turns every failure into an error value. Both IPC and the web harness call this.
 */
export function createDispatch(service: Service, opts: DispatchOptions = {}): Dispatch {
  return async (name, input) => {
    try {
      if (!isOpName(name)) throw new AppError('UNKNOWN_OPERATION', 'common:errors.UNKNOWN_OPERATION', { name });
      const parsed = contract[name].input.safeParse(input ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') ?? '';
        const custom = issue?.message.includes(':') ? issue.message : null;
        // A schema's own message is a key ("households:problem.x") set where the schema is written.
        throw custom
          ? AppError.fromValue({ code: 'INVALID_INPUT', messageKey: custom, params: { field, operation: name } })
          : new AppError('INVALID_INPUT', 'common:errors.INVALID_INPUT', { field, operation: name });
      }
      const fn = service[name] as (i: unknown) => Promise<unknown>;
      return { ok: true, value: await fn(parsed.data) };
    } catch (e) {
      const value = toErrorValue(e);
      if (value.code === 'INTERNAL' || FILE_SYSTEM_FAULTS.has(value.code)) opts.log?.(`operation ${name} failed`, e);
      return { ok: false, error: value };
    }
  };
}
