import { z } from 'zod';
import { op } from './define';
import type { FileOut } from './tasks';

/**
 * Enrolment in one phone call (issue 14): the Sở prepares a setup package for one office's
 * PC ("máy tính của đơn vị") and a one-time code ("mã đăng ký"); the office opens the package,
 * types the code and sends back its reply; the Sở opens the reply. The code authenticates both
 * key cards, so nobody reads fingerprints aloud (that check stays available on the sync page).
 * Named under "sync." so the renderer's sync family refreshes with them.
 */
const officeCode = z.string().regex(/^[A-Z0-9_-]{2,32}$/);
const filePath = z.string().min(1).max(4096);
const FileIn = z.object({ name: z.string().trim().min(1).max(255), base64: z.string().max(6_000_000) }).strict();
/** A file chosen in the UI (bytes) or a path given on the command line. */
const source = { file: FileIn.optional(), path: filePath.optional() };

export interface PreparedEnrolment {
  enrolmentId: string;
  office: string;
  officeName: string;
  /** "7K3QD-MX2VB-0TRNC-9HW4E": shown once, read to the office by phone. */
  code: string;
  expiresAt: string;
  file: FileOut;
  /** Full path when written to a folder. */
  path: string | null;
}

export interface EnrolmentView {
  enrolmentId: string;
  office: string;
  officeName: string;
  createdAt: string;
  expiresAt: string;
  state: 'open' | 'used' | 'expired' | 'locked';
  attempts: number;
  usedAt: string | null;
  installation: string | null;
  fingerprint: string | null;
}

/** What a package says before the code is typed: nothing here is trusted yet. */
export interface PackagePreview {
  office: string;
  officeName: string;
  soName: string;
  profileName: string;
  forms: number;
  expiresAt: string;
  /** Wrong codes still allowed for this package on this PC. */
  triesLeft: number;
}

export interface AcceptedEnrolment {
  office: string;
  officeName: string;
  soFingerprint: string;
  /** The reply the Sở opens (a key card with the code's seal). */
  file: FileOut;
  path: string | null;
  /** A shared folder from the package, set up here because it exists on this PC. */
  folderTransport: string | null;
  /** The Sở's mailbox and servers, to fill in the e-mail settings (this PC's own mailbox and password are still needed). */
  emailHint: { soMailbox: string; smtp: { host: string; port: number; security: 'tls' | 'starttls' | 'none' } | null; imap: { host: string; port: number; security: 'tls' | 'starttls' | 'none' } | null } | null;
}

export interface FinishedEnrolment {
  office: string;
  officeName: string;
  installation: string;
  fingerprint: string;
  result: 'pinned' | 'replaced' | 'added' | 'known';
}

export const enrolmentOps = {
  /** Sở: a setup package and a code for one office. */
  'sync.enrol.prepare': op(
    z
      .object({
        office: officeCode,
        days: z.number().int().min(1).max(60).default(7),
        add: z.boolean().default(false),
        outDir: filePath.optional(),
      })
      .strict(),
  ).returns<PreparedEnrolment>(),
  'sync.enrol.list': op(z.object({}).strict()).returns<EnrolmentView[]>(),
  /** Office: what a package says, before the code (first run shows it). */
  'sync.enrol.inspect': op(z.object(source).strict()).returns<PackagePreview>(),
  /** Office: open the package with the code; sets this PC up on first run; pins the Sở. */
  'sync.enrol.accept': op(
    z
      .object({
        ...source,
        code: z.string().min(1).max(64),
        /** Needed on first run (no office set up yet). */
        officerName: z.string().trim().min(2, 'app:firstRun.nameTooShort').max(120).optional(),
        outDir: filePath.optional(),
      })
      .strict(),
  ).returns<AcceptedEnrolment>(),
  /** Sở: open an office's reply; pins the office's PC when the code's seal holds. */
  'sync.enrol.finish': op(z.object(source).strict()).returns<FinishedEnrolment>(),
};
