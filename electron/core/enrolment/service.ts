import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ServiceOf } from '../../contract/define';
import type { AcceptedEnrolment, EnrolmentView, enrolmentOps, FinishedEnrolment, PackagePreview, PreparedEnrolment } from '../../contract/enrolment';
import type { FileOut } from '../../contract/tasks';
import { codeFromRandom, parseCode } from '../../domain/enrolmentCode';
import { rootUnit } from '../../domain/org';
import type { CoreContext } from '../runtime/context';
import { readRegularFile } from '../files/safeRead';
import { writeFileDurable } from '../store/durableFile';
import { officeName, requireKnownOffice, type SyncDeps } from '../sync/deps';
import { syncError } from '../sync/errors';
import { makeKeyCard, readKeyCard, type KeyCard } from '../sync/keyCard';
import { findPeer } from '../sync/peers';
import { pin, reenrol, trustStateOf } from '../sync/trust';
import { protectorOf } from '../transport/service';
import { enabledTransports } from '../transport/settings';
import { enrolError } from './errors';
import {
  MAX_PACKAGE_BYTES,
  MAX_REPLY_BYTES,
  PACKAGE_EXT,
  PACKAGE_FORMAT,
  packageHash,
  packageMacValid,
  readPackage,
  readReply,
  REPLY_EXT,
  replyMacValid,
  sealPackage,
  sealReply,
  type PackageBody,
} from './files';
import { deriveEnrolmentKey } from './seal';
import { createEnrolmentStore, MAX_ATTEMPTS, type EnrolmentStore, type Prepared } from './state';

/**
 * Enrolment in one phone call (files.ts, seal.ts say what travels and what the code proves):
 *   Sở     prepare: package + code  ──(mail/USB)──▶  office  accept: code typed, Sở pinned
 *   Sở     finish: office pinned    ◀──(mail/USB)──  office  reply
 * Neither side pins anything unless the code's seal holds; a code works for one reply, until
 * it expires, and for at most MAX_ATTEMPTS wrong tries on either side.
 */
type Source = { file?: { name: string; base64: string } | undefined; path?: string | undefined };

async function bytesOf(input: Source, max: number): Promise<Uint8Array> {
  if (input.file) {
    const b = Buffer.from(input.file.base64, 'base64');
    if (b.length > max) throw enrolError('ENROL_FILE_INVALID', { detail: 'size' });
    return b;
  }
  if (input.path) {
    const b = await readRegularFile(input.path, max);
    if (!b) throw syncError('FOLDER_UNREADABLE', { path: input.path });
    return b;
  }
  throw syncError('NO_FILES');
}

async function writeOut(outDir: string | undefined, file: FileOut): Promise<string | null> {
  if (!outDir) return null;
  await fs.mkdir(outDir, { recursive: true });
  const p = path.join(outDir, file.fileName);
  await writeFileDurable(p, Buffer.from(file.base64, 'base64'));
  return p;
}

const fileOut = (fileName: string, bytes: Uint8Array): FileOut => ({
  fileName,
  mime: 'application/octet-stream',
  base64: Buffer.from(bytes).toString('base64'),
  personalData: false,
});

function viewOf(ctx: CoreContext, p: Prepared, now: Date): EnrolmentView {
  const state = p.usedAt ? 'used' : p.attempts >= MAX_ATTEMPTS ? 'locked' : Date.parse(p.expiresAt) < now.getTime() ? 'expired' : 'open';
  return {
    enrolmentId: p.id,
    office: p.office,
    officeName: officeName(ctx, p.office),
    createdAt: p.createdAt,
    expiresAt: p.expiresAt,
    state,
    attempts: p.attempts,
    usedAt: p.usedAt,
    installation: p.enrolled?.installation ?? null,
    fingerprint: p.enrolled?.fingerprint ?? null,
  };
}

