import { contract, isOpName, RAW_PATH_FIELDS, type Service } from '../../contract';
import { AppError, FILE_SYSTEM_FAULTS, toErrorValue, type Result } from '../../domain/errors';

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Where unexpected errors are reported (stack traces stay on this side). */
  log?: (message: string, error: unknown) => void;
  /**
   * Who calls: 'shell' (the command line, tests: the person's own paths) or 'window' (Electron
   * IPC, the web harness), whose inputs may not name a path (RAW_PATH_FIELDS): a folder comes
   * as a handle from the OS dialog, a file as uploaded bytes.
   */
  caller?: 'shell' | 'window';
}

/** The path fields an input names, after validation (only the schema's own keys remain). */
function namedPaths(name: string, data: unknown): string[] {
  const fields: readonly string[] = (RAW_PATH_FIELDS as Record<string, readonly string[]>)[name] ?? [];
  const obj = data as Record<string, unknown>;
  return fields.filter((f) => obj[f] !== undefined);
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
      if (opts.caller === 'window') {
        const named = namedPaths(name, parsed.data);
        if (named.length > 0) throw new AppError('RAW_PATH_REFUSED', 'common:errors.RAW_PATH_REFUSED', { field: named.join(', '), operation: name });
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
