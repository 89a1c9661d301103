import { z } from 'zod';
import { op } from './define';
import type { AppErrorValue } from '../domain/errors';
import type { FileOut } from './tasks';

/**
 * Sync by bundle (docs/ARCHITECTURE.md, "Bundles"): this installation's identity and key cards,
 * the offices it trusts (pinned keys, "confirmed by phone"), export of signed and encrypted
 * bundle files, dry run and import, conflicts between two PCs of one office, and the
 * local / sent / acknowledged status of each record. The file format is electron/core/bundles.
 */

const officeCode = z.string().regex(/^[A-Z0-9_-]{2,32}$/);
const installation = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const fingerprint = z.string().regex(/^\d{5}( \d{5}){7}$/);
/** Paths: the command line only (the CLI is the person's own shell); the window's calls are refused. */
const filePath = z.string().min(1).max(4096);
/** A folder the person chose in the OS dialog (`dialog.pickFolder`): an opaque id, never a path. */
export const handle = z.string().regex(/^fh_[A-Za-z0-9_-]{22}$/);
/** 512 MiB bundle (the file layer's limit) as base64. */
const MAX_B64 = Math.ceil((512 * 1024 * 1024 * 4) / 3) + 8;
/** A file the window uploads (browser and desktop alike): its name and bytes as base64. Shared by every op that takes a chosen file. */
export const FileInSchema = z.object({ name: z.string().trim().min(1).max(255), base64: z.string().max(MAX_B64) }).strict();
export type FileIn = z.infer<typeof FileInSchema>;

/**
 * Files chosen in the UI (bytes), a folder (USB) chosen in the OS dialog (handle), or paths and
 * a folder given on the command line.
 */
const SourceShape = {
  files: z.array(FileInSchema).max(500).optional(),
  handle: handle.optional(),
  paths: z.array(filePath).max(500).optional(),
  folder: filePath.optional(),
};

export type RecordSyncStatus = 'local' | 'sent' | 'acknowledged';
export type MergeOutcome = 'new' | 'updated' | 'unchanged' | 'older' | 'conflict';
/** owner ≠ sender; a kind that office type may not write; would take over someone else's doc; local-only kind. */
/**
 * Why an incoming record was refused: not owned by the sender; a kind the sender may not write;
 * it would take over a record held for another owner or kind; a local kind; data that does not
 * fit its kind (field names where); an id (or office field) naming another office than the sender.
 */
export type RefusalReason = 'owner' | 'kind' | 'takeover' | 'localKind' | 'shape' | 'idNotSenders';
export type ReenrolMode = 'replace' | 'add';

export interface IdentityView {
  office: string;
  officeName: string;
  installation: string;
  /** 8 groups of 5 digits, read aloud over the phone. */
  fingerprint: string;
  /** 'safeStorage' (OS key store) or 'file' (key file readable only by this account). */
  protector: string;
  keyCardFileName: string;
}

export interface PeerView {
  office: string;
  officeName: string;
  installation: string;
  fingerprint: string;
  /** Another PC of this installation's own office. */
  ownOffice: boolean;
  source: 'card' | 'bundle';
  pinnedAt: string;
  confirmedByPhone: boolean;
  confirmedAt: string | null;
  lastSent: { seq: number; at: string } | null;
  lastAcknowledged: { seq: number; at: string } | null;
  lastReceived: { seq: number; at: string } | null;
  /** Records that the next bundle to this PC would carry. */
  waiting: number;
  /** Bundle numbers from this PC never imported (later bundles covered them: bundles are cumulative). */
  gaps: number[];
  canExport: boolean;
}

/** A key presented for an office already pinned with another key: waits for re-enrolment. */
export interface PendingKeyView {
  office: string;
  officeName: string;
  installation: string;
  fingerprint: string;
  seenAt: string;
  source: 'card' | 'bundle';
  /** Fingerprints currently pinned for that office. */
  pinned: string[];
}

export interface RecipientOption {
  office: string;
  officeName: string;
  installation: string;
  /** Shown when an office has more than one enrolled PC. */
  installationLabel: string;
}

