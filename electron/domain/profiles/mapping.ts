import { z } from 'zod';
import { isLowerUnit, OrgProfileSchema, type FormerUnit, type OrgProfile, type OrgUnit } from '../org';
import { AppError } from '../errors';

/**
 * Old unit → new unit(s) when a data folder moves from one profile to the next. One row per
 * pair; an old unit split between several new units has several rows with `whole: false`
 * (null: the source does not say whether all of it went there).
 */
export const UnitMappingRowSchema = z.object({
  old: z.string().min(1),
  new: z.string().min(1),
  whole: z.boolean().nullable(),
});
export type UnitMappingRow = z.infer<typeof UnitMappingRowSchema>;

export const UnitMappingSchema = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  rows: z.array(UnitMappingRowSchema),
});
export type UnitMapping = z.infer<typeof UnitMappingSchema>;

/** The day before `iso` (YYYY-MM-DD): the last day the old tree was in force. */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The profile a data folder uses after a reorganisation: the new tree, plus every unit of the
 * old one as a former unit (with where it went). Records keep their owner codes; roll-ups and
 * names of old records read the former units. Every row must name a unit of each side (or, on
 * the old side, a commune of the old lists): a mapping that names a unit nobody has is refused
 * rather than half applied.
 */
export function migrateProfile(current: OrgProfile, next: OrgProfile, mapping: UnitMapping, oldCommuneCodes: ReadonlySet<string> = new Set()): OrgProfile {
  if (!next.effectiveFrom) throw new AppError('PROFILE_NO_START', 'app:profile.errors.noStart', { profile: next.name });
  const oldCodes = new Set([...current.units.map((u) => u.code), ...current.formerUnits.map((u) => u.code)]);
  const newCodes = new Set(next.units.map((u) => u.code));
  for (const row of mapping.rows) {
    if (!oldCodes.has(row.old) && !oldCommuneCodes.has(row.old)) throw new AppError('MAPPING_UNKNOWN_OLD', 'app:profile.errors.unknownOld', { code: row.old });
    if (!newCodes.has(row.new)) throw new AppError('MAPPING_UNKNOWN_NEW', 'app:profile.errors.unknownNew', { code: row.new });
  }
  const until = dayBefore(next.effectiveFrom);
  const becameOf = (code: string): FormerUnit['becameUnits'] =>
    mapping.rows.filter((r) => r.old === code).map((r) => ({ code: r.new, whole: r.whole }));
  // A unit that carries on under the same code (none in Lạng Sơn) is not a former unit.
  const retired: FormerUnit[] = current.units
    .filter((u) => !newCodes.has(u.code))
    .map((u) => ({ ...u, profileId: current.id, until, lower: isLowerUnit(current, u), becameUnits: becameOf(u.code) }));
  return OrgProfileSchema.parse({
    ...next,
    formerUnits: [...current.formerUnits, ...retired],
  });
}

/** A unit of the profile or of an earlier one, by code: old records keep their owner's name. */
export function anyUnitByCode(profile: OrgProfile, code: string): OrgUnit | FormerUnit | undefined {
  return profile.units.find((u) => u.code === code) ?? profile.formerUnits.find((u) => u.code === code);
}

/**
 * The new units an old unit's records now belong to, for a view by today's units: only where
 * the old unit went whole into one new unit can its figures be counted there; otherwise the
 * caller shows them under the old unit (figures of a split district cannot be divided).
 */
export function successorOf(profile: OrgProfile, oldCode: string): string | null {
  const former = profile.formerUnits.find((u) => u.code === oldCode);
  if (!former || former.becameUnits.length !== 1) return null;
  const [only] = former.becameUnits;
  return only && only.whole === true ? only.code : null;
}

/**
 * Codes this unit was known by in earlier trees of the folder: the former units whose area went
 * whole into it, directly or through a later move (SO → SNV). A district office that cannot move
 * still addresses its bundles to the code it knows; only these codes are the same recipient —
 * never a former unit that was split, nor one that became another unit.
 */
export function formerCodesOf(profile: OrgProfile, code: string): string[] {
  const out: string[] = [];
  for (const u of profile.formerUnits) {
    const seen = new Set<string>([u.code]);
    let next = successorOf(profile, u.code);
    while (next !== null && next !== code && !seen.has(next)) {
      seen.add(next);
      next = successorOf(profile, next);
    }
    if (next === code && !out.includes(u.code)) out.push(u.code);
  }
  return out;
}

/** A unit of an earlier tree that reported to the upper level (a 2022 district office). */
export function isFormerLowerUnit(profile: OrgProfile, code: string): boolean {
  return !profile.units.some((u) => u.code === code) && profile.formerUnits.some((u) => u.code === code && u.lower);
}
