import path from 'node:path';
import { z } from 'zod';
import { durableJsonState, readJsonOrSetAside } from '../store/durableJsonState';

/**
 * <data>/sync/enrolments.json: at the Sở, one entry per setup package prepared (the code's
 * derived key sealed by this PC's key protector, never the code itself); at an office, the
 * number of wrong codes typed per package. Local bookkeeping, never sent.
 *
 * A damaged file is moved aside and read as empty: open enrolments are then lost (the Sở
 * prepares a new package), never accepted by mistake.
 */
export const ENROLMENTS_FILE = path.join('sync', 'enrolments.json');
/** Wrong codes (office) or bad replies (Sở) before an enrolment is locked. */
export const MAX_ATTEMPTS = 5;

const PreparedSchema = z.object({
  id: z.string(),
  office: z.string(),
  /** Another PC of an office already enrolled: add next to it instead of replacing it. */
  add: z.boolean(),
  createdAt: z.string(),
  expiresAt: z.string(),
  packageHash: z.string(),
  keySealed: z.string(),
  attempts: z.number().int(),
  usedAt: z.string().nullable(),
  enrolled: z.object({ installation: z.string(), fingerprint: z.string() }).nullable(),
});
export type Prepared = z.infer<typeof PreparedSchema>;

const FileSchema = z.object({
  format: z.literal(1),
  prepared: z.array(PreparedSchema),
  /** Office side: enrolment id -> wrong codes typed. */
  tries: z.record(z.string(), z.number().int()),
});
export type EnrolmentState = z.infer<typeof FileSchema>;

export interface EnrolmentStore {
  read(): Promise<EnrolmentState>;
  update<T>(change: (s: EnrolmentState) => T): Promise<T>;
}

export function createEnrolmentStore(dataDir: string): EnrolmentStore {
  const file = path.join(dataDir, ENROLMENTS_FILE);
  return durableJsonState(file, { load: () => readJsonOrSetAside(file, FileSchema, () => ({ format: 1 as const, prepared: [], tries: {} })) });
}
