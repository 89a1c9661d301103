import { z } from 'zod';
import { OrgProfileSchema, lowerUnits, rootUnit, type OrgProfile, type OrgUnit } from '../org';
import { fold } from '../text';
import type { MessageKey } from '../i18n/keys';

/**
 * The Sở's own list of its communes and wards (code, name, kind, official code), for units the
 * shipped profile does not cite: the profile ships only what a source names, the Sở adds the
 * rest from its Excel list. Rows are checked one by one; the Sở sees every refused row with
 * where it is and what to do, and adds either all rows or, when it chooses, the accepted ones.
 */
export const UnitRowSchema = z.object({
  /** Its row in the sheet, for the messages (default: counted from `firstRow`). */
  row: z.number().int().optional(),
  /** Empty: made from the kind and the name, as the shipped codes are (XA-DOANKET). */
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  officialCode: z.string().default(''),
});
export type UnitRow = z.input<typeof UnitRowSchema>;

export type UnitColumn = 'code' | 'name' | 'kind' | 'officialCode';

/** Where the rows were read: the sheet's name and the letter of each column found. */
export interface UnitSheetLayout {
  sheet: string;
  columns: Partial<Record<UnitColumn, string>>;
}

export interface UnitRowProblem {
  sheet: string;
  row: number;
  /** The column letter of the cell to correct ('' when the column is not in the sheet). */
  column: string;
  messageKey: MessageKey;
  /** What the officer does about it, one sentence. */
  fixKey: MessageKey;
  params: Record<string, string>;
}

export interface UnitRename {
  code: string;
  from: string;
  to: string;
  unit: OrgUnit;
}

export interface UnitMerge {
  code: string;
  shortName: string;
  /** The rows that named the same unit, the first kept. */
  rows: number[];
}

export interface UnitListCheck {
  added: OrgUnit[];
  /** Units this list added before, under a name the list now changes. */
  renamed: UnitRename[];
  /** Rows repeating another row of the list exactly (same code, name, kind, official code). */
  merged: UnitMerge[];
  /** Rows naming a unit the profile already has, with the same name: nothing to do. */
  known: number;
  problems: UnitRowProblem[];
}

const CODE = /^[A-Z0-9_-]{2,32}$/;
/** Where a unit was added by the Sở's list rather than cited from a source. */
export const UNIT_LIST_CITATION = 'unit-list';
export const UNIT_NAME_MAX = 80;

/**
 * A unit's name as the app prints it: a few words of letters. Control characters, slashes and
 * "..": a name is shown, printed and put in file names, never a path or markup.
 */
export function unitNameProblem(name: string): 'long' | 'form' | null {
  if (name.length > UNIT_NAME_MAX) return 'long';
  return unitTextAllowed(name) ? null : 'form';
}

/** No control characters, slashes, angle brackets or "..". */
export function unitTextAllowed(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u001f\u007f-\u009f/\\<>]|\.\./u.test(text);
}

function kindOf(text: string): 'xa' | 'phuong' | null {
  const k = fold(text).trim();
  if (k === 'xa') return 'xa';
  if (k === 'phuong') return 'phuong';
  return null;
}

/** XA-DOANKET for "Đoàn Kết": the shipped profile's own way of coding a commune. */
export function codeFor(kind: 'xa' | 'phuong', name: string): string {
  const letters = fold(name).toUpperCase().replace(/[^A-Z0-9]/g, '');
  return `${kind === 'xa' ? 'XA' : 'PHUONG'}-${letters}`.slice(0, 32);
}

/** Name (place) as the officer wrote it, without a leading "Xã"/"Phường" repeated from the kind. */
function placeOf(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  return clean.replace(/^(xã|phường)\s+/iu, '');
}

/** What can be wrong with a row; each has a message and a fix in app:units. */
export type UnitProblemKind = 'code' | 'name' | 'nameLong' | 'nameForm' | 'kind' | 'officialCode' | 'duplicate' | 'officialDuplicate' | 'taken' | 'officialTaken';

export interface CheckOptions {
  firstRow?: number;
  layout?: UnitSheetLayout;
}

