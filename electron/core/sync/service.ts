import type { ServiceOf } from '../../contract/define';
import type { ExportProgress, syncOps } from '../../contract/sync';
import type { CoreContext } from '../runtime/context';
import { listConflicts, resolveConflict } from './conflicts';
import { createSyncDeps, officeName, type SyncDeps } from './deps';
import { syncError } from './errors';
import { exportBundles, previewExport } from './exportBundle';
import { importBundles } from './importBundle';
import { exportKeyCard, importKeyCard, inspectKeyCard, readCardInput } from './keyCards';
import { findPeer } from './peers';
import { identityView, recordStatus, syncStatus } from './status';
import { reenrol } from './trust';
import type { HandleUse } from '../files/handles';
import path from 'node:path';

/** The sync operations of the contract over the modules of this folder. */
export function createSyncService(ctx: CoreContext, deps: SyncDeps = createSyncDeps(ctx)): ServiceOf<typeof syncOps> {
  let progress: ExportProgress = { running: false, stage: 'idle', current: 0, total: 0, office: null, percent: 0 };
  const exclusive = deps.exclusive;
  /** A handle from the window becomes the folder it was picked for; the shell gives paths. */
  const chosen = (handle: string | undefined, given: string | undefined, use: HandleUse): string | undefined =>
    handle === undefined ? given : deps.handles.resolve(handle, use);
  const READ_IMPORT: HandleUse = { mode: 'read', purposes: ['import'], spend: false };
  const STAGE_SHARE: Record<ExportProgress['stage'], number> = { idle: 0, select: 0.05, build: 0.2, write: 0.8, done: 1 };

  return {
    'sync.status': async () => syncStatus(deps),
    'sync.identity': async () => identityView(await deps.me()),
    'sync.keyCard.export': async ({ handle, outDir }) =>
      exportKeyCard(deps, chosen(handle, outDir, { mode: 'write', purposes: ['keyCard', 'export'], spend: true })),
    'sync.keyCard.inspect': async (input) => inspectKeyCard(deps, await readCardInput(input)),
    'sync.keyCard.import': async (input) =>
      exclusive(async () => {
        const state = await importKeyCard(deps, await readCardInput(input), input);
        return { state, status: await syncStatus(deps) };
      }),
    'sync.peers.confirm': async ({ office, installation, confirmed }) => {
      await deps.peers.update((s) => {
        const p = findPeer(s, office, installation);
        if (!p) throw syncError('NO_RECIPIENT_KEY', { office: officeName(ctx, office), officeCode: office });
        p.confirmedByPhone = confirmed;
        p.confirmedAt = confirmed ? ctx.now().toISOString() : null;
      });
      return syncStatus(deps);
    },
    'sync.peers.reenrol': async ({ office, installation, fingerprint, mode }) =>
      exclusive(async () => {
        await deps.peers.update((s) => {
          const k = s.pending.find((p) => p.office === office && p.installation === installation && p.fingerprint === fingerprint);
          if (!k) throw syncError('NO_PENDING_KEY', { office: officeName(ctx, office), fingerprint });
          // Re-enrolment is the phone check: the person compared these digits before choosing.
          reenrol(s, k, mode, k.source, ctx.now().toISOString(), true);
        });
        deps.log(`sync: re-enrolled ${office}/${installation} (${mode}) ${fingerprint}`);
        return syncStatus(deps);
      }),
    'sync.preview': async ({ to, installation }) => previewExport(deps, to, installation),
    'sync.export': async (input) =>
      exclusive(async () => {
        const set = async (p: Omit<ExportProgress, 'running' | 'percent'>): Promise<void> => {
          const percent = p.total === 0 ? 100 : Math.round(((p.current + STAGE_SHARE[p.stage]) / p.total) * 100);
          progress = { ...p, running: p.stage !== 'done', percent: Math.min(100, percent) };
          // Let a progress poll be answered between stages.
          await new Promise((r) => setImmediate(r));
        };
        const { handle, ...rest } = input;
        const outDir = chosen(handle, input.outDir, { mode: 'write', purposes: ['export'], spend: true });
        try {
          return await exportBundles(deps, { ...rest, outDir }, set);
        } finally {
          progress = { ...progress, running: false };
        }
      }),
    'sync.exportProgress': async () => progress,
    'sync.inspect': async ({ handle, ...source }) =>
      importBundles(deps, { ...source, folder: chosen(handle, source.folder, READ_IMPORT) }, { apply: false, allowFirstContact: true }),
    'sync.import': async ({ handle, ...input }) =>
      exclusive(() =>
        importBundles(
          deps,
          // The import after its dry runs spends the handle.
          { ...input, folder: chosen(handle, input.folder, { ...READ_IMPORT, spend: true }) },
          { apply: true, allowFirstContact: input.allowFirstContact, expectFingerprint: input.expectFingerprint },
        ),
      ),
    'sync.recordStatus': async ({ ids }) => recordStatus(deps, ids),
    'sync.conflicts': async ({ includeResolved }) => listConflicts(deps, await deps.me(), includeResolved),
    'sync.conflicts.resolve': async ({ id, choice }) => {
      const me = await deps.me();
      await resolveConflict(deps, me, id, choice);
      return listConflicts(deps, me, false);
    },
    'dialog.pickFolder': async ({ purpose }) => {
      if (!ctx.ports.pickFolder) return { handle: null, label: null, available: false };
      // The path stays in the core; the window gets an id bound to this purpose, and a name to show.
      const picked = await ctx.ports.pickFolder(purpose);
      if (picked === null) return { handle: null, label: null, available: true };
      return { handle: deps.handles.mint(picked, purpose), label: path.basename(picked) || picked, available: true };
    },
  };
}
