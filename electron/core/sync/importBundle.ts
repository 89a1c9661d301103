import type { BundleReport, ImportReport, SyncWarning } from '../../contract/sync';
import { AppError, toErrorValue } from '../../domain/errors';
import { checkVerified, inspectBundle, openVerified, type Manifest, type OpenedBundle, type VerifiedBundle } from '../bundles';
import { sha256Hex } from '../bundles/bytes';
import { bundleError, isBundleError } from '../bundles/errors';
import type { Doc } from '../../domain/document';
import { isAttachmentSha, writeAttachmentFiles } from '../files/attachments';
import { isSoOffice, officeName, requireKnownSender, type Me, type SyncDeps } from './deps';
import { syncError } from './errors';
import { findPeer, type KeysOf } from './peers';
import { conflictId, planImport, totalsOf, type ImportPlan } from './plan';
import { gatherFiles, groupBundles, type Candidate, type Source } from './readFiles';
import { recordImport, sequenceWarnings } from './inbound';
import { pinFor, recordPending } from './trust';
import { receiptAfter, receiptId, receiptKinds } from './receipts';

/**
 * Dry run (apply: false) and import of bundle files. Each bundle is verified completely by
 * openBundle before anything is written; then, for an import: attachment files first
 * (content-addressed, harmless if what follows fails), every accepted document and new
 * conflict record in ONE store.putVersions call (all or nothing), and last the peer state
 * (bundle id, sequence, acknowledgement). A refused bundle leaves the document files as they
 * were; a refused document inside an accepted bundle is reported and the rest applied.
 */
export interface ImportOptions {
  apply: boolean;
  allowFirstContact: boolean;
  expectFingerprint?: string | undefined;
}

export async function importBundles(deps: SyncDeps, source: Source, opts: ImportOptions): Promise<ImportReport> {
  const me = await deps.me();
  const { files, unreadable } = await gatherFiles(source);
  // Each file is unzipped and its manifest signature verified once, here; the result is
  // what gets sorted and opened.
  const candidates = [...groupBundles(files), ...unreadable].map((c) => verify(c, deps.ctx.appVersion));
  // Oldest first per sender, so gaps and acknowledgements read in order.
  const order = candidates.map((v) => ({ v, key: sortKey(v) })).sort((a, b) => a.key.localeCompare(b.key));
  const bundles: BundleReport[] = [];
  for (const { v } of order) bundles.push(await importOne(deps, me, v, opts));
  return { bundles };
}

interface Verified {
  fileNames: string[];
  bundle: VerifiedBundle | null;
  error: AppError | null;
}

function verify(c: Candidate, appVersion: string): Verified {
  if (c.error || !c.bytes) return { fileNames: c.fileNames, bundle: null, error: c.error ?? syncError('NO_FILES') };
  try {
    return { fileNames: c.fileNames, bundle: inspectBundle(c.bytes, appVersion), error: null };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { fileNames: c.fileNames, bundle: null, error: e };
  }
}

function sortKey(v: Verified): string {
  if (!v.bundle) return `~${v.fileNames[0] ?? ''}`;
  const m = v.bundle.manifest;
  return `${m.sender.office}/${m.sender.installation}/${String(m.seq).padStart(10, '0')}`;
}

function blank(fileNames: string[]): BundleReport {
  return {
    fileNames,
    status: 'refused',
    error: null,
    sender: null,
    recipient: null,
    seq: null,
    bundleId: null,
    createdAt: null,
    kinds: [],
    totals: { new: 0, updated: 0, unchanged: 0, older: 0, conflict: 0, refused: 0 },
    refused: [],
    warnings: [],
    attachments: { count: 0, bytes: 0 },
    personalData: false,
  };
}

