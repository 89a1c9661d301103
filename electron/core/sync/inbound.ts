import type { SyncWarning } from '../../contract/sync';
import type { Ack, Manifest, OpenedBundle } from '../bundles';
import { compareHlc } from '../store/hlc';
import { findPeer, type KeysOf, type Peer, type SyncState } from './peers';
import { pin } from './trust';
import { mergeVectors } from './vector';

/**
 * The inbound half of a peer's state: which of its bundles arrived, the chain of hashes, and
 * what its acknowledgement tells us about the bundles we sent it.
 */
const KEEP_HASHES = 64;
const KEEP_IDS_IN_ACK = 32;

export function recordImport(s: SyncState, keys: KeysOf, opened: OpenedBundle, at: string): void {
  const m = opened.manifest;
  let p = findPeer(s, keys.office, keys.installation);
  if (!p) {
    if (!opened.firstContact) throw new Error('sync: pinned peer vanished during import');
    p = pin(s, keys, 'bundle', at, false);
  }
  p.in.seqs = [...new Set([...p.in.seqs, m.seq])].sort((a, b) => a - b);
  p.in.bundleIds.push(m.bundleId);
  p.in.hashes[String(m.seq)] = opened.bundleHash;
  const seqs = Object.keys(p.in.hashes).map(Number).sort((a, b) => b - a);
  for (const old of seqs.slice(KEEP_HASHES)) delete p.in.hashes[String(old)];
  if (m.seq >= p.in.lastSeq) {
    p.in.lastSeq = m.seq;
    p.in.lastAt = at;
  }
  for (const d of opened.docs) {
    if (d.owner === keys.office && (p.in.maxHlc === null || compareHlc(d.hlc, p.in.maxHlc) > 0)) p.in.maxHlc = d.hlc;
  }
  applyAck(p, m.ack, at);
}

/**
 * "I imported your bundle k" = the sender holds everything we held when we wrote k (bundles
 * are cumulative). Never goes backwards: an older bundle's acknowledgement changes nothing.
 */
export function applyAck(p: Peer, ack: Ack, at: string): void {
  if (ack.lastSeq <= p.out.acked.seq) return;
  const rec = p.out.sent.find((r) => r.seq === ack.lastSeq);
  if (!rec) return;
  const covered = p.out.sent.filter((r) => r.seq <= ack.lastSeq);
  p.out.acked = { seq: ack.lastSeq, at, vector: mergeVectors(p.out.acked.vector, rec.vector) };
  p.out.sharedAcked = [...new Set([...p.out.sharedAcked, ...covered.flatMap((r) => r.shared)])];
  p.out.sent = p.out.sent.filter((r) => r.seq > ack.lastSeq);
}

/** What we tell a peer in our next bundle to it. */
export function ackFor(p: Peer): Ack {
  return { lastSeq: p.in.lastSeq, bundleIds: p.in.bundleIds.slice(-KEEP_IDS_IN_ACK), hlc: p.in.maxHlc };
}

/** Not blocking: bundles are cumulative, so a missing one is covered by the next. */
export function sequenceWarnings(p: Peer | undefined, m: Manifest, officeName: string): SyncWarning[] {
  const out: SyncWarning[] = [];
  const warn = (code: SyncWarning['code'], params: SyncWarning['params']): void => {
    out.push({ code, messageKey: `bundles:sync.warnings.${code}`, params: { office: officeName, ...params } });
  };
  const last = p?.in.lastSeq ?? 0;
  const have = new Set(p?.in.seqs ?? []);
  const missing: number[] = [];
  for (let n = last + 1; n < m.seq; n++) if (!have.has(n)) missing.push(n);
  if (missing.length > 0) warn('GAP', { missing: ranges(missing), seq: m.seq });
  if (p && m.seq < last) warn('OLDER_BUNDLE', { seq: m.seq, lastSeq: last });
  const prevHash = p?.in.hashes[String(m.seq - 1)];
  if (prevHash && m.prevBundleHash !== prevHash) warn('CHAIN', { seq: m.seq, prev: m.seq - 1 });
  if (p && m.ack.lastSeq > p.out.seq) warn('ACK_UNKNOWN', { ackSeq: m.ack.lastSeq, ourSeq: p.out.seq });
  return out;
}

/** [5, 6, 7, 9] -> "5–7, 9" */
export function ranges(ns: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < ns.length) {
    let j = i;
    while (j + 1 < ns.length && (ns[j + 1] as number) === (ns[j] as number) + 1) j++;
    parts.push(j > i + 1 ? `${ns[i]}–${ns[j]}` : j === i + 1 ? `${ns[i]}, ${ns[j]}` : String(ns[i]));
    i = j + 1;
  }
  return parts.join(', ');
}

/** Bundle numbers from this peer that never arrived (for the status table). */
export function gapsOf(p: Peer): number[] {
  const have = new Set(p.in.seqs);
  const out: number[] = [];
  for (let n = 1; n < p.in.lastSeq && out.length < 50; n++) if (!have.has(n)) out.push(n);
  return out;
}
