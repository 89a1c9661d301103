import type { RefusalReason } from '../../contract/sync';
import type { Doc, DocKind } from '../../domain/document';
import { checkDocument, LOCAL_KINDS, OFFICE_KINDS, SO_KINDS } from '../../domain/documentKinds';

/**
 * Who may write what (docs/ARCHITECTURE.md, "Documents": single writer per document), from the registry of document kinds
 * (domain/documentKinds). Pure: the sender's office and role, the incoming version, and the
 * version we hold (if any).
 */

export { LOCAL_KINDS, OFFICE_KINDS, SO_KINDS };

export interface SenderAuthority {
  office: string;
  isSo: boolean;
}

export function kindsFor(isSo: boolean): ReadonlySet<DocKind> {
  return isSo ? SO_KINDS : OFFICE_KINDS;
}

export interface Refusal {
  reason: RefusalReason;
  field?: string;
}

/**
 * Null when the sender may write this version; otherwise why it is refused. The shape and
 * the id are checked before the version we hold is looked at, so a record the Sở does not
 * hold yet cannot be created under another office's id either.
 */
export function refusalOf(incoming: Doc, sender: SenderAuthority, existing: Doc | undefined): Refusal | null {
  if (LOCAL_KINDS.has(incoming.kind)) return { reason: 'localKind' };
  if (incoming.owner !== sender.office) return { reason: 'owner' };
  if (!kindsFor(sender.isSo).has(incoming.kind)) return { reason: 'kind' };
  const problem = checkDocument(incoming);
  if (problem) return { reason: problem.problem === 'idNotOwners' ? 'idNotSenders' : 'shape', field: problem.field };
  // Same id held by another owner, or as another kind: the sender would take it over.
  if (existing && (existing.owner !== incoming.owner || existing.kind !== incoming.kind)) return { reason: 'takeover' };
  return null;
}
