import path from 'node:path';
import type { FileHandles } from '../files/handles';
import { randomBytes } from 'node:crypto';
import type { ServiceOf } from '../../contract/define';
import type { TransportStatus, TransportView, transportOps } from '../../contract/transport';
import type { Doc } from '../../domain/document';
import { formerCodesOf } from '../../domain/profiles/mapping';
import { EmailTransportDataSchema, type TransportData } from '../../domain/documentKinds';
import { FileKeyProtector, type KeyProtector } from '../bundles';
import type { CoreContext } from '../runtime/context';
import { officeName, type SyncDeps } from '../sync/deps';
import { DEVICE_KEY_FILE, KEYS_DIR } from '../sync/identityStore';
import { transportError } from './errors';
import { createEmailTransport } from './email';
import { createFolderTransport } from './folder';
import { createOutbox, INBOX_DIR, lightOf, type Outbox } from './outbox';
import { importBundles } from '../sync/importBundle';
import type { ImportReport } from '../../contract/sync';
import { promises as fs } from 'node:fs';
import { runOnce } from './runner';
import { createTransportScheduler, type TransportScheduler } from './scheduler';
import { enabledTransports } from './settings';
import { TransportUnreachable, type Transport } from './types';

/**
 * Settings of the transports (documents of the local kind 'transport'), the outbox status and
 * "send and receive now". E-mail passwords are sealed by the same key protector as this PC's
 * private keys (safeStorage in the desktop app) and unsealed only to open a connection.
 */
export interface TransportRuntime {
  outbox: Outbox;
  /** Builds the enabled transports from their settings (passwords unsealed). */
  open(): Promise<Transport[]>;
  status(): Promise<TransportStatus>;
  /** `wrap` lets a test stand between the run and a real transport (to cut a server at a chosen moment). */
  run(wrap?: (t: Transport) => Transport): Promise<Awaited<ReturnType<typeof runOnce>>>;
  /** Runs the transports by themselves (the desktop app and the web harness; not the CLI). */
  scheduler: TransportScheduler;
  /** Folders chosen in the OS dialog (shared with the sync service): the window's shared folder arrives as one. */
  handles: FileHandles;
  /** Tries to reach one configured transport; the reason when it cannot. */
  check(id: string): Promise<{ ok: boolean; reason: string | null }>;
  /** Bundles kept for a person (unpinned sender, a refusal): dry run, import once confirmed, or discard. */
  held: {
    inspect(): Promise<ImportReport>;
    importAll(expectFingerprint: string | undefined): Promise<ImportReport>;
    discard(fileName: string): Promise<void>;
  };
}

export function protectorOf(ctx: CoreContext): KeyProtector {
  return ctx.ports.keyProtector ?? FileKeyProtector.open(path.join(ctx.dataDir, KEYS_DIR, DEVICE_KEY_FILE));
}

function view(d: Doc<TransportData>): TransportView {
  const t = d.data;
  if (t.type === 'folder') return { id: d.id, type: 'folder', enabled: t.enabled, where: t.root, folder: { root: t.root, pollSeconds: t.pollSeconds }, email: null };
  return {
    id: d.id,
    type: 'email',
    enabled: t.enabled,
    where: t.address,
    folder: null,
    email: { address: t.address, user: t.user, smtp: t.smtp, imap: t.imap, peers: t.peers, maxPartMb: t.maxPartMb, handledFolder: t.handledFolder, pollMinutes: t.pollMinutes ?? 5, hasPassword: t.passwordSealed.length > 0 },
  };
}

