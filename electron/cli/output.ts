import { AppError, toErrorValue, type AppErrorValue } from '../domain/errors';
import { openCore, type Core } from '../core';
import { errorMessage } from '../domain/translate';
import { passphraseForCli } from './passphrase';

/** Thrown after the failure was printed; main turns it into the exit code. */
export class CliFailure extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** The Vietnamese sentence for an error value, from the same i18next setup the UI uses. */
export function messageVi(err: AppErrorValue): string {
  return errorMessage(err, 'vi');
}

export function printResult(json: boolean, value: unknown, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** Print an error (code + Vietnamese sentence, or JSON) and fail with a non-zero exit. */
export function fail(json: boolean, e: unknown, exitCode = 2): never {
  const err = toErrorValue(e);
  if (err.code === 'INTERNAL') console.error(e);
  if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: { ...err, message: messageVi(err) } }, null, 2)}\n`);
  else process.stderr.write(`${err.code}: ${messageVi(err)}\n`);
  throw new CliFailure(exitCode);
}

/** Open the core on a data folder, run, close; errors become printed failures. */
export async function withCore<T>(dataDir: string, json: boolean, fn: (core: Core) => Promise<T>, opts: { recoveryCode?: string } = {}): Promise<T> {
  let core: Core | undefined;
  try {
    const passphrase = await passphraseForCli();
    core = await openCore({ dataDir, ...(passphrase !== undefined ? { passphrase } : {}), ...opts });
    return await fn(core);
  } catch (e) {
    if (e instanceof CliFailure) throw e;
    return fail(json, e);
  } finally {
    await core?.close();
  }
}

/** Call an operation through the same dispatch the app uses; unwrap or fail. */
export async function call<T>(core: Core, json: boolean, name: string, input: unknown): Promise<T> {
  const r = await core.dispatch(name, input);
  if (!r.ok) fail(json, AppError.fromValue(r.error));
  return r.value as T;
}