/** Pins a key whose card the code vouched for: as if its fingerprint had been compared by phone. */
async function pinVouched(deps: SyncDeps, card: KeyCard, mode: 'replace' | 'add'): Promise<FinishedEnrolment['result']> {
  const me = await deps.me();
  const at = deps.ctx.now().toISOString();
  const result = await deps.peers.update((s) => {
    const state = trustStateOf(s, card, me);
    if (state === 'own') return 'own' as const;
    if (state === 'new') {
      pin(s, card, 'card', at, true);
      return 'pinned' as const;
    }
    if (state === 'known') {
      const p = findPeer(s, card.office, card.installation);
      if (p && !p.confirmedByPhone) Object.assign(p, { confirmedByPhone: true, confirmedAt: at });
      return 'known' as const;
    }
    reenrol(s, card, mode, 'card', at, true);
    return mode === 'replace' ? ('replaced' as const) : ('added' as const);
  });
  if (result === 'own') throw syncError('KEY_CARD_OWN');
  deps.log(`enrol: ${card.office}/${card.installation} ${result} by enrolment code (${card.fingerprint})`);
  return result;
}

export async function prepareEnrolment(
  deps: SyncDeps,
  store: EnrolmentStore,
  input: { office: string; days: number; add: boolean; outDir?: string | undefined },
): Promise<PreparedEnrolment> {
  const ctx = deps.ctx;
  const me = await deps.me();
  if (!me.isSo) throw enrolError('ENROL_NOT_SO');
  requireKnownOffice(ctx, input.office);
  const unit = ctx.unit(input.office);
  if (!unit || unit.type === 'department') throw enrolError('ENROL_WRONG_OFFICE', { office: input.office, expected: input.office });
  const now = ctx.now();
  const id = randomBytes(16).toString('hex');
  const code = codeFromRandom(randomBytes(12));
  const parsed = parseCode(code);
  if (!parsed.ok) throw new Error('generated code does not parse');
  const key = await deriveEnrolmentKey(parsed.code, id);
  const soCard = Buffer.from(makeKeyCard(me.identity, me.office, ctx.session().office.name, me.installation, ctx.appVersion, now)).toString('utf8');
  const ts = enabledTransports(ctx);
  const folder = ts.find((d) => d.data.type === 'folder');
  const mail = ts.find((d) => d.data.type === 'email');
  const body: PackageBody = {
    format: PACKAGE_FORMAT,
    enrolmentId: id,
    office: input.office,
    officeName: unit.name,
    soCard,
    profile: ctx.profile(),
    forms: ctx.store
      .listAs('reportForm')
      .map((d) => ({ formId: d.data.formId, title: d.data.title, version: d.data.version })),
    transport: {
      folderRoot: folder?.data.type === 'folder' ? folder.data.root : null,
      soMailbox: mail?.data.type === 'email' ? mail.data.address : null,
      smtp: mail?.data.type === 'email' ? mail.data.smtp : null,
      imap: mail?.data.type === 'email' ? mail.data.imap : null,
    },
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + input.days * 86_400_000).toISOString(),
  };
  const sealed = sealPackage(body, key);
  const keySealed = Buffer.from(await protectorOf(ctx).protect(key)).toString('base64');
  await store.update((s) => {
    s.prepared.push({
      id,
      office: input.office,
      add: input.add,
      createdAt: body.createdAt,
      expiresAt: body.expiresAt,
      packageHash: sealed.hash,
      keySealed,
      attempts: 0,
      usedAt: null,
      enrolled: null,
    });
  });
  const file = fileOut(`soviec-cai-dat_${input.office}${PACKAGE_EXT}`, sealed.bytes);
  deps.log(`enrol: setup package ${id} prepared for ${input.office}, expires ${body.expiresAt}`);
  return { enrolmentId: id, office: input.office, officeName: unit.name, code, expiresAt: body.expiresAt, file, path: await writeOut(input.outDir, file) };
}