export function createTransportRuntime(ctx: CoreContext, deps: SyncDeps, opts: { debounceMs?: number } = {}): TransportRuntime {
  const outbox = createOutbox(ctx.dataDir);
  const build = async (d: Doc<TransportData>): Promise<Transport> => {
    const office = ctx.session().office.code;
    const t = d.data;
    if (t.type === 'folder') return createFolderTransport({ id: d.id, root: t.root, office, formerOffices: formerCodesOf(ctx.profile(), office) });
    const password = Buffer.from(await protectorOf(ctx).unprotect(Buffer.from(t.passwordSealed, 'base64'))).toString('utf8');
    return createEmailTransport({ id: d.id, address: t.address, user: t.user, password, smtp: t.smtp, imap: t.imap, peers: t.peers, maxPartMb: t.maxPartMb, handledFolder: t.handledFolder });
  };
  const open = async (): Promise<Transport[]> => {
    const out: Transport[] = [];
    for (const d of enabledTransports(ctx)) out.push(await build(d));
    return out;
  };
  const status = async (): Promise<TransportStatus> => {
    const d = await outbox.read();
    const configured = enabledTransports(ctx).length;
    const light = lightOf(d, configured);
    return {
      // A save waiting for its debounce, or a run going, is "sending" unless something needs a person.
      light: light === 'upToDate' && scheduler.busy() ? 'sending' : light,
      configured,
      entries: d.entries.map((e) => ({
        bundleId: e.bundleId,
        to: e.to,
        toName: officeName(ctx, e.to),
        seq: e.seq,
        transport: e.transport,
        docs: e.docs,
        state: e.state,
        attempts: e.attempts,
        createdAt: e.createdAt,
        sentAt: e.sentAt,
        ackedAt: e.ackedAt,
        lastError: e.lastError ? { reason: e.lastError.reason, at: e.lastError.at } : null,
        nextTryAt: e.nextTryAt,
      })),
      held: d.held,
      lastRun: d.lastRun,
      lastImportAt,
    };
  };
  let running: Promise<Awaited<ReturnType<typeof runOnce>>> | null = null;
  let lastImportAt: string | null = null;
  const run = (wrap?: (t: Transport) => Transport): Promise<Awaited<ReturnType<typeof runOnce>>> => {
    // A run asked for while one is going joins it rather than racing it.
    running ??= (async () => {
      const ts = (await open()).map((t) => (wrap ? wrap(t) : t));
      try {
        const r = await runOnce(deps, outbox, ts);
        if (r.imported > 0) lastImportAt = ctx.now().toISOString();
        return r;
      } finally {
        for (const t of ts) await t.close().catch(() => undefined);
        running = null;
      }
    })();
    return running;
  };
  const scheduler = createTransportScheduler(ctx, {
    ...(opts.debounceMs !== undefined ? { debounceMs: opts.debounceMs } : {}),
    log: deps.log,
    run: async () => {
      await run();
      const next = (await outbox.read()).entries
        .filter((e) => e.state === 'failed' && e.nextTryAt)
        .map((e) => e.nextTryAt as string)
        .sort()[0];
      return { nextTryAt: next ?? null };
    },
  });
  const check = async (id: string): Promise<{ ok: boolean; reason: string | null }> => {
    const d = ctx.store.getAs('transport', id);
    if (!d || d.deleted) return { ok: false, reason: 'removed' };
    let t: Transport | null = null;
    try {
      t = await build(d);
      await t.check();
      return { ok: true, reason: null };
    } catch (e) {
      return { ok: false, reason: e instanceof TransportUnreachable ? e.reason : e instanceof Error ? e.message : String(e) };
    } finally {
      await t?.close().catch(() => undefined);
    }
  };
  const inboxDir = path.join(ctx.dataDir, INBOX_DIR);
  const heldPaths = async (): Promise<string[]> => [...new Set((await outbox.read()).held.flatMap((h) => h.fileNames))].map((n) => path.join(inboxDir, path.basename(n)));
  const dropHeld = async (names: readonly string[]): Promise<void> => {
    const gone = new Set(names);
    await outbox.update((d) => {
      d.held = d.held.filter((h) => !h.fileNames.some((n) => gone.has(n)));
    });
    for (const n of gone) await fs.rm(path.join(inboxDir, path.basename(n)), { force: true });
  };
  const held: TransportRuntime['held'] = {
    inspect: async () => {
      const paths = await heldPaths();
      return paths.length === 0 ? { bundles: [] } : importBundles(deps, { paths }, { apply: false, allowFirstContact: true });
    },
    importAll: async (expectFingerprint) => {
      const paths = await heldPaths();
      if (paths.length === 0) return { bundles: [] };
      // The same rule as files chosen by hand: a first contact needs the fingerprint compared by phone.
      const report = await deps.exclusive(() => importBundles(deps, { paths }, { apply: true, allowFirstContact: true, expectFingerprint }));
      const done = report.bundles.filter((b) => b.status === 'applied' || b.status === 'skipped' || b.error?.code === 'ALREADY_IMPORTED');
      await dropHeld(done.flatMap((b) => b.fileNames));
      return report;
    },
    discard: async (fileName) => dropHeld([fileName]),
  };
  return { outbox, open, status, run, scheduler, check, held, handles: deps.handles };
}

