import { promises as fs } from 'node:fs';
import path from 'node:path';
import { READ_ONLY_OPS, type OpName, type Service } from '../contract';
import { AppError, toErrorValue } from '../domain/errors';
import { Store } from './store/store';
import { acquireFolderLock } from './store/folderLock';
import { removeStaleTempFiles } from './store/tmpFiles';
import { clearStateRecoveries, stateRecoveries } from './store/stateFiles';
import { loadSettings, saveSettings, type Settings } from './runtime/settings';
import { loadProfile, saveProfile } from './runtime/profile';
import { followTravelledUnits, travelledUnits } from './runtime/travelledUnits';
import { withTravelledUnits } from '../domain/profiles/unitList';
import { setSharedProfileTerms } from '../domain/translate';
import { unitByCode } from '../domain/org';
import { createDispatch, type Dispatch } from './runtime/dispatch';
import { createLogger } from './runtime/log';
import { APP_VERSION } from './runtime/version';
import { notSetUp, type CoreContext, type CorePorts } from './runtime/context';
import { createAppService } from './app/appService';
import { createTaskService } from './tasks/service';
import { createSyncService } from './sync/service';
import { createSyncDeps } from './sync/deps';
import { createTransportRuntime, createTransportService, type TransportRuntime } from './transport/service';
import { createEnrolmentService } from './enrolment/service';
import { createHouseholdService } from './households/service';
import { HouseholdSummaryIndex } from './households/store/summaryIndex';
import { createReportService } from './reports/service';
import { createInboxService } from './inbox/service';
import { openDataKey } from './atRest/dataKey';
import { sealPlainFiles } from './atRest/migrate';

export interface CoreOptions {
  dataDir: string;
  ports?: CorePorts;
  /** Clock for tests; production uses the PC clock (the HLC protects ordering). */
  now?: () => number;
  snapshotIntervalMs?: number;
  /** Run the transports by themselves (desktop app, web harness); the CLI runs them once on request. */
  autoTransport?: boolean;
  /** Wait after a save before sending it (tests shorten it). */
  sendDebounceMs?: number;
  /**
   * CLI/harness: the passphrase that unlocks the folder's data key (default: SOVIEC_PASSPHRASE).
   * The desktop app uses `ports.keyProtector` (the OS key store) instead.
   */
  passphrase?: string;
  /** Opens a folder made on another PC with its recovery code; its key is sealed for this PC. */
  recoveryCode?: string;
}

export interface Core {
  service: Service;
  /** For the command line and tests: inputs may name paths. */
  dispatch: Dispatch;
  /** For the window (Electron IPC through the core host, the web harness): paths refused. */
  windowDispatch: Dispatch;
  context: CoreContext;
  transports: TransportRuntime;
  log: (message: string, error?: unknown) => void;
  close(): Promise<void>;
}

/** Open a data folder and return the service that implements the whole contract. */
/**
 * Operations that read households (or any kind) as a matter of course: the lazy kinds are read
 * before them, where a damaged shard can still be restored. The summary reads its rows file.
 */
const READS_EVERY_KIND = /^(households\.(?!summary)|sync\.(import|inspect|run)$)/;

/** Errors that say this process cannot create files in the folder (the medium or the permissions). */
const CANNOT_WRITE = new Set(['EROFS', 'EACCES', 'EPERM']);

/**
 * The folder lock, or read-only when the folder cannot be written at all. Taking no lock then is
 * safe: the lock exists so two writers never interleave, and this process writes nothing (the
 * store, settings and profile refuse; any other write fails on the medium). Another writer can
 * exist only where someone else may write (a folder shared with other permissions); atomic
 * renames mean we read whole files, at worst older ones, until reopened.
 */
async function lockOrReadOnly(dataDir: string): Promise<{ release: () => Promise<void>; readOnly: boolean }> {
  try {
    return { release: await acquireFolderLock(dataDir), readOnly: false };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (!CANNOT_WRITE.has(code)) throw e;
    return { release: async () => undefined, readOnly: true };
  }
}

