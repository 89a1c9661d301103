import { classifyHousehold, type Classification, type ClassifyInput } from './classify';
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
 */

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
}

/** The cache fields to store with a record: its class and the stamp of what computed it. */
export function storedClass(c: Classification, standards: readonly PovertyStandard[] = STANDARDS): StoredClass {
  return { class: c.class, classStamp: classStamp(standardById(c.standardId, standards)) };
}

/**
 * The class of stored household data (a document's `data`, possibly from another office or an
 * older version), or undefined when it cannot be told:
 * 1. the stored class, when its stamp is the current stamp of the record's standard;
 * 2. else the rule, when the record's standard is known here;
 * 3. else (a standard this version does not ship, e.g. a record from a newer app) the stored
 *    class, whatever its stamp: it is the best answer there is;
 * 4. undefined when the rule cannot run on the data (no income, unknown indicator, no area).
 */
export function classOfStored(data: Readonly<Record<string, unknown>>, standards: readonly PovertyStandard[] = STANDARDS): HouseholdClass | undefined {
  const stored = data['class'];
  const cached = typeof stored === 'string' && CLASSES.has(stored) ? (stored as HouseholdClass) : undefined;
  const standardId = data['standardId'];
  const standard = typeof standardId === 'string' ? standards.find((s) => s.id === standardId) : undefined;
  if (!standard) return cached;
  if (cached !== undefined && data['classStamp'] === classStamp(standard)) return cached;
  const input = inputOf(data);
  if (!input) return undefined;
  try {
    return classifyHousehold(input, standard).class;
  } catch {
    return undefined;
  }
}