async function importOne(deps: SyncDeps, me: Me, c: Verified, opts: ImportOptions): Promise<BundleReport> {
  const { ctx } = deps;
  const report = blank(c.fileNames);
  let manifest: Manifest | null = null;
  try {
    if (!c.bundle) throw c.error ?? syncError('NO_FILES');
    const verified = c.bundle;
    manifest = verified.manifest;
    const sender = manifest.sender;
    Object.assign(report, { recipient: manifest.recipient, seq: manifest.seq, bundleId: manifest.bundleId, createdAt: manifest.createdAt });
    // Ours too when written under our former code (to a district office of the old tree).
    const ownCode = sender.office === me.office || me.formerOffices.includes(sender.office);
    if (ownCode && sender.installation === me.installation) {
      return { ...report, status: 'skipped', error: { code: 'OWN_BUNDLE', messageKey: 'bundles:sync.import.ownBundle', params: { seq: manifest.seq } } };
    }
    const toFormerCode = me.formerOffices.includes(manifest.recipient);
    if (manifest.recipient === me.office || toFormerCode) {
      requireKnownSender(ctx, sender.office);
      if (!me.isSo && sender.office !== me.soCode && sender.office !== me.office) throw syncError('NOT_A_PEER', { office: sender.office });
    }
    const state = await deps.peers.read();
    const keys: KeysOf = { ...sender, fingerprint: sender.keyFingerprint };
    const peer = findPeer(state, sender.office, sender.installation);
    // Another PC of our own office is never a stranger to pin on sight: it joins by re-enrolment
    // ("add"), which needs its fingerprint compared like any changed key.
    if (sender.office === me.office && !peer) {
      await deps.peers.update((s) => recordPending(s, keys, 'bundle', ctx.now().toISOString()));
      throw bundleError('KEY_CHANGED', { office: sender.office, seq: manifest.seq, fingerprint: sender.keyFingerprint, pinnedFingerprint: me.identity.fingerprint });
    }
    const openCtx = {
      ourOffice: me.office,
      formerOffices: me.formerOffices,
      ourAgreementPrivateKey: me.identity.agreementPrivateKey,
      pinnedKeys: (office: string) => pinFor(state, office, sender.installation),
      alreadyImported: (id: string) => peer?.in.bundleIds.includes(id) ?? false,
      // The dry run shows a new sender's fingerprint and signed counts; only an import pins it.
      allowFirstContact: !opts.apply || opts.allowFirstContact,
    };
    let firstContact: boolean;
    try {
      ({ firstContact } = checkVerified(verified, openCtx));
    } catch (e) {
      if (isBundleError(e, 'KEY_CHANGED')) await deps.peers.update((s) => recordPending(s, keys, 'bundle', ctx.now().toISOString()));
      throw e;
    }
    report.sender = {
      office: sender.office,
      officeName: officeName(ctx, sender.office),
      installation: sender.installation,
      fingerprint: sender.keyFingerprint,
      trust: firstContact ? 'firstContact' : 'pinned',
      confirmedByPhone: peer?.confirmedByPhone ?? false,
    };
    // A first contact is pinned only with the fingerprint the person compared by phone, and
    // that is checked before a byte of its payload is decrypted.
    if (firstContact && opts.apply) {
      if (!opts.expectFingerprint) throw syncError('CONFIRMATION_REQUIRED', { office: officeName(ctx, sender.office), fingerprint: sender.keyFingerprint });
      if (opts.expectFingerprint !== sender.keyFingerprint) throw syncError('FINGERPRINT_MISMATCH', { office: sender.office, fingerprint: sender.keyFingerprint });
    }
    if (firstContact && !opts.apply) {
      // A stranger's preview: only the signed manifest (sender, counts), never its payload.
      const kinds = Object.entries(manifest.counts).map(([kind, n]) => ({ kind, new: n ?? 0, updated: 0, unchanged: 0, older: 0, conflict: 0, refused: 0 }));
      Object.assign(report, {
        kinds,
        totals: totalsOf(kinds),
        attachments: manifest.attachments,
        personalData: (manifest.counts.household ?? 0) > 0 || manifest.attachments.count > 0,
      });
      return { ...report, status: 'ready' };
    }
    const opened: OpenedBundle = openVerified(verified, openCtx);
    const plan = planImport(opened.docs, { office: sender.office, isSo: isSoOffice(ctx, sender.office) }, (id) => ctx.store.get(id));
    const { good, warnings: fileWarnings } = checkAttachments(opened.attachments, sender.office);
    Object.assign(report, {
      kinds: plan.kinds,
      totals: totalsOf(plan.kinds),
      refused: plan.refused.slice(0, 200),
      warnings: [
        ...(toFormerCode ? [formerRecipientNote(deps, me, manifest)] : []),
        ...sequenceWarnings(peer, manifest, officeName(ctx, sender.office)),
        ...fileWarnings,
      ],
      attachments: manifest.attachments,
      personalData: (manifest.counts.household ?? 0) > 0 || manifest.attachments.count > 0,
    });
    if (!opts.apply) return { ...report, status: 'ready' };

    await writeAttachmentFiles(ctx.dataDir, good);
    const at = ctx.now().toISOString();
    const receipts = receiptDocs(deps, me, plan, manifest, at);
    await ctx.store.putVersions([...plan.apply, ...conflictDocs(deps, me, plan), ...receipts]);
    await deps.peers.update((s) => recordImport(s, keys, opened, at));
    deps.log(`sync: imported ${manifest.bundleId} seq ${manifest.seq} from ${sender.office}/${sender.installation}: ${JSON.stringify(report.totals)}`);
    return { ...report, status: 'applied' };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const err = named(deps, e, manifest);
    deps.log(`sync: ${opts.apply ? 'import' : 'inspect'} refused ${c.fileNames.join(', ')}: ${err.code} ${JSON.stringify(err.params)}`);
    return { ...report, status: 'refused', error: toErrorValue(err) };
  }
}

