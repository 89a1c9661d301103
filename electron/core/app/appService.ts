import type { ServiceOf } from '../../contract/define';
import type { appOps, AppState, Session } from '../../contract/app';
import { AppError } from '../../domain/errors';
import type { CoreContext } from '../runtime/context';
import { stateRecoveries } from '../store/stateFiles';
import { rootUnit, unitByCode } from '../../domain/org';
import { BUILT_IN_PROFILES, builtInProfile } from '../../domain/profiles/builtIn';
import { importUnitList, unitListTemplate } from './unitList';
import { profileSaved } from '../runtime/profile';
import { migrateFolderProfile } from './profileMigration';
import type { SyncDeps } from '../sync/deps';

export function appState(ctx: CoreContext): AppState {
  const s = ctx.settings();
  let session: Session | null = null;
  if (s.session) {
    try {
      session = ctx.session();
    } catch {
      session = null;
    }
  }
  return {
    appVersion: ctx.appVersion,
    dataDir: ctx.dataDir,
    language: s.language,
    session,
    recoveries: [...stateRecoveries(ctx.dataDir), ...ctx.store.recoveries],
    readOnly: ctx.store.readOnly,
    recoveryCode: ctx.recoveryCode.pending(),
  };
}

export function createAppService(ctx: CoreContext, syncDeps: SyncDeps): ServiceOf<typeof appOps> {
  let recoveriesDismissed = false;
  const state = (): AppState => {
    const st = appState(ctx);
    return recoveriesDismissed ? { ...st, recoveries: [] } : st;
  };
  return {
    'app.state': async () => state(),
    'app.profile': async () => ctx.profile(),
    'app.profiles': async () => [...BUILT_IN_PROFILES],
    'app.setup': async ({ role, officeCode, officerName, profileId }) => {
      let profile = ctx.profile();
      if (profileId && profileId !== profile.id) {
        const chosen = builtInProfile(profileId);
        if (!chosen) throw new AppError('UNKNOWN_PROFILE', 'app:profile.errors.unknown', { id: profileId });
        // Once the folder holds data written under one tree, moving to another is a migration
        // (old units mapped to new ones), never a silent swap.
        if (ctx.settings().session) throw new AppError('PROFILE_LOCKED', 'app:profile.errors.locked', { profile: profile.name });
        profile = chosen;
      }
      const code = role === 'so' ? rootUnit(profile).code : (officeCode ?? '');
      const unit = unitByCode(profile, code);
      if (!unit) throw new AppError('UNKNOWN_OFFICE', 'app:errors.UNKNOWN_OFFICE', { code });
      if (role === 'office' && unit.type === 'department') {
        throw new AppError('ROLE_OFFICE_MISMATCH', 'app:errors.ROLE_OFFICE_MISMATCH', { office: unit.name });
      }
      // The tree the folder is set up under is saved with it, before the session: a folder
      // without profile.json reads as a 2022 folder once set up (runtime/profile.ts).
      if (profile !== ctx.profile() || (!ctx.settings().session && !profileSaved(ctx.dataDir))) await ctx.setProfile(profile);
      const current = ctx.settings().session;
      if (current && current.officeCode !== code) {
        // Data written as one office must never be re-labelled as another by a second setup.
        throw new AppError('ALREADY_SET_UP', 'app:errors.ALREADY_SET_UP', { office: current.officeCode });
      }
      await ctx.updateSettings((s) => ({
        ...s,
        session: { role, officeCode: code, officerName, setupAt: current?.setupAt ?? ctx.now().toISOString() },
      }));
      return state();
    },
    'app.profile.migrate': async ({ to, dryRun }) => migrateFolderProfile(ctx, syncDeps, to, dryRun),
    'app.units.template': async () => unitListTemplate(),
    'app.units.import': async ({ base64, dryRun, acceptedOnly }) => importUnitList(ctx, Buffer.from(base64, 'base64'), dryRun, acceptedOnly ?? false),
    'app.setLanguage': async ({ language }) => {
      await ctx.updateSettings((s) => ({ ...s, language }));
      return state();
    },
    'app.dismissRecoveries': async () => {
      recoveriesDismissed = true;
      return state();
    },
    'app.confirmRecoveryCode': async () => {
      await ctx.recoveryCode.confirm();
      return state();
    },
  };
}
