import type { HouseholdFilter } from '../../../contract/households';
import { fold } from '../../../domain/text';
import type { ClassBasis } from '../../../domain/households/classOf';
import type { HouseholdClass } from '../../../domain/households/standards/schema';

/**
 * The list's filters and search as one predicate over index entries. Search ignores case and
 * diacritics ("luong van binh" finds "Lương Văn Bình") and matches the head's name, the
 * household code or the ID number (spaces and dots in what was typed are ignored for numbers).
 */

/**
 * What the index keeps per household: the document's data (shared with the store, not copied)
 * and what ordering needs. Folded keys are made the first time a search needs them.
 */
export interface HouseholdEntry {
  id: string;
  owner: string;
  year: number;
  code: string;
  cls: HouseholdClass;
  /** What decided `cls`: the list's "Căn cứ phân loại" column (no call per row). */
  basis: ClassBasis;
  /** Copied from the data: the search loop reads them for every entry. */
  idNumber: string;
  headName: string;
  /** The document's data as stored (read-only). */
  d: Readonly<Record<string, unknown>>;
  nameKey?: string;
  codeKey?: string;
}

export type EntryPredicate = (e: HouseholdEntry) => boolean;

/**
 * List order: by household code (mã hộ), as offices number households commune by commune;
 * then by office at the Sở, then by id so equal codes still have one order.
 */
export function compareEntries(a: HouseholdEntry, b: HouseholdEntry): number {
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  if (a.owner !== b.owner) return a.owner < b.owner ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Folding with a memo: 50,000 names are made of a few hundred distinct words. */
export class FoldCache {
  private readonly words = new Map<string, string>();

  word(w: string): string {
    let f = this.words.get(w);
    if (f === undefined) {
      f = fold(w);
      if (this.words.size < 200_000) this.words.set(w, f);
    }
    return f;
  }

  name(text: string): string {
    let out = '';
    for (const p of text.split(' ')) {
      if (p === '') continue;
      out = out === '' ? this.word(p) : `${out} ${this.word(p)}`;
    }
    return out;
  }

  /** Codes are plain ASCII nearly always: lower case is their fold. */
  code(text: string): string {
    return /^[\x21-\x7e]*$/.test(text) ? text.toLowerCase() : fold(text);
  }
}

const text = (e: HouseholdEntry, field: string): string => {
  const v = e.d[field];
  return typeof v === 'string' ? v : '';
};

export function buildPredicate(filter: HouseholdFilter, keys: FoldCache = new FoldCache()): EntryPredicate {
  const tests: EntryPredicate[] = [];
  if (filter.office) tests.push((e) => e.owner === filter.office);
  if (filter.communeCode) tests.push((e) => e.d['communeCode'] === filter.communeCode);
  if (filter.village) {
    const v = fold(filter.village);
    tests.push((e) => keys.word(text(e, 'village')) === v);
  }
  if (filter.class) tests.push((e) => e.cls === filter.class);
  if (filter.indicator) {
    const code = filter.indicator;
    tests.push((e) => Array.isArray(e.d['deprived']) && (e.d['deprived'] as string[]).includes(code));
  }
  if (filter.ethnicity) {
    const eth = fold(filter.ethnicity);
    tests.push((e) => keys.word(text(e, 'ethnicity')) === eth);
  }
  if (filter.merit !== undefined) tests.push((e) => (e.d['merit'] === true) === filter.merit);
  const q = searchTest(filter.q ?? '', keys);
  if (q) tests.push(q);
  if (tests.length === 0) return () => true;
  return (e) => {
    for (const t of tests) if (!t(e)) return false;
    return true;
  };
}

function searchTest(raw: string, keys: FoldCache): EntryPredicate | undefined {
  const q = fold(raw);
  if (q === '') return undefined;
  const codeKey = (e: HouseholdEntry): string => (e.codeKey ??= keys.code(e.code));
  const digits = q.replace(/[\s.\-]/g, '');
  if (/^\d+$/.test(digits)) {
    // A number: an ID number or a household code holding it.
    return (e) => e.idNumber.includes(digits) || codeKey(e).includes(q);
  }
  const words = q.split(' ');
  return (e) => {
    if (codeKey(e).includes(q)) return true;
    const name = (e.nameKey ??= keys.name(e.headName));
    for (const w of words) if (!name.includes(w)) return false;
    return true;
  };
}
