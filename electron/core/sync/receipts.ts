import type { Doc } from '../../domain/document';
import type { DataOf } from '../../domain/documentKinds';

/**
 * Receipts (issue 13): the Sở keeps, for every office report and task progress a bundle
 * brings, when the bundle was made and when it was imported here. Deadlines at the Sở are
 * measured against the first import of a finished version; both dates are shown.
 */

export const receiptId = (docId: string): string => `rcv:${docId}`;

type ReceiptData = DataOf<'receipt'>;

function isFinished(d: Doc): boolean {
  if (d.kind === 'report') return d.data['status'] === 'complete';
  if (d.kind === 'directive') return true;
  return d.data['status'] === 'done';
}

/** What each side keeps receipts of: the Sở, what offices report; an office, the Sở's directives. */
export const receiptKinds = (isSo: boolean): ReadonlySet<string> => new Set(isSo ? ['report', 'progress'] : ['directive']);

/** The receipt data after importing `doc` from a bundle; null for kinds without receipts. Pure. */
export function receiptAfter(
  doc: Doc,
  prev: ReceiptData | undefined,
  bundle: { bundleId: string; createdAt: string },
  at: string,
  kinds: ReadonlySet<string>,
): ReceiptData | null {
  if (!kinds.has(doc.kind) || (doc.kind !== 'report' && doc.kind !== 'progress' && doc.kind !== 'directive')) return null;
  const office = typeof doc.data['office'] === 'string' ? doc.data['office'] : doc.owner;
  const firstComplete = prev?.firstComplete ?? (isFinished(doc) ? { receivedAt: at, sentAt: bundle.createdAt } : null);
  return { docId: doc.id, kind: doc.kind, office, bundleId: bundle.bundleId, sentAt: bundle.createdAt, receivedAt: at, firstComplete };
}
