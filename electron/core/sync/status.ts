import type { PeerView, RecipientOption, RecordStatusView, RecordSyncStatus, SyncStatus } from '../../contract/sync';
import type { Doc } from '../../domain/document';
import { LOCAL_KINDS } from './authority';
import { officeName, type Me, type SyncDeps } from './deps';
import { modeFor, selectionFor } from './exportBundle';
import { gapsOf } from './inbound';
import { keyCardFileName } from './keyCard';
import { peersOf, type Peer, type SyncState } from './peers';
import { recipientsOf } from './select';
import { covers } from './vector';

/** Per peer: last sent, last acknowledged, waiting, gaps. Per record: local / sent / acknowledged. */

export async function syncStatus(deps: SyncDeps): Promise<SyncStatus> {
  const me = await deps.me();
  const s = await deps.peers.read();
  const openConflicts = deps.ctx.store.list('conflict').filter((d) => d.owner === me.office && !d.data['resolved']).length;
  return {
    identity: identityView(me),
    role: me.isSo ? 'so' : 'office',
    peers: s.peers.map((p) => peerView(deps, me, s, p)),
    pending: s.pending.map((k) => ({
      office: k.office,
      officeName: officeName(deps.ctx, k.office),
      installation: k.installation,
      fingerprint: k.fingerprint,
      seenAt: k.seenAt,
      source: k.source,
      pinned: peersOf(s, k.office).map((p) => p.fingerprint),
    })),
    openConflicts,
    recipients: recipients(deps, me, s),
    canPickFolder: Boolean(deps.ctx.ports.pickFolder),
  };
}

export function identityView(me: Me): SyncStatus['identity'] {
  return {
    office: me.office,
    officeName: me.officeName,
    installation: me.installation,
    fingerprint: me.identity.fingerprint,
    protector: me.identity.protector,
    keyCardFileName: keyCardFileName(me.office, me.identity.fingerprint),
  };
}

function canExport(me: Me, office: string): boolean {
  try {
    modeFor(me, office);
    return true;
  } catch {
    return false;
  }
}

function peerView(deps: SyncDeps, me: Me, s: SyncState, p: Peer): PeerView {
  const ok = canExport(me, p.office);
  const last = p.out.sent.at(-1);
  return {
    office: p.office,
    officeName: officeName(deps.ctx, p.office),
    installation: p.installation,
    fingerprint: p.fingerprint,
    ownOffice: p.office === me.office,
    source: p.source,
    pinnedAt: p.pinnedAt,
    confirmedByPhone: p.confirmedByPhone,
    confirmedAt: p.confirmedAt,
    lastSent: p.out.seq > 0 && p.out.lastSentAt ? { seq: p.out.seq, at: last?.at ?? p.out.lastSentAt } : null,
    lastAcknowledged: p.out.acked.seq > 0 && p.out.acked.at ? { seq: p.out.acked.seq, at: p.out.acked.at } : null,
    lastReceived: p.in.lastSeq > 0 && p.in.lastAt ? { seq: p.in.lastSeq, at: p.in.lastAt } : null,
    waiting: ok ? selectionFor(deps, me, p).docs.length : 0,
    gaps: gapsOf(p),
    canExport: ok,
  };
}

function recipients(deps: SyncDeps, me: Me, s: SyncState): RecipientOption[] {
  return s.peers
    .filter((p) => canExport(me, p.office))
    .map((p) => ({
      office: p.office,
      officeName: officeName(deps.ctx, p.office),
      installation: p.installation,
      installationLabel: peersOf(s, p.office).length > 1 || p.office === me.office ? p.installation.slice(-6) : '',
    }));
}

const RANK: Record<RecordSyncStatus, number> = { local: 0, sent: 1, acknowledged: 2 };

export async function recordStatus(deps: SyncDeps, ids: readonly string[]): Promise<Record<string, RecordStatusView | null>> {
  const me = await deps.me();
  const s = await deps.peers.read();
  const { store } = deps.ctx;
  let byDirective: Map<string, Doc[]> | null = null;
  const tasksOf = (id: string): Doc[] => {
    if (!byDirective) {
      byDirective = new Map();
      for (const t of store.list('task', { includeDeleted: true })) {
        const k = String(t.data['directiveId'] ?? '');
        byDirective.set(k, [...(byDirective.get(k) ?? []), t]);
      }
    }
    return byDirective.get(id) ?? [];
  };
  const out: Record<string, RecordStatusView | null> = {};
  for (const id of ids) {
    const d = store.get(id);
    if (!d || d.owner !== me.office || LOCAL_KINDS.has(d.kind)) {
      out[id] = null;
      continue;
    }
    const meant = recipientsOf(d, me.isSo, me.soCode, tasksOf);
    const candidates = meant === 'all' ? [...new Set(s.peers.map((p) => p.office))] : meant;
    const offices = candidates.filter((o) => o !== me.office && peersOf(s, o).length > 0);
    const per = offices.map((office) => ({ office, status: officeStatus(peersOf(s, office), d) }));
    const status = per.reduce<RecordSyncStatus>((min, x) => (RANK[x.status] < RANK[min] ? x.status : min), per.length > 0 ? 'acknowledged' : 'local');
    out[id] = { status, offices: per };
  }
  return out;
}

/** The best any PC of the office has reached. Tasks and directives also need to have been shared. */
function officeStatus(pins: readonly Peer[], d: Doc): RecordSyncStatus {
  const sharedKind = d.kind === 'task' || d.kind === 'directive';
  let best: RecordSyncStatus = 'local';
  for (const p of pins) {
    const everShared = p.out.sharedAcked.includes(d.id) || p.out.sent.some((r) => r.shared.includes(d.id));
    let st: RecordSyncStatus = 'local';
    if (covers(p.out.acked.vector, d.hlc) && (!sharedKind || p.out.sharedAcked.includes(d.id))) st = 'acknowledged';
    else if (covers(p.out.sentVector, d.hlc) && (!sharedKind || everShared)) st = 'sent';
    if (RANK[st] > RANK[best]) best = st;
  }
  return best;
}
