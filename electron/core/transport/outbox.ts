import path from 'node:path';
import { z } from 'zod';
import type { TransportLight } from '../../contract/transport';
import { durableJsonState, readJsonOrSetAside } from '../store/durableJsonState';

export type { TransportLight };

/**
 * The outbox: one entry per bundle and transport, with its state —
 *   waiting       built and kept in <data>/outbox/auto/<bundleId>/, not handed over yet;
 *   sent          handed to the transport (written to the share, accepted by the SMTP server);
 *   acknowledged  the peer's next bundle says it imported this one (its ack vector);
 *   failed        the last try failed: reason, number of tries and when the next one is due.
 * The files are written before the entry, and the entry before any send: a crash or a cut
 * network at any point leaves a bundle that is sent again, never one that is lost. Sending
 * twice is harmless: the receiver refuses a bundle id it already imported.
 */
export const OUTBOX_STATES = ['waiting', 'sent', 'acknowledged', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

const EntrySchema = z.object({
  bundleId: z.string(),
  to: z.string(),
  installation: z.string(),
  seq: z.number().int(),
  transport: z.string(),
  fileNames: z.array(z.string()),
  docs: z.number().int(),
  state: z.enum(OUTBOX_STATES),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  ackedAt: z.string().nullable(),
  lastError: z.object({ reason: z.string(), at: z.string(), unreachable: z.boolean() }).nullable(),
  nextTryAt: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof EntrySchema>;

const HeldSchema = z.object({ fileNames: z.array(z.string()), transport: z.string(), at: z.string(), reason: z.string(), office: z.string().nullable() });
export type HeldBundle = z.infer<typeof HeldSchema>;

const OutboxFileSchema = z.object({
  format: z.literal(1),
  entries: z.array(EntrySchema),
  /** Peers (office/installation) that sent us documents since our last bundle to them. */
  ackOwed: z.array(z.string()),
  /** Arrivals not imported automatically, kept in <data>/inbox/ for a person. */
  held: z.array(HeldSchema),
  lastRun: z.object({ at: z.string(), unreachable: z.array(z.string()) }).nullable(),
});
export type OutboxData = z.infer<typeof OutboxFileSchema>;

export const OUTBOX_FILE = path.join('sync', 'outbox.json');
export const OUTBOX_FILES_DIR = path.join('outbox', 'auto');
export const INBOX_DIR = 'inbox';

/** Exponential backoff: 30 s, 1 min, 2 min … capped at one hour. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 3_600_000;
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** Entries kept after acknowledgement, for the status list. */
const KEEP_ACKED = 50;

export interface Outbox {
  read(): Promise<OutboxData>;
  update<T>(change: (d: OutboxData) => T): Promise<T>;
  filesDir(bundleId: string): string;
}

export function createOutbox(dataDir: string): Outbox {
  const file = path.join(dataDir, OUTBOX_FILE);
  const state = durableJsonState(file, {
    load: () => readJsonOrSetAside(file, OutboxFileSchema, () => ({ format: 1 as const, entries: [], ackOwed: [], held: [], lastRun: null })),
    // Acknowledged bundles are history: keep the newest few, drop the rest.
    beforeSave: (copy) => {
      const acked = copy.entries.filter((e) => e.state === 'acknowledged');
      if (acked.length > KEEP_ACKED) {
        const drop = new Set(acked.slice(0, acked.length - KEEP_ACKED));
        copy.entries = copy.entries.filter((e) => !drop.has(e));
      }
    },
  });
  return {
    read: () => state.read(),
    update: (change) => state.update(change),
    filesDir: (bundleId) => path.join(dataDir, OUTBOX_FILES_DIR, bundleId),
  };
}

/** Due for a (re)try at `now`: waiting, or failed and its next try has come. */
export function isDue(e: OutboxEntry, now: Date): boolean {
  if (e.state === 'waiting') return true;
  return e.state === 'failed' && (e.nextTryAt === null || e.nextTryAt <= now.toISOString());
}

export function markFailed(e: OutboxEntry, reason: string, unreachable: boolean, now: Date): void {
  e.state = 'failed';
  e.attempts += 1;
  e.lastError = { reason, at: now.toISOString(), unreachable };
  e.nextTryAt = new Date(now.getTime() + retryDelayMs(e.attempts)).toISOString();
}

export function markSent(e: OutboxEntry, now: Date): void {
  e.state = 'sent';
  e.attempts += 1;
  e.sentAt = now.toISOString();
  e.lastError = null;
  e.nextTryAt = null;
}


/** Tries after which a failing bundle asks for a person rather than waiting quietly. */
export const ATTENTION_AFTER_TRIES = 5;

export function lightOf(d: OutboxData, configured: number): TransportLight {
  if (configured === 0) return 'offline';
  const failed = d.entries.filter((e) => e.state === 'failed');
  if (d.held.length > 0 || failed.some((e) => !e.lastError?.unreachable || e.attempts >= ATTENTION_AFTER_TRIES)) return 'attention';
  if (failed.length > 0 || (d.lastRun?.unreachable.length ?? 0) > 0) return 'offline';
  if (d.entries.some((e) => e.state === 'waiting')) return 'sending';
  return 'upToDate';
}
