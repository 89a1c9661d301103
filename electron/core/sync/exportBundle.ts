import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BundlePreview, ExportedBundle, ExportPreview, ExportProgress, ExportResult } from '../../contract/sync';
import type { FileOut } from '../../contract/tasks';
import { AppError, toErrorValue } from '../../domain/errors';
import { buildBundle, bundleFileName, partFileName, splitBundle } from '../bundles';
import { writeFileDurable } from '../store/durableFile';
import { attachmentFileSize, isAttachmentSha, readAttachmentFile } from '../files/attachments';
import { officeName, ourCodeTowards, type Me, type SyncDeps } from './deps';
import { emailDraft } from './email';
import { syncError } from './errors';
import { ackFor } from './inbound';
import { findPeer, peersOf, type Peer, type SyncState } from './peers';
import { selectForRecipient, type Selection, type SelectMode } from './select';
import { mergeVectors } from './vector';

/**
 * Export to one recipient PC, or from the Sở to every office: select what the recipient has
 * not acknowledged, build the signed and encrypted bundle, record it as sent (durably, before
 * the file leaves: a bundle that then gets lost only leaves a gap the next one covers),
 * split into parts for email, write to the chosen folder and/or hand the bytes back.
 */
export interface ExportInput {
  to: string;
  installation?: string | undefined;
  maxPartMb: number;
  outDir?: string | undefined;
  returnFiles: boolean;
  email: boolean;
}

export type ProgressSink = (p: Omit<ExportProgress, 'running' | 'percent'>) => Promise<void>;

const OUTBOX_DIR = 'outbox';
const MIN_PART_BYTES = 4096;

export function modeFor(me: Me, office: string, nameOf: (code: string) => string = (c) => c): SelectMode {
  if (office === me.office) return 'sameOffice';
  if (me.isSo) return 'soToOffice';
  if (office === me.soCode) return 'toSo';
  throw syncError('NOT_ALLOWED_RECIPIENT', { office: nameOf(office), officeCode: office });
}

/** The PC a bundle for this office goes to: the one named, else the one heard from last. */
export function defaultPeer(pins: readonly Peer[]): Peer | undefined {
  return [...pins].sort((a, b) => (b.in.lastAt ?? b.pinnedAt).localeCompare(a.in.lastAt ?? a.pinnedAt))[0];
}

export function resolveTargets(deps: SyncDeps, me: Me, s: SyncState, to: string, installation?: string): { peers: Peer[]; skipped: ExportPreview['skipped'] } {
  const skipped: ExportPreview['skipped'] = [];
  if (to === 'ALL') {
    if (!me.isSo) throw syncError('NOT_ALLOWED_RECIPIENT', { office: to, officeCode: to });
    const offices = [...new Set(s.peers.map((p) => p.office))].filter((o) => o !== me.office);
    return { peers: offices.map((o) => defaultPeer(peersOf(s, o)) as Peer), skipped };
  }
  modeFor(me, to, (c) => officeName(deps.ctx, c));
  const pins = peersOf(s, to).filter((p) => !(p.office === me.office && p.installation === me.installation));
  const peer = installation ? pins.find((p) => p.installation === installation) : defaultPeer(pins);
  if (!peer) throw syncError('NO_RECIPIENT_KEY', { office: officeName(deps.ctx, to), officeCode: to });
  return { peers: [peer], skipped };
}

export function selectionFor(deps: SyncDeps, me: Me, p: Peer): Selection {
  const shared = new Set([...p.out.sharedAcked, ...p.out.sent.flatMap((r) => r.shared)]);
  return selectForRecipient({
    mode: modeFor(me, p.office),
    ourOffice: ourCodeTowards(deps.ctx, me, p.office),
    recipientOffice: p.office,
    docsOf: (kind) => deps.ctx.store.list(kind, { includeDeleted: true }),
    acked: p.out.acked.vector,
    sharedAcked: new Set(p.out.sharedAcked),
    everShared: shared,
  });
}

function previewOf(deps: SyncDeps, s: SyncState, p: Peer, sel: Selection, attachments: { count: number; bytes: number; missing: number }): BundlePreview {
  const counts: Record<string, number> = {};
  for (const d of sel.docs) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  return {
    to: p.office,
    toName: officeName(deps.ctx, p.office) + (peersOf(s, p.office).length > 1 ? ` (${p.installation.slice(-6)})` : ''),
    installation: p.installation,
    seq: p.out.seq + 1,
    counts,
    total: sel.docs.length,
    attachments: { count: attachments.count, bytes: attachments.bytes },
    personalData: (counts['household'] ?? 0) > 0 || attachments.count > 0,
    missingFiles: attachments.missing,
  };
}

/** Attachment files of the selected attachment documents, keyed by SHA-256. */
async function attachmentsOf(deps: SyncDeps, sel: Selection, read: boolean): Promise<{ map: Map<string, Uint8Array>; count: number; bytes: number; missing: number }> {
  const map = new Map<string, Uint8Array>();
  let bytes = 0;
  let missing = 0;
  for (const d of sel.docs) {
    const sha = d.kind === 'attachment' && !d.deleted ? d.data['sha256'] : undefined;
    if (typeof sha !== 'string' || !isAttachmentSha(sha) || map.has(sha)) continue;
    try {
      const dataDir = deps.ctx.dataDir;
      const data = read ? await readAttachmentFile(dataDir, sha) : new Uint8Array(await attachmentFileSize(dataDir, sha));
      map.set(sha, data);
      bytes += data.length;
    } catch {
      missing++;
    }
  }
  return { map, count: map.size, bytes, missing };
}

