import path from 'node:path';
import { AppError } from '../../../domain/errors';
import { runCappedWorker, type WorkerCaps } from '../../files/cappedWorker';
import type { HouseholdWorkbookParse, ImportOptions } from './import';
import type { WorkerInput, WorkerReply } from './worker';

/**
 * The household workbook parsed in a worker thread whose heap is capped: a workbook that makes
 * the reader allocate without end (huge shared strings, a cell of 100 MB) stops the worker at
 * the cap and the officer reads WORKBOOK_TOO_LARGE; the app goes on. 110,000 ordinary rows
 * need about 150 MB of heap in the worker (the parsed households are posted back).
 */
export const EXCEL_WORKER_CAPS: Readonly<WorkerCaps> = Object.freeze({
  maxOldGenerationSizeMb: 384,
  // 110,000 rows take about 10 s on an office PC; a file that takes 30 times that is refused.
  timeoutMs: 300_000,
});

export const EXCEL_WORKER = {
  bundled: 'householdsExcelWorker.cjs',
  // Runs from the sources: Vitest defines __dirname; tsx running ESM (the bench) does not, and
  // those runs start at the repository's root.
  source: typeof __dirname === 'string' ? path.join(__dirname, 'worker.ts') : path.resolve('electron/core/households/excel/worker.ts'),
};

export async function parseHouseholdWorkbookInWorker(
  bytes: Uint8Array,
  options: ImportOptions,
  caps: Readonly<WorkerCaps> = EXCEL_WORKER_CAPS,
): Promise<HouseholdWorkbookParse> {
  // A copy is handed over (transferred), so the caller keeps its bytes for the rejected-rows file.
  const copy = new Uint8Array(bytes);
  const input: WorkerInput = { bytes: copy, options: { ...options, communes: [...options.communes] } };
  const outcome = await runCappedWorker<WorkerInput, WorkerReply>(EXCEL_WORKER, input, [copy.buffer], caps);
  switch (outcome.kind) {
    case 'done':
      if (outcome.value.ok) return outcome.value.parse;
      throw AppError.fromValue(outcome.value.error);
    case 'memory':
      throw new AppError('WORKBOOK_TOO_LARGE', 'common:errors.WORKBOOK_MEMORY', { limitMb: caps.maxOldGenerationSizeMb });
    case 'timeout':
      throw new AppError('WORKBOOK_TOO_LARGE', 'common:errors.WORKBOOK_SLOW', { seconds: Math.round(caps.timeoutMs / 1000) });
    case 'crashed':
      throw new Error(`household workbook worker: ${outcome.message}`);
  }
}