export interface SyncStatus {
  identity: IdentityView;
  role: 'so' | 'office';
  peers: PeerView[];
  pending: PendingKeyView[];
  openConflicts: number;
  /** Where this installation may send to (an office → the Sở and its own other PCs). */
  recipients: RecipientOption[];
  /** A native folder dialog exists (desktop app); the browser downloads instead. */
  canPickFolder: boolean;
}

export interface KeyCardView {
  office: string;
  officeName: string;
  installation: string;
  fingerprint: string;
  createdAt: string;
  /** new: not known; known: already pinned; changed: the office is pinned with another key; own: this PC. */
  state: 'new' | 'known' | 'changed' | 'own';
  pinned: string[];
}

export interface BundlePreview {
  to: string;
  toName: string;
  installation: string;
  seq: number;
  counts: Record<string, number>;
  total: number;
  attachments: { count: number; bytes: number };
  /** Households or attached files travel (the bundle is encrypted either way). */
  personalData: boolean;
  /** Attachment documents whose file is missing from this PC (sent without bytes). */
  missingFiles: number;
}

export type SkippedRecipient = { office: string; officeName: string; error: AppErrorValue };
export interface ExportPreview { bundles: BundlePreview[]; skipped: SkippedRecipient[] }

export interface ExportedBundle extends BundlePreview {
  bundleId: string;
  fileNames: string[];
  /** Full paths when written to a folder. */
  paths: string[];
  bytes: number;
}

export interface EmailDraft {
  subject: string;
  body: string;
  mailto: string;
  /** The mail client and the folder were opened (desktop app); otherwise copy subject/body. */
  opened: boolean;
}

export interface ExportResult {
  bundles: ExportedBundle[];
  skipped: ExportPreview['skipped'];
  /** Only with returnFiles (browser download). */
  files: FileOut[];
  outDir: string | null;
  email: EmailDraft | null;
}

export interface ExportProgress {
  running: boolean;
  stage: 'idle' | 'select' | 'build' | 'write' | 'done';
  /** Bundles finished / to make. */
  current: number;
  total: number;
  office: string | null;
  percent: number;
}

export interface KindCounts {
  kind: string;
  new: number;
  updated: number;
  unchanged: number;
  older: number;
  conflict: number;
  refused: number;
}

export interface RefusedDoc {
  id: string;
  kind: string;
  owner: string;
  reason: RefusalReason;
  /** For 'shape' and 'idNotSenders': the field (dotted path) at fault. */
  field?: string;
}

export interface SyncWarning {
  code: 'GAP' | 'OLDER_BUNDLE' | 'CHAIN' | 'ATTACHMENT_BAD' | 'ACK_UNKNOWN' | 'FORMER_RECIPIENT';
  messageKey: string;
  params: Record<string, string | number>;
}

export interface BundleReport {
  fileNames: string[];
  /** ready: verified, dry run only; applied: imported; refused: nothing changed; skipped: our own outgoing file. */
  status: 'ready' | 'applied' | 'refused' | 'skipped';
  error: AppErrorValue | null;
  sender: {
    office: string;
    officeName: string;
    installation: string;
    fingerprint: string;
    trust: 'pinned' | 'firstContact';
    confirmedByPhone: boolean;
  } | null;
  recipient: string | null;
  seq: number | null;
  bundleId: string | null;
  createdAt: string | null;
  kinds: KindCounts[];
  totals: Omit<KindCounts, 'kind'>;
  refused: RefusedDoc[];
  warnings: SyncWarning[];
  attachments: { count: number; bytes: number };
  personalData: boolean;
}

export interface ImportReport { bundles: BundleReport[] }

export interface ConflictVersion {
  hlc: string;
  author: string | null;
  deleted: boolean;
  data: Record<string, unknown>;
}

