import type { ProfileMigration, UnitRef } from '../../contract/app';
import { DOC_KINDS } from '../../domain/document';
import { LOCAL_KINDS, OFFICE_KINDS } from '../../domain/documentKinds';
import { AppError } from '../../domain/errors';
import { rootUnit, unitByCode, type OrgProfile } from '../../domain/org';
import { builtInMove, builtInProfile } from '../../domain/profiles/builtIn';
import { anyUnitByCode, migrateProfile, successorOf } from '../../domain/profiles/mapping';
import type { CoreContext } from '../runtime/context';
import type { SyncDeps } from '../sync/deps';
import { syncStatus } from '../sync/status';

/**
 * Moving a data folder from one organisation profile to the next (2022 → 2025 in Lạng Sơn).
 *
 * Records are not rewritten: each keeps the owner code it was written under, and the new
 * profile keeps every unit of the old tree as a former unit with where its area went
 * (domain/profiles/mapping.ts). So a 2024 report of huyện Văn Quan stays Văn Quan's, counts in
 * the 2024 province total (the tree in force then), and is shown under its own name with an
 * "đơn vị cũ" note wherever today's units are listed: a district's figures cannot be divided
 * between the communes it became.
 *
 * The folder's own unit moves only where the mapping says it went whole into one new unit (the
 * Sở LĐTBXH → the Sở Nội vụ). A district office that was divided has no unit to become: the
 * move is refused there (its folder stays the record of that office, sent to the Sở as it is),
 * and so is the move of an office whose records the Sở has not yet acknowledged, which after
 * the move could no longer be sent under the old name.
 */

export async function migrateFolderProfile(ctx: CoreContext, deps: SyncDeps, to: string, dryRun: boolean): Promise<ProfileMigration> {
  const saved = ctx.settings().session;
  if (!saved) throw new AppError('NOT_SET_UP', 'common:errors.NOT_SET_UP');
  const target = builtInProfile(to);
  if (!target) throw new AppError('UNKNOWN_PROFILE', 'app:profile.errors.unknown', { id: to });
  const current = ctx.profile();

  if (current.id === target.id) {
    // Done before. A move stopped between saving the profile and the session is finished here
    // (the session still names the old unit), so running it again is always safe.
    const successor = unitByCode(current, saved.officeCode) ? null : successorOf(current, saved.officeCode);
    if (successor && !dryRun) await ctx.updateSettings((s) => (s.session ? { ...s, session: { ...s.session, officeCode: successor } } : s));
    const office = ref(current, successor ?? saved.officeCode);
    return { from: profileRef(current), to: profileRef(current), done: true, applied: false, role: saved.role, office: { before: office, after: office }, units: [], refusal: null };
  }

  const move = builtInMove(current.id, target.id);
  if (!move) throw new AppError('PROFILE_NO_MAPPING', 'app:profile.errors.noMapping', { from: current.name, to: target.name });
  const next = migrateProfile(current, target, move.mapping, move.oldCommuneCodes);

  const successor = successorOf(next, saved.officeCode);
  const refusal = await refusalOf(ctx, deps, next, saved.role, saved.officeCode, successor);
  const preview: ProfileMigration = {
    from: profileRef(current),
    to: profileRef(target),
    done: false,
    applied: false,
    role: saved.role,
    office: { before: ref(next, saved.officeCode), after: successor ? ref(next, successor) : null },
    units: await unitsWithRecords(ctx, next),
    refusal: refusal?.toValue() ?? null,
  };
  if (dryRun) return preview;
  if (refusal) throw refusal;
  if (!successor) throw new AppError('MIGRATE_UNIT_ENDED', 'app:profile.errors.unitEnded', { office: preview.office.before.name, count: 0 });
  // The profile first: a stop before the session is saved is finished by running it again.
  await ctx.setProfile(next);
  await ctx.updateSettings((s) => (s.session ? { ...s, session: { ...s.session, officeCode: successor } } : s));
  return { ...preview, applied: true };
}

async function refusalOf(ctx: CoreContext, deps: SyncDeps, next: OrgProfile, role: 'so' | 'office', code: string, successor: string | null): Promise<AppError | null> {
  const office = anyUnitByCode(next, code)?.shortName ?? code;
  if (!successor) {
    const former = next.formerUnits.find((u) => u.code === code);
    return new AppError('MIGRATE_UNIT_ENDED', 'app:profile.errors.unitEnded', { office, count: former?.becameUnits.length ?? 0 });
  }
  if (role === 'office') {
    const unsent = await unsentToSo(ctx, deps);
    if (unsent > 0) return new AppError('MIGRATE_UNSENT', 'app:profile.errors.unsent', { office, count: unsent, so: rootUnit(ctx.profile()).shortName });
  }
  return null;
}

/**
 * Records of this office the Sở has not acknowledged: what the next bundle to a Sở PC would
 * carry (the least over its PCs: one that has everything is enough), or every record of the
 * office when no Sở PC is known yet.
 */
async function unsentToSo(ctx: CoreContext, deps: SyncDeps): Promise<number> {
  const status = await syncStatus(deps);
  const me = await deps.me();
  const soPeers = status.peers.filter((p) => p.office === me.soCode);
  if (soPeers.length > 0) return Math.min(...soPeers.map((p) => p.waiting));
  await ctx.store.ready();
  let count = 0;
  for (const kind of OFFICE_KINDS) for (const d of ctx.store.values(kind)) if (d.owner === me.office && !d.deleted) count += 1;
  return count;
}

/** The units of the old tree that records in this folder were written under, with where each went. */
async function unitsWithRecords(ctx: CoreContext, next: OrgProfile): Promise<ProfileMigration['units']> {
  await ctx.store.ready();
  const counts = new Map<string, number>();
  for (const kind of DOC_KINDS) {
    if (LOCAL_KINDS.has(kind)) continue;
    for (const d of ctx.store.values(kind)) if (!d.deleted) counts.set(d.owner, (counts.get(d.owner) ?? 0) + 1);
  }
  return next.formerUnits
    .filter((u) => counts.has(u.code))
    .map((u) => ({
      code: u.code,
      name: u.shortName,
      records: counts.get(u.code) ?? 0,
      becameUnits: u.becameUnits.map((b) => ({ ...ref(next, b.code), whole: b.whole })),
    }));
}

function ref(profile: OrgProfile, code: string): UnitRef {
  return { code, name: anyUnitByCode(profile, code)?.shortName ?? code };
}

function profileRef(p: OrgProfile): ProfileMigration['from'] {
  return { id: p.id, name: p.name, effectiveFrom: p.effectiveFrom ?? null };
}
