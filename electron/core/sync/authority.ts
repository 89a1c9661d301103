import type { RefusalReason } from '../../contract/sync';
import type { Doc, DocKind } from '../../domain/document';

/**
 * Who may write what (docs/ARCHITECTURE.md, "Documents": single writer per document). Pure: the sender's
 * office and role, the incoming version, and the version we hold (if any).
 */

/** Never travel: this installation's own bookkeeping. */
export const LOCAL_KINDS: ReadonlySet<DocKind> = new Set<DocKind>(['conflict', 'peer', 'setting']);

/** What the Sở writes. */
export const SO_KINDS: ReadonlySet<DocKind> = new Set<DocKind>([
  'directive',
  'task',
  'review',
  'field',
  'reportForm',
  'target',
  'reportReview',
  'audit',
  'orgUnit',
]);

/** What a district office (or another unit working as an office) writes. */
export const OFFICE_KINDS: ReadonlySet<DocKind> = new Set<DocKind>(['progress', 'attachment', 'audit', 'report', 'household', 'commune']);

export interface SenderAuthority {
  office: string;
  isSo: boolean;
}

export function kindsFor(isSo: boolean): ReadonlySet<DocKind> {
  return isSo ? SO_KINDS : OFFICE_KINDS;
}

/** Null when the sender may write this version; otherwise why it is refused. */
export function refusalOf(incoming: Doc, sender: SenderAuthority, existing: Doc | undefined): RefusalReason | null {
  if (LOCAL_KINDS.has(incoming.kind)) return 'localKind';
  if (incoming.owner !== sender.office) return 'owner';
  if (!kindsFor(sender.isSo).has(incoming.kind)) return 'kind';
  // Same id held by another owner, or as another kind: the sender would take it over.
  if (existing && (existing.owner !== incoming.owner || existing.kind !== incoming.kind)) return 'takeover';
  return null;
}
