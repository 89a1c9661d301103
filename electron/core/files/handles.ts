import { randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors';

/**
 * Opaque handles for folders chosen in the OS dialog (issue 10, class 5). The window never
 * names a path: main's native dialog answers the core (over the core host's port), the core
 * keeps the chosen path here and gives the window only a random id. The id is bound to what
 * the dialog was opened for (purpose → read or write), expires, and a write handle is spent
 * by the one export it was picked for. A forged, expired, spent or misused id is refused with
 * FILE_HANDLE_REFUSED before any file is touched.
 */

export type HandlePurpose = 'export' | 'import' | 'keyCard' | 'transport';
export type HandleMode = 'read' | 'write';

/** 128 random bits, base64url. */
export const HANDLE_PATTERN = /^fh_[A-Za-z0-9_-]{22}$/;

// A shared folder for the transports is written (outbox) and read (inbox): it is opened for writing.
const MODE_OF: Record<HandlePurpose, HandleMode> = { export: 'write', keyCard: 'write', import: 'read', transport: 'write' };

/**
 * An hour: long enough to compare a fingerprint by phone between the dry run and the import,
 * short enough that a handle left in a stale page is useless.
 */
export const HANDLE_TTL_MS = 60 * 60 * 1000;

interface Entry {
  path: string;
  purpose: HandlePurpose;
  mode: HandleMode;
  expiresAt: number;
  spent: boolean;
}

export interface HandleUse {
  mode: HandleMode;
  purposes: readonly HandlePurpose[];
  /** The last use (an export, the import after its dry run): the handle is spent. */
  spend: boolean;
}

export type RefusalReason = 'unknown' | 'expired' | 'spent' | 'mode' | 'purpose';

function refused(reason: RefusalReason): AppError {
  return new AppError('FILE_HANDLE_REFUSED', 'common:errors.FILE_HANDLE_REFUSED', { reason });
}

export class FileHandles {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = HANDLE_TTL_MS,
  ) {}

  /** Called with the path the OS dialog returned; the id is all the window will see. */
  mint(chosenPath: string, purpose: HandlePurpose): string {
    this.sweep();
    const id = `fh_${randomBytes(16).toString('base64url')}`;
    this.entries.set(id, { path: chosenPath, purpose, mode: MODE_OF[purpose], expiresAt: this.now() + this.ttlMs, spent: false });
    return id;
  }

  /** The chosen path, if the handle may be used this way; throws FILE_HANDLE_REFUSED otherwise. */
  resolve(id: string, use: HandleUse): string {
    const e = HANDLE_PATTERN.test(id) ? this.entries.get(id) : undefined;
    if (!e) throw refused('unknown');
    if (e.spent) throw refused('spent');
    if (this.now() > e.expiresAt) {
      this.entries.delete(id);
      throw refused('expired');
    }
    if (e.mode !== use.mode) throw refused('mode');
    if (!use.purposes.includes(e.purpose)) throw refused('purpose');
    if (use.spend) e.spent = true;
    return e.path;
  }

  private sweep(): void {
    const t = this.now();
    for (const [id, e] of this.entries) if (t > e.expiresAt) this.entries.delete(id);
  }
}