export interface ConflictView {
  id: string;
  docId: string;
  kind: string;
  owner: string;
  ownerName: string;
  detectedAt: string;
  /** Only the owning office may write a version; elsewhere the conflict can only be closed. */
  canPick: boolean;
  current: ConflictVersion | null;
  other: ConflictVersion;
  resolved: { at: string; by: string; choice: 'current' | 'other' } | null;
}

export interface RecordStatusView { status: RecordSyncStatus; offices: Array<{ office: string; status: RecordSyncStatus }> }

const empty = z.object({}).strict();
const peerRef = { office: officeCode, installation };
const target = {
  /** An office code, or "ALL" (the Sở: one bundle per enrolled PC of every office). */
  to: z.union([officeCode, z.literal('ALL')]),
  installation: installation.optional(),
};

export const syncOps = {
  'sync.status': op(empty).returns<SyncStatus>(),
  'sync.identity': op(empty).returns<IdentityView>(),
  'sync.keyCard.export': op(z.object({ handle: handle.optional(), outDir: filePath.optional() }).strict()).returns<{ file: FileOut; path: string | null }>(),
  'sync.keyCard.inspect': op(z.object({ file: FileInSchema.optional(), path: filePath.optional() }).strict()).returns<KeyCardView>(),
  'sync.keyCard.import': op(
    z
      .object({
        file: FileInSchema.optional(),
        path: filePath.optional(),
        /** The fingerprint the person saw and compared; the card must still say it. */
        expectFingerprint: fingerprint.optional(),
        confirmedByPhone: z.boolean().default(false),
        reenrol: z.enum(['replace', 'add']).optional(),
      })
      .strict(),
  ).returns<{ state: 'pinned' | 'known' | 'replaced' | 'added'; status: SyncStatus }>(),
  'sync.peers.confirm': op(z.object({ ...peerRef, confirmed: z.boolean() }).strict()).returns<SyncStatus>(),
  'sync.peers.reenrol': op(z.object({ ...peerRef, fingerprint, mode: z.enum(['replace', 'add']) }).strict()).returns<SyncStatus>(),
  'sync.preview': op(z.object(target).strict()).returns<ExportPreview>(),
  'sync.export': op(
    z
      .object({
        ...target,
        maxPartMb: z.number().min(0.01).max(500).default(10),
        /** The folder chosen in the OS dialog (spent by this export). */
        handle: handle.optional(),
        outDir: filePath.optional(),
        /** Return the files as base64 (browser download). */
        returnFiles: z.boolean().default(false),
        /** Prepare an email: subject/body, and open the mail client and the folder where possible. */
        email: z.boolean().default(false),
      })
      .strict(),
  ).returns<ExportResult>(),
  'sync.exportProgress': op(empty).returns<ExportProgress>(),
  'sync.inspect': op(z.object(SourceShape).strict()).returns<ImportReport>(),
  'sync.import': op(
    z
      .object({
        ...SourceShape,
        /** Pin a sender seen for the first time (after comparing its fingerprint by phone). */
        allowFirstContact: z.boolean().default(false),
        expectFingerprint: fingerprint.optional(),
      })
      .strict(),
  ).returns<ImportReport>(),
  'sync.recordStatus': op(z.object({ ids: z.array(z.string().min(1).max(200)).max(2000) }).strict()).returns<Record<string, RecordStatusView | null>>(),
  'sync.conflicts': op(z.object({ includeResolved: z.boolean().default(false) }).strict()).returns<ConflictView[]>(),
  'sync.conflicts.resolve': op(z.object({ id: z.string().min(1).max(200), choice: z.enum(['current', 'other']) }).strict()).returns<ConflictView[]>(),
  /**
   * A folder chosen in the OS dialog, as a handle for the operation it was picked for (export and
   * key card: write, spent by one export; import: read, spent by the import after its dry runs).
   * `label` is the folder's name, for display. { available: false } where there is no dialog (browser).
   */
  'dialog.pickFolder': op(z.object({ purpose: z.enum(['export', 'import', 'keyCard', 'transport']).default('export') }).strict()).returns<{
    handle: string | null;
    label: string | null;
    available: boolean;
  }>(),
};
