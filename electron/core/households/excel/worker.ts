// Entry of the worker thread that parses a household workbook (started by inWorker.ts, bundled
// as householdsExcelWorker.cjs). It gets the file's bytes and the import options, and posts
// back one message: the parse, or the error to show.
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { AppError, type AppErrorValue } from '../../../domain/errors';
import { CommuneSchema } from '../../../domain/households/communes';
import { PovertyStandardSchema } from '../../../domain/households/standards/schema';
import { parseHouseholdWorkbook, type HouseholdWorkbookParse } from './import';

export const WorkerInputSchema = z.object({
  bytes: z.instanceof(Uint8Array),
  options: z.object({
    communes: z.array(CommuneSchema),
    reviewYear: z.number().int(),
    standard: PovertyStandardSchema,
    maxHeaderRow: z.number().int().positive().optional(),
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  }),
});
export type WorkerInput = z.infer<typeof WorkerInputSchema>;

export type WorkerReply = { ok: true; parse: HouseholdWorkbookParse } | { ok: false; error: AppErrorValue };

async function run(): Promise<WorkerReply> {
  try {
    const input = WorkerInputSchema.parse(workerData);
    return { ok: true, parse: await parseHouseholdWorkbook(input.bytes, input.options) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toValue() };
    return { ok: false, error: { code: 'HOUSEHOLD_WORKBOOK_UNREADABLE', messageKey: 'households:errors.HOUSEHOLD_WORKBOOK_UNREADABLE', params: {} } };
  }
}

if (parentPort) {
  const port = parentPort;
  void run().then((reply) => port.postMessage(reply));
}
