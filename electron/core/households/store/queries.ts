import type { HouseholdFacets, HouseholdFilter, HouseholdPage, HouseholdRecord, HouseholdRow, IdCheck } from '../../../contract/households';
import { AppError } from '../../../domain/errors';
import { vnYear } from '../../../domain/calendar';
import type { CoreContext } from '../../runtime/context';
import { yearOverYearChange, type YearOverYear } from '../../../domain/households/changes';
import { normaliseIdNumber, isValidIdNumber } from '../../../domain/households/household';
import { HOUSEHOLD_CLASSES, type HouseholdClass } from '../../../domain/households/standards/schema';

import { classifyBased, communeOf, communeView, householdOf, maskIdNumber, reasonTextOf } from './docs';
import { ScoreTables } from '../scoring/loaded';
import type { HouseholdIndex } from './householdIndex';
import { buildPredicate, type HouseholdEntry } from './search';
import { standardsOf } from '../standards/inStore';

/** Reads for the list, the form and the duplicate check. */

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const UNCHANGED: YearOverYear = { poor: 'unchanged', nearPoor: 'unchanged' };

export function notFound(): AppError {
  return new AppError('NOT_FOUND', 'households:errors.NOT_FOUND');
}

export function changeOf(index: HouseholdIndex, e: Pick<HouseholdEntry, 'owner' | 'code' | 'year' | 'cls'>): YearOverYear {
  try {
    return yearOverYearChange({ ...index.historyOf(e.owner, e.code), [e.year]: e.cls }, e.year);
  } catch {
    return UNCHANGED;
  }
}

function emptyByClass(): Record<HouseholdClass, number> {
  return Object.fromEntries(HOUSEHOLD_CLASSES.map((c) => [c, 0])) as Record<HouseholdClass, number>;
}

/**
 * Filtered, sorted rows of a year, one page at a time. The last result is kept until the
 * filter or the data change, so scrolling through 50,000 rows asks for slices, not searches.
 */
export class ListQueries {
  private cache: { key: string; version: number; rows: readonly HouseholdEntry[]; byClass: Record<HouseholdClass, number> } | undefined;
  private facetCache: { key: string; version: number; value: HouseholdFacets } | undefined;

  constructor(private readonly index: HouseholdIndex) {}

  matching(year: number, filter: HouseholdFilter): { rows: readonly HouseholdEntry[]; byClass: Record<HouseholdClass, number> } {
    // An office's own scope, when every record is the office's (always, at a district), keeps
    // every row: no test to run over the year.
    if (filter.office !== undefined && filter.office === this.index.soleOwner()) filter = { ...filter, office: undefined };
    const key = JSON.stringify([year, filter]);
    if (this.cache && this.cache.key === key && this.cache.version === this.index.version) return this.cache;
    const all = this.index.year(year);
    const hasFilter = Object.values(filter).some((v) => v !== undefined && v !== '');
    let rows = all;
    let byClass: Record<HouseholdClass, number>;
    if (hasFilter) {
      rows = all.filter(buildPredicate(filter, this.index.keys));
      byClass = emptyByClass();
      for (const e of rows) byClass[e.cls]++;
    } else {
      byClass = this.index.classCounts(year);
    }
    this.cache = { key, version: this.index.version, rows, byClass };
    return this.cache;
  }

  page(year: number, filter: HouseholdFilter, offset: number, limit: number, showIds: boolean): HouseholdPage {
    const { rows, byClass } = this.matching(year, filter);
    return {
      total: rows.length,
      yearTotal: this.index.year(year).length,
      offset,
      rows: rows.slice(offset, offset + limit).map((e) => this.row(e, showIds)),
      byClass,
    };
  }

  row(e: HouseholdEntry, showIds: boolean): HouseholdRow {
    const d = e.d;
    const idNumber = str(d['idNumber']);
    return {
      id: e.id,
      owner: e.owner,
      code: e.code,
      headName: str(d['headName']),
      idNumber: showIds ? idNumber : maskIdNumber(idNumber),
      ethnicity: str(d['ethnicity']),
      communeCode: str(d['communeCode']),
      village: str(d['village']),
      area: d['area'] === 'urban' ? 'urban' : 'rural',
      members: Number(d['members'] ?? 0),
      income: Number(d['incomePerPerson'] ?? 0),
      deprived: Array.isArray(d['deprived']) ? [...(d['deprived'] as string[])] : [],
      merit: d['merit'] === true,
      class: e.cls,
      classBasis: e.basis,
      change: changeOf(this.index, e),
    };
  }

