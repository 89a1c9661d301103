import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BundleReport } from '../../contract/sync';
import { writeFileDurable } from '../store/durableFile';
import type { SyncDeps } from '../sync/deps';
import { exportBundles, modeFor, selectionFor } from '../sync/exportBundle';
import { importBundles } from '../sync/importBundle';
import { peerKey, type Peer } from '../sync/peers';
import { covers } from '../sync/vector';
import { INBOX_DIR, isDue, lightOf, markFailed, markSent, type Outbox, type OutboxEntry, type TransportLight } from './outbox';
import { TransportUnreachable, type Arrival, type Transport } from './types';

/**
 * One round of "send and receive" over every configured transport:
 *   1. build a bundle for each peer that has something new (or is owed an acknowledgement),
 *      keep its file in the outbox and add one outbox entry per transport reaching it;
 *   2. hand over every entry that is due (waiting, or failed and its retry time has come);
 *   3. take what arrived, import it exactly like files chosen by hand — bundles from pinned
 *      senders are applied, duplicates are set aside as handled, anything else is kept in
 *      <data>/inbox/ for a person;
 *   4. mark entries acknowledged from the peers' acknowledgement vectors.
 */
export interface RunResult {
  built: number;
  sent: number;
  failed: number;
  imported: number;
  duplicates: number;
  held: number;
  reports: BundleReport[];
  light: TransportLight;
}

/** Refusals that mean "already have it": the arrival is handled, nothing to show a person. */
const DUPLICATE_CODES = new Set(['ALREADY_IMPORTED', 'OWN_BUNDLE']);
/** Refusals that may resolve by themselves (the other parts are still on their way). */
const WAIT_CODES = new Set(['MISSING_PARTS']);
/** A whole bundle file, split by the transport when it needs parts. */
const WHOLE_BUNDLE_MB = 500;

export async function runOnce(deps: SyncDeps, outbox: Outbox, transports: readonly Transport[]): Promise<RunResult> {
  const result: RunResult = { built: 0, sent: 0, failed: 0, imported: 0, duplicates: 0, held: 0, reports: [], light: 'offline' };
  const unreachable = new Set<string>();
  if (transports.length > 0) {
    result.built = await buildDue(deps, outbox, transports);
    await sendDue(deps, outbox, transports, result, unreachable);
    for (const t of transports) await receiveFrom(deps, outbox, t, result, unreachable);
    await reconcileAcks(deps, outbox);
    // What just arrived is acknowledged (and answered) in the same round, not the next one.
    if ((await outbox.read()).ackOwed.length > 0) {
      result.built += await buildDue(deps, outbox, transports);
      await sendDue(deps, outbox, transports, result, unreachable);
    }
  }
  const at = deps.ctx.now().toISOString();
  const data = await outbox.update((d) => {
    d.lastRun = { at, unreachable: [...unreachable] };
    return d;
  });
  result.light = lightOf(data, transports.length);
  return result;
}

function exportable(me: Awaited<ReturnType<SyncDeps['me']>>, p: Peer): boolean {
  if (p.office === me.office && p.installation === me.installation) return false;
  try {
    modeFor(me, p.office);
    return true;
  } catch {
    return false;
  }
}

async function buildDue(deps: SyncDeps, outbox: Outbox, transports: readonly Transport[]): Promise<number> {
  const me = await deps.me();
  const state = await deps.peers.read();
  const box = await outbox.read();
  let built = 0;
  for (const p of state.peers) {
    if (!exportable(me, p)) continue;
    const via = transports.filter((t) => t.reaches(p.office));
    if (via.length === 0) continue;
    const key = peerKey(p);
    // Bundles are cumulative: while one is still on its way, the next run sends it first.
    if (box.entries.some((e) => e.to === p.office && e.installation === p.installation && (e.state === 'waiting' || e.state === 'failed'))) continue;
    const sel = selectionFor(deps, me, p);
    const fresh = sel.docs.some((d) => !covers(p.out.sentVector, d.hlc));
    if (!fresh && !box.ackOwed.includes(key)) continue;
    const res = await deps.exclusive(() =>
      exportBundles(deps, { to: p.office, installation: p.installation, maxPartMb: WHOLE_BUNDLE_MB, returnFiles: true, email: false }, async () => undefined),
    );
    const b = res.bundles[0];
    const file = res.files[0];
    if (!b || !file) continue;
    const dir = outbox.filesDir(b.bundleId);
    await fs.mkdir(dir, { recursive: true });
    await writeFileDurable(path.join(dir, file.fileName), Buffer.from(file.base64, 'base64'));
    const at = deps.ctx.now().toISOString();
    await outbox.update((d) => {
      for (const t of via) {
        d.entries.push({
          bundleId: b.bundleId,
          to: p.office,
          installation: p.installation,
          seq: b.seq,
          transport: t.id,
          fileNames: [file.fileName],
          docs: b.total,
          state: 'waiting',
          attempts: 0,
          createdAt: at,
          sentAt: null,
          ackedAt: null,
          lastError: null,
          nextTryAt: null,
        });
      }
      d.ackOwed = d.ackOwed.filter((k) => k !== key);
    });
    built++;
  }
  return built;
}