/** Office codes in messages become names ("khóa của Phòng LĐTBXH Văn Quan đã thay đổi"). */
function named(deps: SyncDeps, e: AppError, m: Manifest | null): AppError {
  const params: Record<string, string | number> = { ...e.params };
  const code = typeof params['office'] === 'string' && params['office'] ? params['office'] : m?.sender.office;
  if (code) {
    params['officeCode'] = code;
    params['office'] = officeName(deps.ctx, code);
  }
  for (const k of ['recipient', 'ourOffice']) if (typeof params[k] === 'string') params[k] = officeName(deps.ctx, params[k] as string);
  if (m) params['installation'] = m.sender.installation;
  if (m && params['seq'] === undefined) params['seq'] = m.seq;
  return AppError.fromValue({ code: e.code, messageKey: e.messageKey, params });
}

/**
 * Said on every bundle that reached us under a code we had before the folder moved to a new tree,
 * so the officer knows why a bundle "for the Sở LĐTBXH" was taken here and whose data it holds.
 */
function formerRecipientNote(deps: SyncDeps, me: Me, m: Manifest): SyncWarning {
  return {
    code: 'FORMER_RECIPIENT',
    messageKey: 'bundles:sync.warnings.FORMER_RECIPIENT',
    params: {
      office: officeName(deps.ctx, m.sender.office),
      seq: m.seq,
      formerCode: m.recipient,
      formerName: officeName(deps.ctx, m.recipient),
      ourCode: me.office,
      ourName: me.officeName,
    },
  };
}

/** Bundle attachments are keyed by the SHA-256 of their bytes; anything else is skipped. */
function checkAttachments(attachments: Map<string, Uint8Array>, office: string): { good: Map<string, Uint8Array>; warnings: SyncWarning[] } {
  const good = new Map<string, Uint8Array>();
  const warnings: SyncWarning[] = [];
  for (const [name, bytes] of attachments) {
    if (isAttachmentSha(name) && sha256Hex(bytes) === name) good.set(name, bytes);
    else warnings.push({ code: 'ATTACHMENT_BAD', messageKey: 'bundles:sync.warnings.ATTACHMENT_BAD', params: { name, office } });
  }
  return { good, warnings };
}

function conflictDocs(deps: SyncDeps, me: Me, plan: ImportPlan): Doc[] {
  const { ctx } = deps;
  const at = ctx.now().toISOString();
  const seen = new Set<string>();
  const out: Doc[] = [];
  for (const l of plan.losers) {
    const id = conflictId(l.docId, l.loser.hlc);
    if (seen.has(id) || ctx.store.get(id)) continue;
    seen.add(id);
    out.push({
      id,
      kind: 'conflict',
      owner: me.office,
      rev: 1,
      hlc: ctx.store.hlc.tick(),
      author: me.node,
      data: { docId: l.docId, kind: l.kind, owner: l.owner, version: l.loser, detectedAt: at, resolved: null },
    });
  }
  return out;
}


/** Receipts of what this bundle brings (see receipts.ts). */
function receiptDocs(deps: SyncDeps, me: Me, plan: ImportPlan, manifest: Manifest, at: string): Doc[] {
  const { ctx } = deps;
  const out: Doc[] = [];
  const kinds = receiptKinds(me.isSo);
  for (const d of plan.apply) {
    const id = receiptId(d.id);
    const prev = ctx.store.getAs('receipt', id);
    const data = receiptAfter(d, prev?.data, { bundleId: manifest.bundleId, createdAt: manifest.createdAt }, at, kinds);
    if (!data) continue;
    out.push({ id, kind: 'receipt', owner: me.office, rev: (prev?.rev ?? 0) + 1, hlc: ctx.store.hlc.tick(), author: me.node, data });
  }
  return out;
}