  facets(year: number): HouseholdFacets {
    const key = String(year);
    if (this.facetCache && this.facetCache.key === key && this.facetCache.version === this.index.version) return this.facetCache.value;
    const villages = new Map<string, { communeCode: string; village: string }>();
    const ethnicities = new Set<string>();
    const keys = this.index.keys;
    for (const e of this.index.year(year)) {
      const village = str(e.d['village']);
      const communeCode = str(e.d['communeCode']);
      if (village) villages.set(`${communeCode}|${keys.word(village)}`, { communeCode, village });
      const eth = str(e.d['ethnicity']);
      if (eth) ethnicities.add(eth);
    }
    const value = {
      villages: [...villages.values()].sort((a, b) => a.communeCode.localeCompare(b.communeCode) || a.village.localeCompare(b.village, 'vi')),
      ethnicities: [...ethnicities].sort((a, b) => a.localeCompare(b, 'vi')),
    };
    this.facetCache = { key, version: this.index.version, value };
    return value;
  }
}

export function householdRecord(ctx: CoreContext, index: HouseholdIndex, id: string): HouseholdRecord {
  const doc = ctx.store.get(id);
  if (!doc || doc.kind !== 'household' || doc.deleted) throw notFound();
  const household = householdOf(doc);
  if (!household) throw notFound();
  const c = classifyBased(household, ScoreTables.of(ctx.store).get(), standardsOf(ctx.store));
  const history = index.historyOf(doc.owner, household.code);
  const previous = history[household.reviewYear - 1];
  return {
    id: doc.id,
    owner: doc.owner,
    rev: doc.rev,
    household,
    class: c.class,
    classBasis: c.basis,
    reason: c.income.reason,
    reasonText: reasonTextOf(c),
    change: changeOf(index, { owner: doc.owner, code: household.code, year: household.reviewYear, cls: c.class }),
    previousClass: previous ?? null,
    updatedAt: String(doc.data['updatedAt'] ?? ''),
    updatedBy: String(doc.data['updatedBy'] ?? ''),
  };
}

export function checkIdNumber(index: HouseholdIndex, raw: string, year: number, exceptId: string | undefined): IdCheck {
  const idNumber = normaliseIdNumber(raw);
  const valid = isValidIdNumber(idNumber);
  if (!valid) return { valid, duplicates: [] };
  const duplicates = index
    .withIdNumber(year, idNumber)
    .filter((e) => e.id !== exceptId)
    .map((e) => ({ id: e.id, code: e.code, headName: str(e.d['headName']), communeCode: str(e.d['communeCode']) }));
  return { valid, duplicates };
}

/** Thị trấn and phường first, then xã, each by name. */
function byKindThenName(a: { kind: string; name: string }, b: { kind: string; name: string }): number {
  return (a.kind === 'xa' ? 1 : 0) - (b.kind === 'xa' ? 1 : 0) || a.name.localeCompare(b.name, 'vi');
}

export function officeCommunes(ctx: CoreContext, office: string) {
  return ctx.store
    .list('commune')
    .flatMap((d) => {
      const c = communeOf(d);
      return c && c.office === office ? [c] : [];
    })
    .sort(byKindThenName);
}

export function allCommuneViews(ctx: CoreContext, office: string | undefined) {
  return ctx.store
    .list('commune')
    .flatMap((d) => {
      const c = communeOf(d);
      return c && (office === undefined || c.office === office) ? [communeView(c)] : [];
    })
    .sort((a, b) => a.office.localeCompare(b.office) || byKindThenName(a, b));
}

/**
 * The current year in Vietnam. Not the newest year with records: in December 2026 an office
 * opening the list expects 2026 (the review it is running), not last year's list.
 */
export function defaultYear(now: Date): number {
  return vnYear(now);
}
