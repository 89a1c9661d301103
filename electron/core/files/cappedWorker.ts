import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker, type Transferable } from 'node:worker_threads';

/**
 * Runs one job in a worker thread with a heap cap, so that a hostile file that makes the
 * parser allocate without end kills the worker, not the app: V8 stops the worker at the cap
 * and the caller gets `{ kind: 'memory' }`, then says so in the user's words.
 *
 * Where the worker's code is: the app's bundles (build/bundle.mjs) put each worker entry
 * beside the bundle that starts it, as `<name>.cjs`. Run from the TypeScript sources (tests,
 * `tsx`), there is no such file; the entry's .ts file is then loaded through tsx's require
 * hook, which only development installs have.
 */

export interface WorkerEntry {
  /** File name of the bundled entry, e.g. householdsExcelWorker.cjs. */
  bundled: string;
  /** The entry's TypeScript source, for runs from the sources. */
  source: string;
}

export interface WorkerCaps {
  /** V8 old-generation heap of the worker. */
  maxOldGenerationSizeMb: number;
  /** The worker is stopped after this long (a file that only costs time). */
  timeoutMs: number;
}

export type WorkerOutcome<T> = { kind: 'done'; value: T } | { kind: 'memory' } | { kind: 'timeout' } | { kind: 'crashed'; message: string };

/** The directory of this module once bundled; in a run from the sources, of this file. */
function here(): string {
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

function workerSource(entry: WorkerEntry): { code: string; eval: true } | { file: string; eval: false } {
  const bundled = path.join(here(), entry.bundled);
  if (existsSync(bundled)) {
    // Inside app.asar a worker cannot be started from a path; the code is read and evaluated.
    return bundled.includes(`.asar${path.sep}`) ? { code: readFileSync(bundled, 'utf8'), eval: true } : { file: bundled, eval: false };
  }
  const tsx = createRequire(path.join(process.cwd(), 'package.json')).resolve('tsx/cjs/api');
  return { code: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry.source)});`, eval: true };
}

export function runCappedWorker<I, O>(entry: WorkerEntry, input: I, transfer: readonly Transferable[], caps: WorkerCaps): Promise<WorkerOutcome<O>> {
  const src = workerSource(entry);
  const worker = new Worker(src.eval ? src.code : src.file, {
    eval: src.eval,
    workerData: input,
    transferList: [...transfer],
    resourceLimits: { maxOldGenerationSizeMb: caps.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 32 },
    // The worker writes nothing the user should see; its stderr would only repeat what we report.
    stderr: false,
  });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (o: WorkerOutcome<O>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(o);
    };
    const timer = setTimeout(() => settle({ kind: 'timeout' }), caps.timeoutMs);
    worker.once('message', (value: O) => settle({ kind: 'done', value }));
    worker.once('error', (e: Error & { code?: string }) =>
      settle(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory' } : { kind: 'crashed', message: e.message }),
    );
    worker.once('exit', (code) => settle({ kind: 'crashed', message: `worker exited with code ${code}` }));
  });
}