export async function inspectPackage(store: EnrolmentStore, input: Source): Promise<PackagePreview> {
  const pkg = readPackage(await bytesOf(input, MAX_PACKAGE_BYTES));
  const b = pkg.claimed;
  const so = b.profile.units.find((u) => u.type === 'department');
  const tries = (await store.read()).tries[pkg.enrolmentId] ?? 0;
  return {
    office: b.office,
    officeName: b.officeName,
    soName: so?.name ?? '',
    profileName: b.profile.name,
    forms: b.forms.length,
    expiresAt: b.expiresAt,
    triesLeft: Math.max(0, MAX_ATTEMPTS - tries),
  };
}

export async function acceptEnrolment(
  deps: SyncDeps,
  store: EnrolmentStore,
  input: Source & { code: string; officerName?: string | undefined; outDir?: string | undefined },
): Promise<AcceptedEnrolment> {
  const ctx = deps.ctx;
  const pkg = readPackage(await bytesOf(input, MAX_PACKAGE_BYTES));
  const typed = parseCode(input.code);
  // A typo caught by the check character is not a guess: it does not count against the package.
  if (!typed.ok) throw enrolError('ENROL_CODE_TYPO', { reason: typed.reason });
  const tried = (await store.read()).tries[pkg.enrolmentId] ?? 0;
  if (tried >= MAX_ATTEMPTS) throw enrolError('ENROL_LOCKED');
  const key = await deriveEnrolmentKey(typed.code, pkg.enrolmentId);
  if (!packageMacValid(pkg, key)) {
    const n = await store.update((s) => (s.tries[pkg.enrolmentId] = (s.tries[pkg.enrolmentId] ?? 0) + 1));
    deps.log(`enrol: wrong code for package ${pkg.enrolmentId} (${n}/${MAX_ATTEMPTS})`);
    throw n >= MAX_ATTEMPTS ? enrolError('ENROL_LOCKED') : enrolError('ENROL_CODE_WRONG', { left: MAX_ATTEMPTS - n });
  }
  // From here on the package is the Sở's, unchanged.
  const body = pkg.claimed;
  if (Date.parse(body.expiresAt) < ctx.now().getTime()) throw enrolError('ENROL_EXPIRED', { date: body.expiresAt.slice(0, 10) });
  const soCard = readKeyCard(Buffer.from(body.soCard, 'utf8'));
  if (soCard.office !== rootUnit(body.profile).code) throw enrolError('ENROL_FILE_INVALID', { detail: 'card' });

  const current = ctx.settings().session;
  if (current) {
    if (current.officeCode !== body.office) throw enrolError('ENROL_WRONG_OFFICE', { office: body.officeName, expected: current.officeCode });
  } else {
    if (!input.officerName) throw enrolError('ENROL_NAME_REQUIRED');
    // First run: this PC takes the Sở's organisation tree and becomes the office's PC.
    await ctx.setProfile(body.profile);
    const unit = ctx.unit(body.office);
    if (!unit || unit.type === 'department') throw enrolError('ENROL_WRONG_OFFICE', { office: body.officeName, expected: body.office });
    const officerName = input.officerName;
    await ctx.updateSettings((s) => ({ ...s, session: { role: 'office', officeCode: body.office, officerName, setupAt: ctx.now().toISOString() } }));
  }

  await deps.exclusive(() => pinVouched(deps, soCard, 'replace'));
  const me = await deps.me();
  const cardText = Buffer.from(makeKeyCard(me.identity, me.office, ctx.session().office.name, me.installation, ctx.appVersion, ctx.now())).toString('utf8');
  const reply = sealReply(pkg.enrolmentId, packageHash(pkg), cardText, key);
  const file = fileOut(`soviec-dang-ky_${me.office}${REPLY_EXT}`, reply);

  // A shared folder named in the package and present on this PC is used from now on.
  let folderTransport: string | null = null;
  const root = body.transport.folderRoot;
  if (root && (await fs.stat(root).then((st) => st.isDirectory()).catch(() => false))) {
    const existing = enabledTransports(ctx).find((d) => d.data.type === 'folder' && path.resolve(d.data.root) === path.resolve(root));
    folderTransport = existing?.id ?? `folder-${randomBytes(4).toString('hex')}`;
    if (!existing) await ctx.store.write([{ id: folderTransport, kind: 'transport', owner: me.office, data: { type: 'folder', enabled: true, root: path.resolve(root), pollSeconds: 30 } }]);
  }
  const t = body.transport;
  return {
    office: body.office,
    officeName: body.officeName,
    soFingerprint: soCard.fingerprint,
    file,
    path: await writeOut(input.outDir, file),
    folderTransport,
    emailHint: t.soMailbox ? { soMailbox: t.soMailbox, smtp: t.smtp, imap: t.imap } : null,
  };
}