export function createTransportService(ctx: CoreContext, rt: TransportRuntime): ServiceOf<typeof transportOps> {
  const me = (): string => ctx.session().office.code;
  const list = (): TransportView[] => ctx.store.listAs('transport').map(view);
  const newId = (type: string): string => `${type}-${randomBytes(4).toString('hex')}`;
  return {
    'sync.transports.list': async () => list(),
    'sync.transports.saveFolder': async ({ id, enabled, root, handle, pollSeconds }) => {
      // The window's folder comes from the OS dialog as a handle (spent here); the CLI gives a path.
      const chosen = handle !== undefined ? rt.handles.resolve(handle, { mode: 'write', purposes: ['transport'], spend: true }) : root;
      if (chosen === undefined) throw transportError('FOLDER_REQUIRED');
      await ctx.store.write([{ id: id ?? newId('folder'), kind: 'transport', owner: me(), data: { type: 'folder', enabled, root: path.resolve(chosen), pollSeconds } }]);
      return list();
    },
    'sync.transports.saveEmail': async (input) => {
      const prev = input.id ? ctx.store.getAs('transport', input.id) : undefined;
      const prevSealed = prev && prev.data.type === 'email' ? prev.data.passwordSealed : undefined;
      const sealed = input.password !== undefined ? Buffer.from(await protectorOf(ctx).protect(Buffer.from(input.password, 'utf8'))).toString('base64') : prevSealed;
      if (!sealed) throw transportError('PASSWORD_REQUIRED');
      const data = {
        type: 'email' as const,
        enabled: input.enabled,
        address: input.address,
        user: input.user,
        passwordSealed: sealed,
        smtp: input.smtp,
        imap: input.imap,
        peers: input.peers,
        maxPartMb: input.maxPartMb,
        handledFolder: input.handledFolder,
        pollMinutes: input.pollMinutes,
      };
      if (!EmailTransportDataSchema.safeParse(data).success) throw transportError('TLS_REQUIRED', { host: input.smtp.security === 'none' ? input.smtp.host : input.imap.host });
      await ctx.store.write([{ id: input.id ?? newId('email'), kind: 'transport', owner: me(), data }]);
      return list();
    },
    'sync.transports.remove': async ({ id }) => {
      const d = ctx.store.getAs('transport', id);
      if (d && !d.deleted) await ctx.store.write([{ id, kind: 'transport', owner: d.owner, data: d.data, deleted: true }]);
      return list();
    },
    'sync.transports.status': async () => rt.status(),
    'sync.transports.check': async ({ id }) => rt.check(id),
    'sync.transports.held.inspect': async () => rt.held.inspect(),
    'sync.transports.held.import': async ({ expectFingerprint }) => rt.held.importAll(expectFingerprint),
    'sync.transports.held.discard': async ({ fileName }) => {
      await rt.held.discard(fileName);
      return rt.status();
    },
    'sync.run': async () => {
      const r = await rt.run();
      return { built: r.built, sent: r.sent, failed: r.failed, imported: r.imported, duplicates: r.duplicates, held: r.held, reports: r.reports, status: await rt.status() };
    },
  };
}