export async function previewExport(deps: SyncDeps, to: string, installation?: string): Promise<ExportPreview> {
  const me = await deps.me();
  const s = await deps.peers.read();
  const { peers, skipped } = resolveTargets(deps, me, s, to, installation);
  const bundles: BundlePreview[] = [];
  for (const p of peers) {
    const sel = selectionFor(deps, me, p);
    bundles.push(previewOf(deps, s, p, sel, await attachmentsOf(deps, sel, false)));
  }
  return { bundles, skipped };
}

export async function exportBundles(deps: SyncDeps, input: ExportInput, progress: ProgressSink): Promise<ExportResult> {
  const { ctx } = deps;
  const me = await deps.me();
  const s = await deps.peers.read();
  const { peers, skipped } = resolveTargets(deps, me, s, input.to, input.installation);
  const outDir = input.outDir ?? (input.email && !input.returnFiles ? path.join(ctx.dataDir, OUTBOX_DIR) : undefined);
  const maxPartBytes = Math.max(MIN_PART_BYTES, Math.floor(input.maxPartMb * 1024 * 1024));
  const bundles: ExportedBundle[] = [];
  const files: FileOut[] = [];
  for (const [i, p] of peers.entries()) {
    const step = (stage: ExportProgress['stage']) => progress({ stage, current: i, total: peers.length, office: p.office });
    try {
      await step('select');
      const sel = selectionFor(deps, me, p);
      const att = await attachmentsOf(deps, sel, true);
      const preview = previewOf(deps, s, p, sel, att);
      await step('build');
      const now = ctx.now();
      const asOffice = ourCodeTowards(ctx, me, p.office);
      const built = buildBundle({
        docs: sel.docs,
        attachments: att.map,
        sender: { office: asOffice, installation: me.installation, signingPublicKey: me.identity.signingPublicKey, agreementPublicKey: me.identity.agreementPublicKey },
        recipient: p.office,
        seq: preview.seq,
        prevBundleHash: p.out.lastBundleHash,
        ack: ackFor(p),
        recipientAgreementPublicKey: p.agreementPublicKey,
        signingPrivateKey: me.identity.signingPrivateKey,
        appVersion: ctx.appVersion,
        createdAt: now,
      });
      const label = peersOf(s, p.office).length > 1 ? `${p.office}-${p.installation.slice(-6)}` : p.office;
      const base = bundleFileName(asOffice, label, now, preview.seq);
      const out =
        built.bytes.length > maxPartBytes
          ? splitBundle(built.bytes, maxPartBytes).map((part) => ({ name: partFileName(base, part.index, part.count), bytes: part.bytes }))
          : [{ name: base, bytes: built.bytes }];
      const at = now.toISOString();
      await deps.peers.update((st) => {
        const peer = findPeer(st, p.office, p.installation);
        if (!peer) throw syncError('NO_RECIPIENT_KEY', { office: officeName(ctx, p.office), officeCode: p.office });
        peer.out.seq = preview.seq;
        peer.out.lastBundleHash = built.bundleHash;
        peer.out.lastSentAt = at;
        peer.out.sent.push({ seq: preview.seq, bundleId: built.manifest.bundleId, at, vector: sel.vector, shared: sel.shared, count: sel.docs.length });
        peer.out.sentVector = mergeVectors(peer.out.sentVector, sel.vector);
      });
      await step('write');
      const paths: string[] = [];
      if (outDir) {
        await fs.mkdir(outDir, { recursive: true });
        for (const f of out) {
          const file = path.join(outDir, f.name);
          await writeFileDurable(file, f.bytes);
          paths.push(file);
        }
      }
      if (input.returnFiles) {
        for (const f of out) files.push({ fileName: f.name, mime: 'application/octet-stream', base64: Buffer.from(f.bytes).toString('base64'), personalData: preview.personalData });
      }
      bundles.push({ ...preview, bundleId: built.manifest.bundleId, fileNames: out.map((f) => f.name), paths, bytes: built.bytes.length });
      deps.log(`sync: exported ${built.manifest.bundleId} seq ${preview.seq} to ${p.office}/${p.installation}: ${sel.docs.length} docs, ${out.length} file(s)`);
    } catch (e) {
      if (!(e instanceof AppError) || input.to !== 'ALL') throw e;
      skipped.push({ office: p.office, officeName: officeName(ctx, p.office), error: toErrorValue(e) });
    }
  }
  await progress({ stage: 'done', current: peers.length, total: peers.length, office: null });
  let email: ExportResult['email'] = null;
  if (input.email && bundles.length > 0) {
    const draft = emailDraft(me.officeName, bundles.map((b) => ({ toName: b.toName, seq: b.seq, total: b.total, fileNames: b.fileNames })), ctx.now());
    const first = bundles[0]?.paths[0];
    const canOpen = Boolean(ctx.ports.openExternal && first);
    if (canOpen && first) {
      await ctx.ports.openExternal?.(draft.mailto);
      await ctx.ports.showItemInFolder?.(first);
    }
    email = { ...draft, opened: canOpen };
  }
  return { bundles, skipped, files, outDir: outDir ?? null, email };
}
