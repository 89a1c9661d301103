import type { TFunction } from 'i18next';
import { z } from 'zod';
import { say } from '../i18n/keys';
import { yearOverYearChange, type ClassHistory } from './changes';
import { maskIdNumber } from './idMask';
import { dayVi } from './mediumRequest';
import { mediumScopeOf, type Sector } from './sector';
import type { HouseholdClass } from './standards/schema';

/**
 * The commune's lists for public listing (niêm yết công khai) after the yearly review, as Quyết
 * định 24/2021/QĐ-TTg has the commune post them and then recognise hộ nghèo, hộ cận nghèo, hộ
 * thoát nghèo, hộ thoát cận nghèo (forms/public-listing.json). The columns are Sổ Việc's own: the
 * official forms were not read (forms/tt07-forms.json), so nothing here is named after one.
 *
 * Who is on which list, for a commune and a review year, from each household's class by year:
 * - poor / nearPoor: the class this year;
 * - escapedPoor: poor last year, not poor this year (a poor household now near-poor is on it,
 *   and on nearPoor too);
 * - escapedNearPoor: near-poor last year, medium or above this year (near-poor → poor is not an
 *   escape: it is on the poor list);
 * - newPoor / newNearPoor: poor (near-poor) this year and in no earlier recorded year — the
 *   summary's "phát sinh mới" (changes.ts); a household that had left and came back (tái nghèo)
 *   is not on it.
 * - medium: hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình —
 *   medium this year and of one of those four sectors (sector.ts; Quyết định 24/2021/QĐ-TTg).
 *   The list shows the day the Giấy đề nghị was received (mediumRequest.ts) and is kept whole:
 *   a household without one is on it with a blank day, so the commune sees whom to ask, and the
 *   totals say how many have handed one in ("trong đó có giấy đề nghị: N").
 * A household must have a record this year to be on any list: one that left the commune or
 * whose record was not carried over is neither escaped nor anything else.
 * The movement lists need last year's records of the commune; without any, every household would
 * look new, so those lists are refused rather than filled wrongly.
 */
export const PUBLIC_LIST_KINDS = ['poor', 'nearPoor', 'escapedPoor', 'escapedNearPoor', 'newPoor', 'newNearPoor', 'medium'] as const;
export const PublicListKindSchema = z.enum(PUBLIC_LIST_KINDS);
export type PublicListKind = z.infer<typeof PublicListKindSchema>;

/** Lists that compare this year with last year. */
export function needsPreviousYear(kind: PublicListKind): boolean {
  return kind !== 'poor' && kind !== 'nearPoor' && kind !== 'medium';
}

/**
 * Every list a household with this class history (and sector: undefined when not recorded) is
 * on in `year` (the change is computed once).
 */
export function publicListsOf(history: ClassHistory, year: number, sector?: Sector): PublicListKind[] {
  const current = history[year];
  if (current === undefined) return [];
  const out: PublicListKind[] = [];
  if (current === 'poor') out.push('poor');
  if (current === 'nearPoor') out.push('nearPoor');
  if (current === 'medium' && mediumScopeOf(sector) === 'listed') out.push('medium');
  const change = yearOverYearChange(history, year);
  if (change.poor === 'escaped') out.push('escapedPoor');
  if (change.nearPoor === 'escaped') out.push('escapedNearPoor');
  if (change.poor === 'new') out.push('newPoor');
  if (change.nearPoor === 'new') out.push('newNearPoor');
  return out;
}

/** Is a household with this class history (and sector) on `kind`'s list of `year`? */
export function onPublicList(kind: PublicListKind, history: ClassHistory, year: number, sector?: Sector): boolean {
  const current = history[year];
  if (current === undefined) return false;
  if (kind === 'poor') return current === 'poor';
  if (kind === 'nearPoor') return current === 'nearPoor';
  if (kind === 'medium') return current === 'medium' && mediumScopeOf(sector) === 'listed';
  return publicListsOf(history, year, sector).includes(kind);
}

/** One household of the commune in the review year, as the core reads it from the store. */
export interface ListCandidate {
  code: string;
  headName: string;
  /** In full: masked here, so no caller can forget to. */
  idNumber: string;
  village: string;
  members: number;
  /** Đồng per person per month; null when the record has none (scored by Phiếu B only). */
  incomePerPerson: number | null;
  /** Deprivations counted by the rule: ticked indicators, or the count a list gave if larger. */
  deprivedCount: number;
  /** Phiếu B scores, when the household was scored. */
  b1: number | null;
  b2: number | null;
  history: ClassHistory;
  /** Ngành nghề; undefined when not recorded. */
  sector?: Sector;
  /** Day the Giấy đề nghị was received ('YYYY-MM-DD'), null when none was handed in. */
  requestOn?: string | null;
}

export interface PublicListRow {
  no: number;
  code: string;
  headName: string;
  /** "0201******89" — never the full number. */
  idMasked: string;
  village: string;
  members: number;
  class: HouseholdClass;
  /** Class in the year before, for the movement lists; null when there was no record. */
  previousClass: HouseholdClass | null;
  incomePerPerson: number | null;
  deprivedCount: number;
  b1: number | null;
  b2: number | null;
  sector: Sector | null;
  /** Ngày nộp giấy đề nghị ('YYYY-MM-DD'); null: none handed in yet. */
  requestOn: string | null;
}

export interface ListTotals {
  households: number;
  members: number;
  /** The medium list only: households on it that handed in a Giấy đề nghị. */
  withRequest?: number;
}

