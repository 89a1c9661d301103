import { z } from 'zod';
import { OrgProfileSchema, lowerUnits, rootUnit, type OrgProfile, type OrgUnit } from '../org';
import { fold } from '../text';
import type { MessageKey } from '../i18n/keys';

/**
 * The Sở's own list of its communes and wards (code, name, kind, official code), for units the
 * shipped profile does not cite: the profile ships only what a source names, the Sở adds the
 * rest from its Excel list. Rows are checked one by one; nothing is added while any row is bad.
 */
export const UnitRowSchema = z.object({
  /** Its row in the sheet, for the messages (default: counted from `firstRow`). */
  row: z.number().int().optional(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  officialCode: z.string().default(''),
});
export type UnitRow = z.input<typeof UnitRowSchema>;

export interface UnitRowProblem {
  row: number;
  messageKey: MessageKey;
  params: Record<string, string>;
}

export interface UnitListCheck {
  added: OrgUnit[];
  /** Rows naming a unit the profile already has, with the same name: nothing to do. */
  known: number;
  problems: UnitRowProblem[];
}

const CODE = /^[A-Z0-9_-]{2,32}$/;

function kindOf(text: string): 'xa' | 'phuong' | null {
  const k = fold(text).trim();
  if (k === 'xa') return 'xa';
  if (k === 'phuong') return 'phuong';
  return null;
}

/** Checks the rows (numbered from `firstRow`, as in the sheet) against the profile. */
export function checkUnitRows(profile: OrgProfile, rows: readonly UnitRow[], firstRow = 2): UnitListCheck {
  const problems: UnitRowProblem[] = [];
  const added: OrgUnit[] = [];
  let known = 0;
  const seen = new Map<string, number>();
  const so = rootUnit(profile);
  rows.forEach((r, i) => {
    const row = r.row ?? firstRow + i;
    const code = r.code.trim().toUpperCase();
    const name = r.name.replace(/\s+/g, ' ').trim();
    const officialCode = (r.officialCode ?? '').trim();
    const bad = (messageKey: MessageKey, params: Record<string, string> = {}): void => void problems.push({ row, messageKey, params: { row: String(row), ...params } });
    if (!CODE.test(code)) return bad('app:units.problems.code', { code: r.code });
    if (!name) return bad('app:units.problems.name');
    const kind = kindOf(r.kind);
    if (!kind) return bad('app:units.problems.kind', { kind: r.kind });
    if (officialCode && !/^\d{5}$/.test(officialCode)) return bad('app:units.problems.officialCode', { officialCode });
    const again = seen.get(code);
    if (again !== undefined) return bad('app:units.problems.duplicate', { code, other: String(again) });
    seen.set(code, row);
    const existing = profile.units.find((u) => u.code === code);
    const label = `${kind === 'xa' ? 'Xã' : 'Phường'} ${name}`;
    if (existing) {
      if (fold(existing.shortName) === fold(label)) known++;
      else bad('app:units.problems.taken', { code, name: existing.shortName });
      return;
    }
    const clash = lowerUnits(profile).find((u) => u.officialCode && u.officialCode === officialCode);
    if (clash) return bad('app:units.problems.officialTaken', { officialCode, name: clash.shortName });
    added.push({
      code,
      type: 'commune',
      kind,
      parent: so.code,
      name: `Ủy ban nhân dân ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
      shortName: label,
      symbol: 'UBND',
      place: name,
      ...(officialCode ? { officialCode } : {}),
      aliases: [label.toLowerCase()],
      symbolVerified: true,
      citations: ['unit-list'],
    });
  });
  return { added, known, problems };
}

/** The profile with the checked units added (callers add only a check without problems). */
export function withUnits(profile: OrgProfile, units: readonly OrgUnit[]): OrgProfile {
  return OrgProfileSchema.parse({ ...profile, units: [...profile.units, ...units] });
}