/** Checks the rows (numbered from `firstRow`, as in the sheet) against the profile. */
export function checkUnitRows(profile: OrgProfile, rows: readonly UnitRow[], opts: CheckOptions = {}): UnitListCheck {
  const firstRow = opts.firstRow ?? 2;
  const layout: UnitSheetLayout = opts.layout ?? { sheet: '', columns: { code: 'A', name: 'B', kind: 'C', officialCode: 'D' } };
  const problems: UnitRowProblem[] = [];
  const added: OrgUnit[] = [];
  const renamed: UnitRename[] = [];
  const merged: UnitMerge[] = [];
  let known = 0;
  const seen = new Map<string, { row: number; key: string; merge: UnitMerge | null; shortName: string }>();
  const seenOfficial = new Map<string, number>();
  const so = rootUnit(profile);
  rows.forEach((r, i) => {
    const row = r.row ?? firstRow + i;
    const place = placeOf(r.name);
    const officialCode = (r.officialCode ?? '').trim();
    const bad = (what: UnitProblemKind, column: UnitColumn, params: Record<string, string> = {}): void =>
      void problems.push({
        sheet: layout.sheet,
        row,
        column: layout.columns[column] ?? '',
        messageKey: `app:units.problems.${what}`,
        fixKey: `app:units.fix.${what}`,
        params: { row: String(row), ...params },
      });
    if (!place) return bad('name', 'name');
    const form = unitNameProblem(place);
    if (form) return bad(form === 'long' ? 'nameLong' : 'nameForm', 'name', { max: String(UNIT_NAME_MAX) });
    const kind = kindOf(r.kind);
    if (!kind) return bad('kind', 'kind', { kind: r.kind });
    const code = r.code.trim() ? r.code.trim().toUpperCase() : codeFor(kind, place);
    if (!CODE.test(code)) return bad('code', 'code', { code: r.code });
    if (officialCode && !/^\d{5}$/.test(officialCode)) return bad('officialCode', 'officialCode', { officialCode });
    const label = `${kind === 'xa' ? 'Xã' : 'Phường'} ${place}`;
    const key = `${fold(label)}|${officialCode}`;
    const again = seen.get(code);
    if (again) {
      if (again.key !== key) return bad('duplicate', 'code', { code, other: String(again.row) });
      // The same unit twice (a list pasted together from two lists): one unit, said so.
      if (again.merge) again.merge.rows.push(row);
      else merged.push((again.merge = { code, shortName: again.shortName, rows: [again.row, row] }));
      return;
    }
    const sameOfficial = officialCode ? seenOfficial.get(officialCode) : undefined;
    if (sameOfficial !== undefined) return bad('officialDuplicate', 'officialCode', { officialCode, other: String(sameOfficial) });
    if (officialCode) seenOfficial.set(officialCode, row);
    seen.set(code, { row, key, merge: null, shortName: label });
    const unit: OrgUnit = {
      code,
      type: 'commune',
      kind,
      parent: so.code,
      name: `Ủy ban nhân dân ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
      shortName: label,
      symbol: 'UBND',
      place,
      ...(officialCode ? { officialCode } : {}),
      aliases: [label.toLowerCase()],
      symbolVerified: true,
      citations: [UNIT_LIST_CITATION],
    };
    // An official code names one unit: another unit's code here is a typo or a different unit.
    const clash = officialCode ? lowerUnits(profile).find((u) => u.officialCode === officialCode && u.code !== code) : undefined;
    if (clash) return bad('officialTaken', 'officialCode', { officialCode, name: clash.shortName });
    const existing = profile.units.find((u) => u.code === code);
    if (existing) {
      // An empty official code in the list says nothing new about a unit that has one.
      if (fold(existing.shortName) === fold(label) && (!officialCode || existing.officialCode === officialCode)) known++;
      // A unit the Sở's own list added may be renamed by it; a cited unit keeps its source's name.
      else if (existing.citations.length === 1 && existing.citations[0] === UNIT_LIST_CITATION && existing.type === 'commune') {
        renamed.push({ code, from: existing.shortName, to: label, unit });
      } else bad('taken', 'code', { code, name: existing.shortName });
      return;
    }
    added.push(unit);
  });
  return { added, renamed, merged, known, problems };
}

/** The profile with the checked units added (callers add only a check without problems). */
export function withUnits(profile: OrgProfile, units: readonly OrgUnit[]): OrgProfile {
  return OrgProfileSchema.parse({ ...profile, units: [...profile.units, ...units] });
}

/**
 * The profile with the units the Sở's list added (orgUnit documents, written by the Sở and sent
 * to every office): a unit of the same code is replaced (a rename), others are appended. Only
 * reporting units travel this way; the Sở itself and the upper level stay the profile's.
 */
export function withTravelledUnits(profile: OrgProfile, units: readonly OrgUnit[]): OrgProfile {
  if (units.length === 0) return profile;
  const root = rootUnit(profile).code;
  const lower = new Set(profile.levels.lower);
  const byCode = new Map(units.filter((u) => u.code !== root && lower.has(u.type)).map((u) => [u.code, { ...u, parent: root }]));
  if (byCode.size === 0) return profile;
  const kept = profile.units.map((u) => {
    const next = byCode.get(u.code);
    if (!next || u.type === 'department') return u;
    byCode.delete(u.code);
    return next;
  });
  return { ...profile, units: [...kept, ...byCode.values()] };
}