export type PublicList =
  | { kind: PublicListKind; year: number; available: true; rows: PublicListRow[]; totals: ListTotals; hasScores: boolean }
  /** A movement list without last year's records of the commune. */
  | { kind: PublicListKind; year: number; available: false; reason: 'previousYearMissing'; rows: []; totals: ListTotals; hasScores: false };

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Posted lists are read by village: households of a thôn together, by name within it. */
function byVillageThenName(a: ListCandidate, b: ListCandidate): number {
  return collator.compare(a.village, b.village) || collator.compare(a.headName, b.headName) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * The list `kind` of `year` from the commune's households of that year. `previousYearKnown`: the
 * commune has records for year - 1 (a movement list is unavailable without them).
 */
export function buildPublicList(kind: PublicListKind, year: number, candidates: readonly ListCandidate[], previousYearKnown: boolean): PublicList {
  if (needsPreviousYear(kind) && !previousYearKnown) {
    return { kind, year, available: false, reason: 'previousYearMissing', rows: [], totals: { households: 0, members: 0 }, hasScores: false };
  }
  const members = candidates.filter((c) => onPublicList(kind, c.history, year, c.sector)).sort(byVillageThenName);
  const rows = members.map(
    (c, i): PublicListRow => ({
      no: i + 1,
      code: c.code,
      headName: c.headName,
      idMasked: maskIdNumber(c.idNumber),
      village: c.village,
      members: c.members,
      class: c.history[year] as HouseholdClass,
      previousClass: c.history[year - 1] ?? null,
      incomePerPerson: c.incomePerPerson,
      deprivedCount: c.deprivedCount,
      b1: c.b1,
      b2: c.b2,
      sector: c.sector ?? null,
      requestOn: c.requestOn ?? null,
    }),
  );
  const totals: ListTotals = { households: rows.length, members: rows.reduce((n, r) => n + r.members, 0) };
  if (kind === 'medium') totals.withRequest = rows.filter((r) => r.requestOn !== null).length;
  return {
    kind,
    year,
    available: true,
    rows,
    totals,
    hasScores: rows.some((r) => r.b1 !== null || r.b2 !== null),
  };
}

/** Households and members on every list (null: unavailable), for choosing a list to print. */
export function publicListCounts(year: number, candidates: readonly ListCandidate[], previousYearKnown: boolean): Record<PublicListKind, ListTotals | null> {
  const out = {} as Record<PublicListKind, ListTotals | null>;
  for (const kind of PUBLIC_LIST_KINDS) out[kind] = needsPreviousYear(kind) && !previousYearKnown ? null : { households: 0, members: 0 };
  (out.medium as ListTotals).withRequest = 0;
  // One pass, no rows and no sorting: this runs beside every list shown.
  for (const c of candidates) {
    for (const kind of publicListsOf(c.history, year, c.sector)) {
      const totals = out[kind];
      if (totals === null) continue;
      totals.households++;
      totals.members += c.members;
      if (kind === 'medium' && c.requestOn) totals.withRequest = (totals.withRequest ?? 0) + 1;
    }
  }
  return out;
}

/** Columns of a printed or exported list, left to right; the Excel file has the same. */
export type PublicListColumn = 'no' | 'headName' | 'idMasked' | 'village' | 'members' | 'sector' | 'previousClass' | 'class' | 'income' | 'deprived' | 'b1' | 'b2' | 'requestOn';

/**
 * The class lists need no class column (the title says it); the movement lists show last year's
 * class and this year's. B1/B2 only when some household on the list was scored by Phiếu B.
 * The medium list is by income band and sector, not deprivations: it shows the sector and the
 * day of the Giấy đề nghị instead of the deprivation count.
 */
export function publicListColumns(kind: PublicListKind, hasScores: boolean): PublicListColumn[] {
  if (kind === 'medium') return ['no', 'headName', 'idMasked', 'village', 'members', 'sector', 'income', ...(hasScores ? (['b1', 'b2'] as const) : []), 'requestOn'];
  return [
    'no',
    'headName',
    'idMasked',
    'village',
    'members',
    ...(needsPreviousYear(kind) ? (['previousClass', 'class'] as const) : []),
    'income',
    'deprived',
    ...(hasScores ? (['b1', 'b2'] as const) : []),
  ];
}

/**
 * What a cell of a list holds, the same on the page and in the Excel file: numbers stay numbers
 * (each output formats them its own way), class words in the language of `t`.
 */
export function publicListCell(t: TFunction, c: PublicListColumn, r: PublicListRow): string | number | null {
  switch (c) {
    case 'no':
      return r.no;
    case 'headName':
      return r.headName;
    case 'idMasked':
      return r.idMasked;
    case 'village':
      return r.village;
    case 'members':
      return r.members;
    case 'previousClass':
      return r.previousClass === null ? say(t, 'households:lists.noRecord') : say(t, `households:class.${r.previousClass}`);
    case 'class':
      return say(t, `households:class.${r.class}`);
    case 'income':
      return r.incomePerPerson;
    case 'deprived':
      return r.deprivedCount;
    case 'b1':
      return r.b1;
    case 'b2':
      return r.b2;
    case 'sector':
      return r.sector === null ? null : say(t, `households:sector.${r.sector}`);
    case 'requestOn':
      // Blank: no Giấy đề nghị yet. Written dd/mm/yyyy the same on paper and in the file.
      return r.requestOn === null ? null : dayVi(r.requestOn);
  }
}
