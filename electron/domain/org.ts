import { z } from 'zod';

/**
 * 'districtOffice': a Phòng LĐTBXH of a huyện/thành phố (the 2022 tree); 'commune': a xã or
 * phường reporting to the Sở directly (from 1 July 2025 there is no district level).
 */
export const OrgUnitTypeSchema = z.enum(['department', 'division', 'unit', 'school', 'districtOffice', 'commune']);
export type OrgUnitType = z.infer<typeof OrgUnitTypeSchema>;

export const OrgUnitSchema = z.object({
  code: z.string().regex(/^[A-Z0-9_-]{2,32}$/),
  type: OrgUnitTypeSchema,
  parent: z.string().optional(),
  name: z.string().min(1),
  shortName: z.string().min(1),
  /** Part of the document symbol, e.g. "SLĐTBXH" in "Số: 12/TB-SLĐTBXH". */
  symbol: z.string().min(1),
  /** District name for district offices ("Huyện Văn Quan"). */
  district: z.string().optional(),
  /** Place name used in the date line ("Văn Quan, ngày ..."). */
  place: z.string().optional(),
  aliases: z.array(z.string()).default([]),
  /** xã / phường / thị trấn, for commune-level units. */
  kind: z.enum(['xa', 'phuong', 'thiTran']).optional(),
  /** The official 5-digit code (mã đơn vị hành chính) where one exists. */
  officialCode: z.string().regex(/^\d{5}$/).optional(),
  /** False where the symbol is a guess the Sở should check and may edit. */
  symbolVerified: z.boolean().default(true),
  /** Source ids (the profile's research file) for this unit. */
  citations: z.array(z.string()).default([]),
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

export const OrgGroupSchema = z.object({
  code: z.string().regex(/^[A-Z0-9_-]{2,32}$/),
  name: z.string().min(1),
  /** Members chosen by unit type, or listed by code. */
  members: z.union([z.object({ type: OrgUnitTypeSchema }), z.object({ codes: z.array(z.string()) })]),
  aliases: z.array(z.string()).default([]),
});
export type OrgGroup = z.infer<typeof OrgGroupSchema>;

/**
 * How sure the profile is of who owns a field: a provincial decision says so ('province'),
 * only a national move is known ('national'), it is split between bodies ('split'), or
 * nothing was found ('none'). The 2022 tree is the Sở's own ('province').
 */
export const OwnerCertaintySchema = z.enum(['province', 'national', 'split', 'none']);
export type OwnerCertainty = z.infer<typeof OwnerCertaintySchema>;

export const FieldSchema = z.object({
  code: z.string().regex(/^[A-Z0-9_-]{2,40}$/),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  /** The body that owns this field of work (null: not known, or split: see `parts`). */
  owner: z.string().nullable().optional(),
  ownerCertainty: OwnerCertaintySchema.default('province'),
  parts: z
    .array(z.object({ part: z.string(), owner: z.string().nullable(), ownerCertainty: OwnerCertaintySchema }))
    .default([]),
});
export type Field = z.infer<typeof FieldSchema>;

/**
 * The words a profile uses for its own organisation, in one language. The locale files never
 * name a level ("Phòng LĐTBXH", "huyện", "Toàn huyện"): they nest these terms, `$t(org:lowerUnit)`,
 * so a commune of 2025 reads "xã, phường" where a 2022 office read "Phòng LĐTBXH".
 */
export const OrgTermsSchema = z.object({
  /** The ministry the upper level reports to: "Bộ Lao động - Thương binh và Xã hội" / "Bộ Nội vụ". */
  ministry: z.string().min(1),
  /** The upper level in a sentence: "Sở". */
  upperUnit: z.string().min(1),
  /** "đơn vị cấp trên". */
  upperLevel: z.string().min(1),
  /** "đơn vị cơ sở". */
  baseLevel: z.string().min(1),
  /** One reporting unit, generic: "Phòng LĐTBXH" / "xã, phường". */
  lowerUnit: z.string().min(1),
  /** All of them: "Phòng LĐTBXH các huyện, thành phố" / "các xã, phường". */
  lowerUnits: z.string().min(1),
  /** One of them as a label: "Phòng LĐTBXH huyện, thành phố" / "Xã, phường". */
  lowerUnitHeading: z.string().min(1),
  /** All of them as a heading: "Phòng LĐTBXH các huyện, thành phố" / "Các xã, phường". */
  lowerUnitsHeading: z.string().min(1),
  /** The area a reporting unit covers, in a sentence: "huyện" / "xã, phường". */
  area: z.string().min(1),
  /** As a column heading: "Huyện, thành phố" / "Xã, phường". */
  areaHeading: z.string().min(1),
  /** "Tất cả các huyện" / "Tất cả các xã, phường". */
  areaAll: z.string().min(1),
  /** The total row of one reporting unit's own table: "Toàn huyện" / "Toàn xã". */
  areaTotal: z.string().min(1),
  /** The places inside a reporting unit, listed: "xã, phường, thị trấn" / "xã, phường". */
  subArea: z.string().min(1),
  /** The same as a choice: "xã/phường/thị trấn" / "xã/phường". */
  subAreaOr: z.string().min(1),
  /** As a column heading: "Xã, phường, thị trấn". */
  subAreaHeading: z.string().min(1),
  /** The choice as a label: "Xã/phường/thị trấn". */
  subAreaOrHeading: z.string().min(1),
});
export type OrgTerms = z.infer<typeof OrgTermsSchema>;

/** Levels of the tree: which unit types sit at the top and which report to it. */
export const OrgLevelsSchema = z.object({
  upper: z.array(OrgUnitTypeSchema).min(1),
  lower: z.array(OrgUnitTypeSchema).min(1),
});
export type OrgLevels = z.infer<typeof OrgLevelsSchema>;

/** A unit of an earlier profile of this data folder (kept so its records still roll up). */
export const FormerUnitSchema = OrgUnitSchema.extend({
  /** The profile it belonged to, and the day that profile ended. */
  profileId: z.string().min(1),
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** It reported to the upper level in its tree (a district office of 2022). */
  lower: z.boolean().default(false),
  /** Where its area went: new unit codes; `whole` false/null where only a part went there. */
  becameUnits: z.array(z.object({ code: z.string(), whole: z.boolean().nullable() })).default([]),
});
export type FormerUnit = z.infer<typeof FormerUnitSchema>;

/** The current format of a profile file; bump with a migration when the shape changes. */
export const PROFILE_FORMAT = 2;

/** The words of the 2022 tree: the reading of a profile file written before terms existed. */
export const TERMS_2022: Record<'vi' | 'en', OrgTerms> = {
  vi: {
    ministry: 'Bộ Lao động - Thương binh và Xã hội',
    upperUnit: 'Sở',
    upperLevel: 'đơn vị cấp trên',
    baseLevel: 'đơn vị cơ sở',
    lowerUnit: 'Phòng LĐTBXH',
    lowerUnits: 'Phòng LĐTBXH các huyện, thành phố',
    lowerUnitHeading: 'Phòng LĐTBXH huyện, thành phố',
    lowerUnitsHeading: 'Phòng LĐTBXH các huyện, thành phố',
    area: 'huyện',
    areaHeading: 'Huyện, thành phố',
    areaAll: 'Tất cả các huyện',
    areaTotal: 'Toàn huyện',
    subArea: 'xã, phường, thị trấn',
    subAreaOr: 'xã/phường/thị trấn',
    subAreaHeading: 'Xã, phường, thị trấn',
    subAreaOrHeading: 'Xã/phường/thị trấn',
  },
  en: {
    ministry: 'Ministry of Labour, Invalids and Social Affairs',
    upperUnit: 'Department',
    upperLevel: 'upper-level unit',
    baseLevel: 'grassroots unit',
    lowerUnit: 'district office',
    lowerUnits: 'district offices',
    lowerUnitHeading: 'District office',
    lowerUnitsHeading: 'District offices',
    area: 'district',
    areaHeading: 'District, city',
    areaAll: 'All districts',
    areaTotal: 'District total',
    subArea: 'communes, wards and towns',
    subAreaOr: 'commune/ward/town',
    subAreaHeading: 'Commune, ward, town',
    subAreaOrHeading: 'Commune/ward/town',
  },
};

/** An organisation profile: the tree is data, replaced when the administration is reorganised. */
export const OrgProfileSchema = z.object({
  /** Profiles written before levels and terms (format 1) read as the 2022 tree they were. */
  format: z.number().int().min(1).max(PROFILE_FORMAT).default(PROFILE_FORMAT),
  id: z.string().min(1),
  name: z.string().min(1),
  province: z.string().min(1),
  parentBody: z.string().min(1),
  /** First day in force (YYYY-MM-DD); periods ending before it belong to the previous tree. */
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** A tree that no longer exists, kept to read old data folders. */
  historical: z.boolean().default(false),
  levels: OrgLevelsSchema.default({ upper: ['department'], lower: ['districtOffice'] }),
  terms: z.object({ vi: OrgTermsSchema, en: OrgTermsSchema }).default(TERMS_2022),
  units: z.array(OrgUnitSchema).min(1),
  groups: z.array(OrgGroupSchema.extend({ replaces: z.array(z.string()).default([]) })).default([]),
  fields: z.array(FieldSchema).default([]),
  /** Units of earlier profiles of this data folder, with where each went (see profiles/migrate). */
  formerUnits: z.array(FormerUnitSchema).default([]),
});
export type OrgProfile = z.infer<typeof OrgProfileSchema>;

/** The units that report to the upper level (the offices of 2022, the communes of 2025). */
export function lowerUnits(profile: OrgProfile): OrgUnit[] {
  const types = new Set(profile.levels.lower);
  return profile.units.filter((u) => types.has(u.type));
}

export function isLowerUnit(profile: OrgProfile, unit: Pick<OrgUnit, 'type'>): boolean {
  return profile.levels.lower.includes(unit.type);
}

/** Codes of the units a group stands for, in profile order. */
export function groupMembers(profile: OrgProfile, groupCode: string): string[] {
  // A group of a later profile stands in for the one it replaces (forms saved under 2022 name
  // ALL_DISTRICTS; from 2025 that means every commune and ward).
  const group = profile.groups.find((g) => g.code === groupCode) ?? profile.groups.find((g) => g.replaces.includes(groupCode));
  if (!group) return [];
  const m = group.members;
  if ('type' in m) return profile.units.filter((u) => u.type === m.type).map((u) => u.code);
  return m.codes.filter((c) => profile.units.some((u) => u.code === c));
}

export function unitByCode(profile: OrgProfile, code: string): OrgUnit | undefined {
  return profile.units.find((u) => u.code === code);
}

/** The Sở (root department) of a profile. */
export function rootUnit(profile: OrgProfile): OrgUnit {
  const root = profile.units.find((u) => u.type === 'department');
  if (!root) throw new Error('profile has no department');
  return root;
}

/**
 * The body printed above a unit's name in a document header (Nghị định 30/2020): a district
 * office sits under its UBND huyện; a commune's own People's Committee issues in its own name
 * (no line above); everything else sits under the profile's parent body.
 */
export function parentBodyOf(profile: OrgProfile, unit: OrgUnit): string {
  if (unit.type === 'districtOffice') return unit.district ? `UBND ${unit.district.toUpperCase()}` : profile.parentBody;
  if (unit.type === 'commune') return '';
  return profile.parentBody;
}

/**
 * The reporting units of the tree in force on `day` (YYYY-MM-DD): the profile's own lower units
 * from its first day, before that the former units of the latest earlier tree. A 2024 period at
 * a Sở that moved to the 2025 tree is reported by the 2022 offices, a 2026 period by communes.
 */
export function lowerUnitsOn(profile: OrgProfile, day: string): (OrgUnit | FormerUnit)[] {
  if (!profile.effectiveFrom || day >= profile.effectiveFrom) return lowerUnits(profile);
  const inForce = profile.formerUnits.filter((u) => u.lower && u.until >= day);
  const until = inForce.reduce<string | null>((min, u) => (min === null || u.until < min ? u.until : min), null);
  return inForce.filter((u) => u.until === until);
}
