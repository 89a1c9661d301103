import type { MergeOutcome } from '../../contract/sync';
import type { Doc } from '../../domain/document';
import { compareHlc } from '../store/hlc';

/**
 * What to do with one incoming version of a document we may already hold. Pure.
 *
 * Only the newest version of a document travels, and HLC order is the clock order that no
 * wrong PC clock can bend. "Written after seeing ours" is known exactly in two cases: the
 * incoming version names ours as the one it replaced (prevHlc), or the same PC wrote both
 * (a PC always holds its own earlier writes). Otherwise the two were written independently
 * — two PCs of one office editing the same record — and the loser is kept as a conflict
 * instead of being dropped. A false alarm (the writer saw ours through a version we never
 * received) costs a person one click; a silent loss would cost the data.
 *
 *   incoming newer, replaced ours (or same writer)     → updated
 *   incoming newer, written without ours               → conflict: incoming wins, ours kept
 *   same HLC                                           → unchanged
 *   incoming older, ours replaced it (or same writer)  → older: nothing to do
 *   incoming older, written without ours               → conflict: ours stays, incoming kept
 */
export interface MergeDecision {
  outcome: MergeOutcome;
  /** Store the incoming version. */
  apply: boolean;
  /** The version that lost a conflict, to keep as a 'conflict' document. */
  loser?: Doc;
}

export function mergeDocument(current: Doc | undefined, incoming: Doc): MergeDecision {
  if (!current) return { outcome: 'new', apply: true };
  const order = compareHlc(incoming.hlc, current.hlc);
  if (order === 0) return { outcome: 'unchanged', apply: false };
  const sameWriter = incoming.author !== undefined && incoming.author === current.author;
  if (order > 0) {
    if (incoming.prevHlc === current.hlc || sameWriter) return { outcome: 'updated', apply: true };
    return { outcome: 'conflict', apply: true, loser: current };
  }
  if (current.prevHlc === incoming.hlc || sameWriter) return { outcome: 'older', apply: false };
  return { outcome: 'conflict', apply: false, loser: incoming };
}
