import { classifyHousehold, type Classification, type ClassifyInput } from './classify';
import { scorePhieuB, type PhieuBScore } from './scoring/score';
import type { ScoreTable } from './scoring/schema';
import { STANDARDS, standardById } from './standards';
import { indicatorsOf, type HouseholdClass, type PovertyStandard } from './standards/schema';

/**
 * The one answer to "what class is this household?". Every reader goes through here: the Excel
 * import preview, the household documents and their list, the summary table and the report
 * prefill. Before, each had its own precedence (stored class first, rule first, a field nothing
 * wrote) and they could disagree on the same record.
 *
 * A stored class is a cache. It is stamped with the standard and the rule that computed it; the
 * stamp is trusted only while it equals the stamp the running app computes for that standard.
 * Any change to the standard's lines, bands or indicators, or a new CLASSIFY_RULE_VERSION, gives
 * a new stamp, and every record stamped with the old one is classified again.
 *
 * Recomputed on read, not rewritten at open: household documents belong to the district office
 * and sync to the Sở, so rewriting 50 000 of them after an upgrade would bump every revision and
 * ship them all in the next bundle (and the Sở may not write them at all). The rule costs
 * microseconds a record; a stale stamp only costs that, and the next edit of the record stores
 * a fresh one.
 *
 * Which input decides (the class's basis): the Phiếu B score when the record's Phiếu B was filled
 * against an official score table (not testOnly) that is loaded here and covers the record's
 * year and standard; income in đồng otherwise (no Phiếu B, a test table, a table not loaded, or
 * questions left unanswered). The deciding table's fingerprint is part of the stamp, so loading,
 * replacing or removing that table makes every cached class of its records stale.
 */

/** What decided a class: "Theo điểm Phiếu B" or "Theo thu nhập". */
export type ClassBasis = 'phieuB' | 'income';

/** Score tables loaded here, by their scoreTable document id (what a Phiếu B names). */
export type LoadedTables = ReadonlyMap<string, ScoreTable>;

export const NO_TABLES: LoadedTables = new Map();

/** Bump when classifyHousehold's logic changes in a way the standard's data does not show. */
export const CLASSIFY_RULE_VERSION = 1;

const CLASSES: ReadonlySet<string> = new Set<HouseholdClass>(['poor', 'nearPoor', 'medium', 'above']);

/** FNV-1a, 32 bits: a short, stable fingerprint of text (not a security hash: no adversary here). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const stampCache = new WeakMap<PovertyStandard, string>();

/**
 * "nd07-2021:3f2a9c1e:r1": the standard's id, a fingerprint of everything in it that decides a
 * class (lines, bands, indicator codes), and the rule's version. Titles and notes do not count.
 */
export function classStamp(standard: PovertyStandard): string {
  let stamp = stampCache.get(standard);
  if (stamp === undefined) {
    const decisive = JSON.stringify([standard.lines, standard.rule, indicatorsOf(standard).map((i) => i.code)]);
    stamp = `${standard.id}:${fnv1a(decisive)}:r${CLASSIFY_RULE_VERSION}`;
    stampCache.set(standard, stamp);
  }
  return stamp;
}

const tableStampCache = new WeakMap<ScoreTable, string>();

/** A fingerprint of everything in a table that decides a score (not its title or source). */
export function tableStamp(table: ScoreTable): string {
  let stamp = tableStampCache.get(table);
  if (stamp === undefined) {
    const { title: _t, legalBasis: _l, source: _s, region: _r, provinces: _p, ...decisive } = table;
    stamp = fnv1a(JSON.stringify(decisive));
    tableStampCache.set(table, stamp);
  }
  return stamp;
}

/**
 * The table that decides a record's class, if any: the loaded table its Phiếu B names, when
 * official and made for the record's standard and review year. A test table never decides.
 */