async function sendDue(deps: SyncDeps, outbox: Outbox, transports: readonly Transport[], result: RunResult, unreachable: Set<string>): Promise<void> {
  const box = await outbox.read();
  const now = deps.ctx.now();
  const due = box.entries.filter((e) => isDue(e, now));
  for (const entry of due) {
    const t = transports.find((x) => x.id === entry.transport);
    const same = (e: OutboxEntry): boolean => e.bundleId === entry.bundleId && e.transport === entry.transport;
    try {
      if (!t) throw new TransportUnreachable('transport removed', 'removed');
      const files = await Promise.all(entry.fileNames.map(async (name) => ({ name, bytes: await fs.readFile(path.join(outbox.filesDir(entry.bundleId), name)) })));
      await t.send({ to: entry.to, bundleId: entry.bundleId, seq: entry.seq, files });
      await outbox.update((d) => d.entries.filter(same).forEach((e) => markSent(e, deps.ctx.now())));
      result.sent++;
      deps.log(`transport: sent ${entry.bundleId} seq ${entry.seq} to ${entry.to} via ${entry.transport}`);
    } catch (e) {
      const reach = e instanceof TransportUnreachable;
      const reason = reach ? e.reason : e instanceof Error ? e.message : String(e);
      if (reach) unreachable.add(entry.transport);
      await outbox.update((d) => d.entries.filter(same).forEach((x) => markFailed(x, reason, reach, deps.ctx.now())));
      result.failed++;
      deps.log(`transport: send of ${entry.bundleId} via ${entry.transport} failed: ${reason}`);
    }
  }
}

async function receiveFrom(deps: SyncDeps, outbox: Outbox, t: Transport, result: RunResult, unreachable: Set<string>): Promise<void> {
  let arrivals: Arrival[];
  try {
    arrivals = await t.receive();
  } catch (e) {
    if (!(e instanceof TransportUnreachable)) throw e;
    unreachable.add(t.id);
    deps.log(`transport: ${t.id} unreachable on receive: ${e.reason}`);
    return;
  }
  if (arrivals.length === 0) return;
  const keysOf = new Map<string, string[]>();
  const files: Array<{ name: string; base64: string }> = [];
  for (const a of arrivals) {
    for (const f of a.files) {
      keysOf.set(f.name, [...(keysOf.get(f.name) ?? []), a.key]);
      files.push({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') });
    }
  }
  // The same verification, dry run and all-or-nothing import as files chosen by hand; only
  // a sender pinned before (key card, enrolment) is imported without a person.
  const report = await deps.exclusive(() => importBundles(deps, { files }, { apply: true, allowFirstContact: false }));
  const handled = new Set<string>();
  for (const b of report.bundles) {
    result.reports.push(b);
    const keys = b.fileNames.flatMap((n) => keysOf.get(n) ?? []);
    const code = b.error?.code ?? '';
    if (b.status === 'applied') {
      result.imported++;
      const docs = Object.values(b.totals).reduce((x, y) => x + y, 0);
      if (docs > 0 && b.sender) {
        const key = peerKey(b.sender);
        await outbox.update((d) => {
          if (!d.ackOwed.includes(key)) d.ackOwed.push(key);
        });
      }
    } else if (b.status === 'skipped' || DUPLICATE_CODES.has(code)) {
      result.duplicates++;
    } else if (WAIT_CODES.has(code)) {
      continue;
    } else {
      // Not imported by itself: kept for a person, who sees it in the inbox with the reason.
      const dir = path.join(deps.ctx.dataDir, INBOX_DIR);
      await fs.mkdir(dir, { recursive: true });
      for (const name of b.fileNames) {
        const f = files.find((x) => x.name === name);
        if (f) await writeFileDurable(path.join(dir, name), Buffer.from(f.base64, 'base64'));
      }
      const at = deps.ctx.now().toISOString();
      await outbox.update((d) => {
        d.held.push({ fileNames: b.fileNames, transport: t.id, at, reason: code || b.status, office: b.sender?.office ?? null });
      });
      result.held++;
    }
    for (const k of keys) handled.add(k);
  }
  try {
    for (const k of handled) await t.handled(k);
  } catch (e) {
    // Still in the mailbox: next time it is a duplicate (the bundle id is known) and is moved then.
    if (!(e instanceof TransportUnreachable)) throw e;
    unreachable.add(t.id);
  }
}

async function reconcileAcks(deps: SyncDeps, outbox: Outbox): Promise<void> {
  const s = await deps.peers.read();
  const at = deps.ctx.now().toISOString();
  await outbox.update((d) => {
    for (const e of d.entries) {
      if (e.state === 'acknowledged') continue;
      const p = s.peers.find((x) => x.office === e.to && x.installation === e.installation);
      if (p && p.out.acked.seq >= e.seq) {
        e.state = 'acknowledged';
        e.ackedAt = at;
        e.nextTryAt = null;
      }
    }
  });
}