export async function finishEnrolment(deps: SyncDeps, store: EnrolmentStore, input: Source): Promise<FinishedEnrolment> {
  const ctx = deps.ctx;
  const me = await deps.me();
  if (!me.isSo) throw enrolError('ENROL_NOT_SO');
  const reply = readReply(await bytesOf(input, MAX_REPLY_BYTES));
  const entry = (await store.read()).prepared.find((p) => p.id === reply.enrolmentId);
  if (!entry) throw enrolError('ENROL_UNKNOWN');
  const view = viewOf(ctx, entry, ctx.now());
  if (view.state === 'used') throw enrolError('ENROL_USED', { office: view.officeName });
  if (view.state === 'locked') throw enrolError('ENROL_LOCKED');
  if (view.state === 'expired') throw enrolError('ENROL_EXPIRED', { date: entry.expiresAt.slice(0, 10) });
  const key = await protectorOf(ctx).unprotect(Buffer.from(entry.keySealed, 'base64'));
  if (!replyMacValid(reply, entry.packageHash, key)) {
    const n = await store.update((s) => {
      const p = s.prepared.find((x) => x.id === entry.id);
      if (p) p.attempts++;
      return p?.attempts ?? MAX_ATTEMPTS;
    });
    deps.log(`enrol: reply for ${entry.office} refused: not sealed with the code (${n}/${MAX_ATTEMPTS})`);
    throw n >= MAX_ATTEMPTS ? enrolError('ENROL_LOCKED') : enrolError('ENROL_REPLY_INVALID', { office: view.officeName, left: MAX_ATTEMPTS - n });
  }
  const card = readKeyCard(Buffer.from(reply.card, 'utf8'));
  if (card.office !== entry.office) throw enrolError('ENROL_WRONG_OFFICE', { office: officeName(ctx, card.office), expected: entry.office });
  const result = await deps.exclusive(async () => {
    // Checked again inside the lock: two copies of one reply opened at once pin it once.
    const again = (await store.read()).prepared.find((p) => p.id === entry.id);
    if (again?.usedAt) throw enrolError('ENROL_USED', { office: view.officeName });
    const r = await pinVouched(deps, card, entry.add ? 'add' : 'replace');
    const at = ctx.now().toISOString();
    await store.update((s) => {
      const p = s.prepared.find((x) => x.id === entry.id);
      if (p) Object.assign(p, { usedAt: at, enrolled: { installation: card.installation, fingerprint: card.fingerprint } });
    });
    return r;
  });
  return { office: card.office, officeName: officeName(ctx, card.office), installation: card.installation, fingerprint: card.fingerprint, result };
}

export function createEnrolmentService(ctx: CoreContext, deps: SyncDeps): ServiceOf<typeof enrolmentOps> {
  const store = createEnrolmentStore(ctx.dataDir);
  return {
    'sync.enrol.prepare': async (input) => prepareEnrolment(deps, store, input),
    'sync.enrol.list': async () => {
      const now = ctx.now();
      return (await store.read()).prepared.map((p) => viewOf(ctx, p, now)).reverse();
    },
    'sync.enrol.inspect': async (input) => inspectPackage(store, input),
    'sync.enrol.accept': async (input) => acceptEnrolment(deps, store, input),
    'sync.enrol.finish': async (input) => finishEnrolment(deps, store, input),
  };
}
