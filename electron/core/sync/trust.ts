import type { ReenrolMode } from '../../contract/sync';
import type { PinnedKey } from '../bundles';
import { findPeer, newPeer, peersOf, type KeysOf, type Peer, type SyncState } from './peers';

/**
 * Trust decisions over the peers file. Pins are per office AND installation: a second PC of
 * an office is trusted only once someone enrols it ("add"), and a new key for a pinned office
 * replaces the old one only when someone says so ("replace"), after comparing fingerprints by
 * phone. Until then the new key waits in `pending` and its bundles are refused KEY_CHANGED.
 */
export type TrustState = 'new' | 'known' | 'changed' | 'own';

export interface Me {
  office: string;
  installation: string;
}

export function trustStateOf(s: SyncState, keys: KeysOf, me: Me): TrustState {
  if (keys.office === me.office && keys.installation === me.installation) return 'own';
  const exact = findPeer(s, keys.office, keys.installation);
  if (exact) return exact.fingerprint === keys.fingerprint && exact.signingPublicKey === keys.signingPublicKey ? 'known' : 'changed';
  return peersOf(s, keys.office).length > 0 ? 'changed' : 'new';
}

/**
 * The key openBundle compares with: the pin of that very PC, else any pin of the office, so
 * an unknown PC of a pinned office reads as a changed key, not as a stranger.
 */
export function pinFor(s: SyncState, office: string, installation: string): PinnedKey | undefined {
  const p = findPeer(s, office, installation) ?? peersOf(s, office)[0];
  return p ? { signingPublicKey: p.signingPublicKey, fingerprint: p.fingerprint } : undefined;
}

export function pin(s: SyncState, keys: KeysOf, source: 'card' | 'bundle', at: string, confirmed: boolean): Peer {
  const peer = newPeer(keys, source, at, confirmed);
  s.peers.push(peer);
  dropPending(s, keys);
  return peer;
}

export function recordPending(s: SyncState, keys: KeysOf, source: 'card' | 'bundle', at: string): void {
  const same = s.pending.find((p) => p.office === keys.office && p.installation === keys.installation && p.fingerprint === keys.fingerprint);
  if (same) return;
  s.pending = s.pending.filter((p) => !(p.office === keys.office && p.installation === keys.installation));
  s.pending.push({ ...pick(keys), source, seenAt: at });
}

/**
 * replace: the new key takes the place of the pin of the same PC, or of every pin of the
 *   office when the PC is new (a reinstalled PC gets a new installation id);
 * add: another PC of the office, next to the existing pins.
 * A PC that keeps its installation id keeps its sequence numbers and acknowledgements.
 */
export function reenrol(s: SyncState, keys: KeysOf, mode: ReenrolMode, source: 'card' | 'bundle', at: string, confirmed: boolean): Peer {
  const same = findPeer(s, keys.office, keys.installation);
  if (same) {
    Object.assign(same, pick(keys), { source, pinnedAt: at, confirmedByPhone: confirmed, confirmedAt: confirmed ? at : null });
    dropPending(s, keys);
    return same;
  }
  if (mode === 'replace') s.peers = s.peers.filter((p) => p.office !== keys.office);
  return pin(s, keys, source, at, confirmed);
}

function dropPending(s: SyncState, keys: KeysOf): void {
  s.pending = s.pending.filter((p) => !(p.office === keys.office && p.installation === keys.installation));
}

function pick(k: KeysOf): KeysOf {
  return {
    office: k.office,
    installation: k.installation,
    signingPublicKey: k.signingPublicKey,
    agreementPublicKey: k.agreementPublicKey,
    fingerprint: k.fingerprint,
  };
}