export function decidingTable(
  record: { reviewYear: unknown; standardId: unknown; phieuB?: unknown },
  tables: LoadedTables,
): { docId: string; table: ScoreTable } | undefined {
  if (tables.size === 0) return undefined;
  const p = record.phieuB;
  if (typeof p !== 'object' || p === null) return undefined;
  const docId = (p as Record<string, unknown>)['table'];
  if (typeof docId !== 'string') return undefined;
  const table = tables.get(docId);
  const year = record.reviewYear;
  if (!table || table.testOnly || table.standardId !== record.standardId || typeof year !== 'number') return undefined;
  return year >= table.years.from && year <= table.years.to ? { docId, table } : undefined;
}

/** classStamp, plus the deciding table's document id and fingerprint when a table decides. */
export function recordStamp(standard: PovertyStandard, deciding: { docId: string; table: ScoreTable } | undefined): string {
  const base = classStamp(standard);
  return deciding ? `${base}:b:${deciding.docId}:${tableStamp(deciding.table)}` : base;
}

/** A class, what decided it, the income rule's answer (always there) and the Phiếu B score. */
export interface RecordClass {
  class: HouseholdClass;
  basis: ClassBasis;
  income: Classification;
  phieuB?: PhieuBScore;
  stamp: string;
}

/** The answers of a Phiếu B as stored (strings only; blanks are unanswered). */
function answersOf(phieuB: unknown): Record<string, string> {
  const raw = typeof phieuB === 'object' && phieuB !== null ? (phieuB as Record<string, unknown>)['answers'] : undefined;
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}

/**
 * The class of a record and its basis (see the top of this file). Throws what classifyHousehold
 * throws (the income rule always runs: it is the fallback and the form shows it beside). A
 * Phiếu B the deciding table cannot score (an answer the table no longer has) falls back to
 * income rather than refusing the record.
 */
export function classifyWithBasis(
  h: ClassifyInput & { standardId: string; reviewYear: number; phieuB?: { table: string; answers: Readonly<Record<string, string>> } | undefined },
  tables: LoadedTables = NO_TABLES,
  standards: readonly PovertyStandard[] = STANDARDS,
  /** The income classification when already made (an import's worker made it), else made here. */
  known?: Classification,
): RecordClass {
  const standard = standardById(h.standardId, standards);
  const income = known ?? classifyHousehold(h, standard);
  const deciding = decidingTable(h, tables);
  if (deciding) {
    let score: PhieuBScore | undefined;
    try {
      score = scorePhieuB({ area: h.area, answers: answersOf(h.phieuB), deprived: h.deprived, deprivedCount: h.deprivedCount }, deciding.table, standard);
    } catch {
      score = undefined;
    }
    if (score?.class !== undefined) return { class: score.class, basis: 'phieuB', income, phieuB: score, stamp: recordStamp(standard, deciding) };
  }
  return { class: income.class, basis: 'income', income, stamp: recordStamp(standard, undefined) };
}

/**
 * Classification of a record by the standard it names (`standardId`), looked up among
 * `standards`. Throws the household error codes of classifyHousehold (income missing, unknown
 * standard or indicator). Used where a record must be classified or refused: writes, the
 * import preview, the summary, the household form.
 */
export function classifyRecord(
  h: ClassifyInput & { standardId: string },
  standards: readonly PovertyStandard[] = STANDARDS,
): Classification {
  return classifyHousehold(h, standardById(h.standardId, standards));
}

/**
 * The fields of stored data the rule reads, checked by hand: this runs for every record when
 * the household index is built at open, where a zod parse per record shows in the cold-open time.
 * Deprivations may be codes or a flags record ({ water: true }), as HouseholdSchema accepts.
 */