export async function openCore(opts: CoreOptions): Promise<Core> {
  const dataDir = path.resolve(opts.dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  const { release, readOnly } = await lockOrReadOnly(dataDir);
  const log = createLogger(dataDir);
  try {
    const now = opts.now ?? Date.now;
    clearStateRecoveries(dataDir);
    if (readOnly) log(`data folder is read-only: opened for reading, every change refused`);
    const tmpRemoved = readOnly ? 0 : await removeStaleTempFiles(dataDir).catch(() => 0);
    if (tmpRemoved > 0) log(`removed ${tmpRemoved} temp files of unfinished writes`);
    let settings: Settings = await loadSettings(dataDir, new Date(now()));
    // The profile file as saved; `profile` adds the units the Sở's list added (orgUnit documents).
    let profileFile = await loadProfile(dataDir, settings.session !== null);
    let profile = profileFile;
    setSharedProfileTerms(profile);
    // Household data is sealed with the folder's data key (core/atRest, store/sealedFile.ts).
    const dataKey = await openDataKey({
      dataDir,
      installationId: settings.installationId,
      protector: opts.ports?.keyProtector,
      passphrase: opts.passphrase ?? process.env.SOVIEC_PASSPHRASE,
      recoveryCode: opts.recoveryCode,
      readOnly,
      now: new Date(now()),
    });
    if (!dataKey.folder.migrated && !readOnly) {
      const sealed = await sealPlainFiles(dataDir, dataKey.cipher);
      await dataKey.markMigrated();
      if (sealed.live + sealed.backups + sealed.damaged > 0) {
        log(`sealed the plain files of this folder: ${sealed.live} live, ${sealed.backups} in backups, ${sealed.damaged} in damaged/`);
      }
    }
    const store = await Store.open({
      dataDir,
      node: settings.node,
      now,
      readOnly,
      cipher: dataKey.cipher,
      ...(opts.snapshotIntervalMs !== undefined ? { snapshotIntervalMs: opts.snapshotIntervalMs } : {}),
    });
    for (const r of [...stateRecoveries(dataDir), ...store.recoveries]) {
      // Ids only: the log is a plain file, names and ID numbers stay in the sealed store.
      const named = r.records.map((x) => `${x.outcome} ${x.kind} ${x.id}`).join('; ');
      log(`recovered ${r.file} (${r.reason}) from ${r.restoredFrom ?? 'nothing'}${named ? `: ${named}` : ''}`);
    }
    await store.ready('orgUnit');
    followTravelledUnits(
      store,
      () => profileFile,
      (next) => {
        profile = next;
      },
    );

    let settingsQueue: Promise<unknown> = Promise.resolve();
    const context: CoreContext = {
      dataDir,
      store,
      ports: opts.ports ?? {},
      appVersion: APP_VERSION,
      recoveryCode: {
        pending: () => dataKey.pendingCode,
        confirm: () => dataKey.confirmShown(),
      },
      now: () => new Date(now()),
      profile: () => profile,
      setProfile: async (next) => {
        if (readOnly) throw new AppError('READ_ONLY', 'common:errors.READ_ONLY', { path: dataDir });
        await saveProfile(dataDir, next);
        profileFile = next;
        profile = withTravelledUnits(next, travelledUnits(store));
        setSharedProfileTerms(next);
      },
      settings: () => settings,
      updateSettings: (change) => {
        const run = settingsQueue.then(async () => {
          if (readOnly) throw new AppError('READ_ONLY', 'common:errors.READ_ONLY', { path: dataDir });
          const next = change(settings);
          await saveSettings(dataDir, next);
          settings = next;
          return next;
        });
        settingsQueue = run.catch(() => undefined);
        return run;
      },
      unit: (code) => unitByCode(profile, code),
      session: () => {
        const s = settings.session;
        if (!s) throw notSetUp();
        const office = unitByCode(profile, s.officeCode);
        if (!office) throw new AppError('UNKNOWN_OFFICE', 'app:errors.UNKNOWN_OFFICE', { code: s.officeCode });
        return {
          role: s.role,
          office,
          officerName: s.officerName,
          installationId: settings.installationId,
          profileId: profile.id,
          profileName: profile.name,
          province: profile.province,
        };
      },
    };

    const summaries = new HouseholdSummaryIndex(store);
    // The sync service, the transports and the inbox share one peers file, one lock and one
    // outbox: a second peer store would keep a stale copy (an office heard from today shown silent).
    const syncDeps = createSyncDeps(context);
    const transports = createTransportRuntime(context, syncDeps, opts.sendDebounceMs !== undefined ? { debounceMs: opts.sendDebounceMs } : {});
    const service: Service = {
      ...createAppService(context, syncDeps),
      ...createTaskService(context),
      ...createSyncService(context, syncDeps),
      ...createTransportService(context, transports),
      ...createEnrolmentService(context, syncDeps),
      ...createHouseholdService(context, summaries),
      ...createReportService(context),
      ...createInboxService(context, syncDeps),
    };
    const door =
      (inner: Dispatch): Dispatch =>
      async (name, input) => {
        // A read-only folder runs only what cannot write; the rest is refused before it reads.
        if (readOnly && !READ_ONLY_OPS.has(name as OpName)) {
          return { ok: false, error: new AppError('READ_ONLY', 'common:errors.READ_ONLY', { path: dataDir }).toValue() };
        }
        // Tasks, reports, the sync status and the summary never wait for households (see Store's
        // LAZY_KINDS); the rest reads them on first use.
        if (READS_EVERY_KIND.test(name)) {
          try {
            await store.ready();
          } catch (e) {
            return { ok: false, error: toErrorValue(e) };
          }
        }
        const result = await inner(name, input);
        // Read-only for lack of permission: a write that slipped past the store's refusal says
        // the same as on a read-only medium.
        if (readOnly && !result.ok && result.error.code === 'PERMISSION') {
          return { ok: false, error: { code: 'READ_ONLY', messageKey: 'common:errors.READ_ONLY', params: result.error.params } };
        }
        return result;
      };
    const dispatch = door(createDispatch(service, { log, caller: 'shell' }));
    const windowDispatch = door(createDispatch(service, { log, caller: 'window' }));
    // A folder opened read-only sends and receives nothing (nothing may be written).
    if (opts.autoTransport && !readOnly) transports.scheduler.start();
    return {
      service,
      dispatch,
      windowDispatch,
      context,
      transports,
      log,
      close: async () => {
        await transports.scheduler.stop();
        await store.idle();
        await summaries.save().catch((e: unknown) => log('summary rows not saved (rebuilt at next use)', e));
        await store.close();
        await settingsQueue;
        await release();
      },
    };
  } catch (e) {
    await release();
    throw e;
  }
}
