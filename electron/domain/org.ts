import { z } from 'zod';

export const OrgUnitTypeSchema = z.enum(['department', 'division', 'unit', 'school', 'districtOffice']);
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

export const FieldSchema = z.object({
  code: z.string().regex(/^[A-Z0-9_-]{2,40}$/),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
});
export type Field = z.infer<typeof FieldSchema>;

/** An organisation profile: the tree is data, replaced when the administration is reorganised. */
export const OrgProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  province: z.string().min(1),
  parentBody: z.string().min(1),
  units: z.array(OrgUnitSchema).min(1),
  groups: z.array(OrgGroupSchema).default([]),
  fields: z.array(FieldSchema).default([]),
});
export type OrgProfile = z.infer<typeof OrgProfileSchema>;

/** Codes of the units a group stands for, in profile order. */
export function groupMembers(profile: OrgProfile, groupCode: string): string[] {
  const group = profile.groups.find((g) => g.code === groupCode);
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