function inputOf(data: Readonly<Record<string, unknown>>): ClassifyInput | undefined {
  const area = data['area'];
  if (area !== 'rural' && area !== 'urban') return undefined;
  const income = data['incomePerPerson'];
  if (income !== undefined && income !== null && typeof income !== 'number') return undefined;
  const raw = data['deprived'];
  let deprived: string[];
  if (raw === undefined) deprived = [];
  else if (Array.isArray(raw)) {
    if (!raw.every((c): c is string => typeof c === 'string')) return undefined;
    deprived = raw;
  } else if (typeof raw === 'object' && raw !== null) {
    deprived = Object.entries(raw).filter(([, v]) => v === true).map(([k]) => k);
  } else return undefined;
  const counted = data['deprivedCount'];
  if (counted !== undefined && typeof counted !== 'number') return undefined;
  return { area, incomePerPerson: income, deprived, ...(counted !== undefined ? { deprivedCount: counted } : {}) };
}

/** What a stored household document's data carries besides the record: the cached class. */
export interface StoredClass {
  class: HouseholdClass;
  classStamp: string;
  classBasis: ClassBasis;
}

/** The cache fields to store with a record: its class, what decided it, the stamp of what computed it. */
export function storedClass(c: RecordClass): StoredClass {
  return { class: c.class, classStamp: c.stamp, classBasis: c.basis };
}

/**
 * The class of stored household data (a document's `data`, possibly from another office or an
 * older version) and its basis, or undefined when it cannot be told:
 * 1. the stored class, when its stamp is the current stamp of the record's standard and of the
 *    table that decides it now (none, or the loaded official table its Phiếu B names);
 * 2. else the rule (Phiếu B score with that table, else income), when the standard is known here;
 * 3. else (a standard this version does not ship, e.g. a record from a newer app) the stored
 *    class, whatever its stamp: it is the best answer there is;
 * 4. undefined when the rule cannot run on the data (no income, unknown indicator, no area).
 */
export function storedClassOf(
  data: Readonly<Record<string, unknown>>,
  tables: LoadedTables = NO_TABLES,
  standards: readonly PovertyStandard[] = STANDARDS,
): { class: HouseholdClass; basis: ClassBasis } | undefined {
  const stored = data['class'];
  const cached = typeof stored === 'string' && CLASSES.has(stored) ? (stored as HouseholdClass) : undefined;
  const cachedBasis: ClassBasis = data['classBasis'] === 'phieuB' ? 'phieuB' : 'income';
  const standardId = data['standardId'];
  const standard = typeof standardId === 'string' ? standards.find((s) => s.id === standardId) : undefined;
  if (!standard) return cached === undefined ? undefined : { class: cached, basis: cachedBasis };
  const deciding = data['phieuB'] === undefined ? undefined : decidingTable({ reviewYear: data['reviewYear'], standardId: data['standardId'], phieuB: data['phieuB'] }, tables);
  if (cached !== undefined && data['classStamp'] === recordStamp(standard, deciding)) return { class: cached, basis: cachedBasis };
  const input = inputOf(data);
  if (!input) return undefined;
  if (deciding) {
    try {
      const s = scorePhieuB({ ...input, answers: answersOf(data['phieuB']) }, deciding.table, standard);
      if (s.class !== undefined) return { class: s.class, basis: 'phieuB' };
    } catch {
      // an answer the table does not have: income decides
    }
  }
  try {
    return { class: classifyHousehold(input, standard).class, basis: 'income' };
  } catch {
    return undefined;
  }
}

/** storedClassOf without the basis. */
export function classOfStored(
  data: Readonly<Record<string, unknown>>,
  standards: readonly PovertyStandard[] = STANDARDS,
  tables: LoadedTables = NO_TABLES,
): HouseholdClass | undefined {
  // The common case at open (50 000 records, no Phiếu B, current stamp) without allocating.
  const stored = data['class'];
  if (data['phieuB'] === undefined && typeof stored === 'string' && CLASSES.has(stored)) {
    const standardId = data['standardId'];
    const standard = typeof standardId === 'string' ? standards.find((s) => s.id === standardId) : undefined;
    if (standard && data['classStamp'] === classStamp(standard)) return stored as HouseholdClass;
  }
  return storedClassOf(data, tables, standards)?.class;
}
