import raw2022 from './profile-lang-son-2022.json' with { type: 'json' };
import raw2025 from './profile-lang-son-2025.json' with { type: 'json' };
import rawMapping from './mapping-lang-son-2022-2025.json' with { type: 'json' };
import communes2022 from './lang-son-communes-2022.json' with { type: 'json' };
import { OrgProfileSchema, type OrgProfile } from '../org';
import { UnitMappingSchema, type UnitMapping } from './mapping';

/**
 * The profiles shipped with the app. Lạng Sơn 2022 is the tree before 1 July 2025 (kept to read
 * old data folders); Lạng Sơn 2025 is the Sở Nội vụ with the 65 communes and wards of NQ 1672.
 */
export const LANG_SON_2022: OrgProfile = OrgProfileSchema.parse(raw2022);
export const LANG_SON_2025: OrgProfile = OrgProfileSchema.parse(raw2025);

export const BUILT_IN_PROFILES: readonly OrgProfile[] = [LANG_SON_2025, LANG_SON_2022];

/** Old unit → new unit(s), 2022 → 2025, from the research file (see the builder script). */
export const LANG_SON_2022_TO_2025: UnitMapping = UnitMappingSchema.parse(rawMapping);

export const BUILT_IN_MAPPINGS: readonly UnitMapping[] = [LANG_SON_2022_TO_2025];

export function builtInProfile(id: string): OrgProfile | undefined {
  return BUILT_IN_PROFILES.find((p) => p.id === id);
}

/**
 * The built-in way from one profile to another: the mapping, and the commune codes of the old
 * tree (the mapping names communes too, and they are not units of the old profile).
 */
export interface BuiltInMove {
  mapping: UnitMapping;
  oldCommuneCodes: ReadonlySet<string>;
}

const COMMUNE_CODES_2022: ReadonlySet<string> = new Set(communes2022.trees.flatMap((t) => t.communes.map((c) => c.code)));

export function builtInMove(fromId: string, toId: string): BuiltInMove | undefined {
  const mapping = BUILT_IN_MAPPINGS.find((m) => m.from === fromId && m.to === toId);
  if (!mapping) return undefined;
  return { mapping, oldCommuneCodes: mapping.from === LANG_SON_2022.id ? COMMUNE_CODES_2022 : new Set() };
}
