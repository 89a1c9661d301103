import { z } from 'zod';
import { op } from './define';
import { handle, type BundleReport, type ImportReport } from './sync';

/**
 * Transports (issue 14): a shared folder and/or an e-mail account through which bundles
 * travel by themselves, the outbox with a state per bundle, and the header's status light.
 * Named under "sync." so the renderer's sync family refreshes with them.
 */
const officeCode = z.string().regex(/^[A-Z0-9_-]{2,32}$/);
const address = z.string().trim().regex(/^[^\s@<>]+@[^\s@<>]+$/).max(254);
const endpoint = z.object({ host: z.string().trim().min(1).max(253), port: z.number().int().min(1).max(65535), security: z.enum(['tls', 'starttls', 'none']) }).strict();
const id = z.string().regex(/^[a-z0-9-]{1,64}$/);

export type TransportLight = 'offline' | 'sending' | 'upToDate' | 'attention';
export type OutboxState = 'waiting' | 'sent' | 'acknowledged' | 'failed';

export interface TransportView {
  id: string;
  type: 'folder' | 'email';
  enabled: boolean;
  /** Folder: the shared folder; e-mail: the mailbox address. */
  where: string;
  folder: { root: string; pollSeconds: number } | null;
  email: {
    address: string;
    user: string;
    smtp: z.infer<typeof endpoint>;
    imap: z.infer<typeof endpoint>;
    peers: Record<string, string>;
    maxPartMb: number;
    handledFolder: string;
    pollMinutes: number;
    /** The password is never shown back, only whether one is kept. */
    hasPassword: boolean;
  } | null;
}

export interface OutboxEntryView {
  bundleId: string;
  to: string;
  toName: string;
  seq: number;
  transport: string;
  docs: number;
  state: OutboxState;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  ackedAt: string | null;
  lastError: { reason: string; at: string } | null;
  nextTryAt: string | null;
}

export interface TransportStatus {
  light: TransportLight;
  configured: number;
  entries: OutboxEntryView[];
  held: Array<{ fileNames: string[]; transport: string; at: string; reason: string; office: string | null }>;
  lastRun: { at: string; unreachable: string[] } | null;
  /** When a run last imported something (this session): the UI refreshes its views when it changes. */
  lastImportAt: string | null;
}

export interface RunSummary {
  built: number;
  sent: number;
  failed: number;
  imported: number;
  duplicates: number;
  held: number;
  reports: BundleReport[];
  status: TransportStatus;
}

export const transportOps = {
  'sync.transports.list': op(z.object({}).strict()).returns<TransportView[]>(),
  /**
   * The shared folder: `handle` is the handle of a folder chosen in the OS dialog (the window never
   * names a path); `root` is a path given on the command line. Exactly one of them.
   */
  'sync.transports.saveFolder': op(
    z
      .object({
        id: id.optional(),
        enabled: z.boolean().default(true),
        root: z.string().min(1).max(4096).optional(),
        handle: handle.optional(),
        pollSeconds: z.number().int().min(2).max(3600).default(30),
      })
      .strict()
      .refine((v) => (v.root === undefined) !== (v.handle === undefined), { message: 'Give either a folder chosen in the dialog or a path, not both.' }),
  ).returns<TransportView[]>(),
  'sync.transports.saveEmail': op(
    z
      .object({
        id: id.optional(),
        enabled: z.boolean().default(true),
        address,
        user: z.string().trim().min(1).max(254),
        /** Required for a new account; omitted = keep the one sealed before. */
        password: z.string().min(1).max(1024).optional(),
        smtp: endpoint,
        imap: endpoint,
        peers: z.record(officeCode, address),
        maxPartMb: z.number().min(0.01).max(100).default(10),
        handledFolder: z.string().trim().min(1).max(100).default('SoViec-Da-nhap'),
        pollMinutes: z.number().int().min(1).max(1440).default(5),
      })
      .strict(),
  ).returns<TransportView[]>(),
  'sync.transports.remove': op(z.object({ id }).strict()).returns<TransportView[]>(),
  'sync.transports.status': op(z.object({}).strict()).returns<TransportStatus>(),
  /** "Kiểm tra kết nối": can this transport reach its folder / servers now? */
  'sync.transports.check': op(z.object({ id }).strict()).returns<{ ok: boolean; reason: string | null }>(),
  /** Bundles kept for a person: dry run; import (a first contact needs the fingerprint compared by phone); discard one. */
  'sync.transports.held.inspect': op(z.object({}).strict()).returns<ImportReport>(),
  'sync.transports.held.import': op(z.object({ expectFingerprint: z.string().regex(/^\d{5}( \d{5}){7}$/).optional() }).strict()).returns<ImportReport>(),
  'sync.transports.held.discard': op(z.object({ fileName: z.string().min(1).max(255) }).strict()).returns<TransportStatus>(),
  /** Send and receive once over every enabled transport. */
  'sync.run': op(z.object({}).strict()).returns<RunSummary>(),
};
