import { createHash } from 'node:crypto';
import type { KindCounts, RefusedDoc } from '../../contract/sync';
import type { Doc } from '../../domain/document';
import { refusalOf, type SenderAuthority } from './authority';
import { mergeDocument } from './merge';

/**
 * The dry run and the apply step share this plan: for every incoming document, authority and
 * its shape against the registry of kinds first (refused ones are reported, the rest goes on),
 * then the merge decision. Pure.
 */
export interface ImportPlan {
  apply: Doc[];
  /** Versions that lost a conflict; each becomes a 'conflict' document. */
  losers: Array<{ loser: Doc; docId: string; kind: string; owner: string }>;
  kinds: KindCounts[];
  refused: RefusedDoc[];
}

export const emptyCounts = (kind: string): KindCounts => ({ kind, new: 0, updated: 0, unchanged: 0, older: 0, conflict: 0, refused: 0 });

export function planImport(docs: readonly Doc[], sender: SenderAuthority, current: (id: string) => Doc | undefined): ImportPlan {
  const counts = new Map<string, KindCounts>();
  const planned = new Map<string, Doc>();
  const apply: Doc[] = [];
  const losers: ImportPlan['losers'] = [];
  const refused: RefusedDoc[] = [];
  for (const d of docs) {
    const c = counts.get(d.kind) ?? emptyCounts(d.kind);
    counts.set(d.kind, c);
    const cur = planned.get(d.id) ?? current(d.id);
    const refusal = refusalOf(d, sender, cur);
    if (refusal) {
      c.refused++;
      refused.push({ id: d.id, kind: d.kind, owner: d.owner, ...refusal });
      continue;
    }
    const decision = mergeDocument(cur, d);
    c[decision.outcome]++;
    if (decision.loser) losers.push({ loser: decision.loser, docId: d.id, kind: d.kind, owner: d.owner });
    if (decision.apply) {
      planned.set(d.id, d);
      apply.push(d);
    }
  }
  // A document given twice in one bundle: only its last planned version is stored.
  const last = new Map(apply.map((d) => [d.id, d]));
  return { apply: apply.filter((d) => last.get(d.id) === d), losers, kinds: [...counts.values()].sort((a, b) => a.kind.localeCompare(b.kind)), refused };
}

export function totalsOf(kinds: readonly KindCounts[]): Omit<KindCounts, 'kind'> {
  const t = emptyCounts('');
  for (const k of kinds) {
    t.new += k.new;
    t.updated += k.updated;
    t.unchanged += k.unchanged;
    t.older += k.older;
    t.conflict += k.conflict;
    t.refused += k.refused;
  }
  const { kind: _kind, ...rest } = t;
  return rest;
}

/** One conflict document per (document, losing version): seeing it again changes nothing. */
export function conflictId(docId: string, loserHlc: string): string {
  return `cf_${createHash('sha256').update(`${docId}\0${loserHlc}`).digest('hex').slice(0, 40)}`;
}
