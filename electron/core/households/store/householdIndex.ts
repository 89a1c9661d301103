import type { Doc } from '../../../domain/document';
import type { Store } from '../../store/store';
import type { HouseholdClass, PovertyStandard } from '../../../domain/households/standards/schema';
import { standardsOf } from '../standards/inStore';
import { storedClassOf, type ClassBasis } from '../../../domain/households/classOf';
import { classOfDoc, householdDocId } from './docs';
import { ScoreTables } from '../scoring/loaded';
import { compareEntries, FoldCache, type HouseholdEntry } from './search';

/**
 * An in-memory index of household records for the list, search, duplicate checks and
 * year-over-year history. It holds the documents' data by reference (nothing is copied or
 * folded up front, so opening 50,000 records costs one pass), sorts a year the first time it is
 * listed, and then follows the store's change events: an edit costs a binary search.
 */

interface YearList {
  year: number;
  entries: HouseholdEntry[];
  sorted: boolean;
  /** Entries by class, kept with the list so an unfiltered page does not count 50,000 rows. */
  byClass: Record<HouseholdClass, number>;
}

const newYearList = (year: number): YearList => ({ year, entries: [], sorted: false, byClass: { poor: 0, nearPoor: 0, medium: 0, above: 0 } });

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export class HouseholdIndex {
  private readonly byId = new Map<string, HouseholdEntry>();
  private readonly byYear = new Map<number, YearList>();
  private readonly ownerCount = new Map<string, number>();
  /** year -> ID number -> ids; built on the first duplicate check. */
  private idNumbers: Map<number, Map<string, string[]>> | undefined;
  readonly keys = new FoldCache();
  /** Bumped on every change; caches compare it. */
  version = 0;

  private readonly tables: ScoreTables;
  /** The folder's standards the classes were worked out with (standards/inStore.ts). */
  private standards: readonly PovertyStandard[];

  constructor(private readonly store: Store) {
    this.tables = ScoreTables.of(store);
    this.standards = standardsOf(store);
    this.build(store.values('household'));
    store.onChange((docs) => {
      // A standard the Sở sent (or replaced) can move any record's class: classify all again.
      const standards = standardsOf(store);
      if (standards !== this.standards) {
        this.rebuild(standards);
        return;
      }
      let changed = false;
      if (ScoreTables.touched(docs)) {
        // A loaded, replaced or removed score table may decide other classes (classOf.ts).
        this.tables.changed();
        changed = this.reclassifyPhieuB();
      }
      for (const d of docs) {
        if (d.kind !== 'household' && !this.byId.has(d.id)) continue;
        this.remove(d.id);
        if (d.kind === 'household' && !d.deleted) this.insert(d);
        changed = true;
      }
      if (changed) this.version++;
    });
  }

  /** Records with a Phiếu B classified again with the tables loaded now; true when one moved. */
  private reclassifyPhieuB(): boolean {
    const tables = this.tables.get();
    // A table loaded with the same class as income still changes the basis shown in the list.
    const moved = [...this.byId.values()]
      .filter((e) => {
        if (e.d['phieuB'] === undefined) return false;
        const now = storedClassOf(e.d, tables, this.standards);
        return now?.class !== e.cls || now.basis !== e.basis;
      })
      .map((e) => e.id);
    for (const id of moved) {
      this.remove(id);
      const d = this.store.get(id);
      if (d && d.kind === 'household' && !d.deleted) this.insert(d);
    }
    return moved.length > 0;
  }

  get(id: string): HouseholdEntry | undefined {
    return this.byId.get(id);
  }

  years(): number[] {
    return [...this.byYear.entries()].filter(([, l]) => l.entries.length > 0).map(([y]) => y).sort((a, b) => b - a);
  }

  /** Entries of a year in list order (see compareEntries; do not mutate). */
  year(year: number): readonly HouseholdEntry[] {
    const list = this.byYear.get(year);
    if (!list) return [];
    if (!list.sorted) {
      list.entries.sort(compareEntries);
      list.sorted = true;
    }
    return list.entries;
  }

  /** How many entries of a year are in each class (a copy). */
  classCounts(year: number): Record<HouseholdClass, number> {
    return { ...(this.byYear.get(year)?.byClass ?? newYearList(year).byClass) };
  }

  /** The one office every record belongs to, if there is just one. */
  soleOwner(): string | undefined {
    let sole: string | undefined;
    for (const [owner, n] of this.ownerCount) {
      if (n <= 0) continue;
      if (sole !== undefined) return undefined;
      sole = owner;
    }
    return sole;
  }

  owners(): string[] {
    return [...this.ownerCount.entries()].filter(([, n]) => n > 0).map(([o]) => o).sort();
  }

  withIdNumber(year: number, idNumber: string): HouseholdEntry[] {
    this.idNumbers ??= this.buildIdNumbers();
    return (this.idNumbers.get(year)?.get(idNumber) ?? []).flatMap((id) => this.byId.get(id) ?? []);
  }

  /** Class by review year of the household `code` of `owner` (records are found by their id). */
  historyOf(owner: string, code: string): Readonly<Record<number, HouseholdClass>> {
    const out: Record<number, HouseholdClass> = {};
    for (const y of this.byYear.keys()) {
      const e = this.byId.get(householdDocId(owner, y, code));
      if (e) out[y] = e.cls;
    }
    return out;
  }

  private entryOf(d: Doc): HouseholdEntry | undefined {
    const x = d.data as Record<string, unknown>;
    const year = x['reviewYear'];
    const code = x['code'];
    if (typeof year !== 'number' || typeof code !== 'string') return undefined;
    // Without a Phiếu B income decides (the fast path of classOfStored); with one, the class and
    // its basis come from one look at the loaded tables.
    let cls: HouseholdClass | undefined;
    let basis: ClassBasis = 'income';
    if (x['phieuB'] === undefined) cls = classOfDoc(x, this.tables.get(), this.standards);
    else {
      const c = storedClassOf(x, this.tables.get(), this.standards);
      cls = c?.class;
      if (c) basis = c.basis;
    }
    if (cls === undefined) return undefined;
    // Every field present from the start keeps entries one shape for the search loop.
    const idNumber = str(x['idNumber']);
    const headName = str(x['headName']);
    return { id: d.id, owner: d.owner, year, code, cls, basis, idNumber, headName, d: x, nameKey: undefined, codeKey: undefined };
  }

  /**
   * The first fill, in one pass over the store's documents: add() for each, without looking up
   * the year's list and the owner's count for every record (they change rarely between records).
   */
  private build(docs: Iterable<Doc>): void {
    let list: YearList | undefined;
    let owner: string | undefined;
    let owned = 0;
    for (const d of docs) {
      if (d.deleted) continue;
      const e = this.entryOf(d);
      if (!e) continue;
      this.byId.set(e.id, e);
      if (list === undefined || list.year !== e.year) {
        list = this.byYear.get(e.year);
        if (!list) this.byYear.set(e.year, (list = newYearList(e.year)));
        list.sorted = false;
      }
      list.entries.push(e);
      list.byClass[e.cls]++;
      if (e.owner !== owner) {
        if (owner !== undefined) this.ownerCount.set(owner, (this.ownerCount.get(owner) ?? 0) + owned);
        owner = e.owner;
        owned = 0;
      }
      owned++;
    }
    if (owner !== undefined) this.ownerCount.set(owner, (this.ownerCount.get(owner) ?? 0) + owned);
  }

  private rebuild(standards: readonly PovertyStandard[]): void {
    this.standards = standards;
    this.byId.clear();
    this.byYear.clear();
    this.ownerCount.clear();
    this.idNumbers = undefined;
    this.build(this.store.values('household'));
    this.version++;
  }

  /** Appends (unsorted); the year is sorted when next listed. */
  private add(d: Doc): HouseholdEntry | undefined {
    const e = this.entryOf(d);
    if (!e) return undefined;
    this.byId.set(e.id, e);
    let list = this.byYear.get(e.year);
    if (!list) this.byYear.set(e.year, (list = newYearList(e.year)));
    list.entries.push(e);
    list.sorted = false;
    list.byClass[e.cls]++;
    this.ownerCount.set(e.owner, (this.ownerCount.get(e.owner) ?? 0) + 1);
    if (this.idNumbers) this.indexIdNumber(this.idNumbers, e);
    return e;
  }

  /** A changed record: into its sorted place. */
  private insert(d: Doc): void {
    const list = this.byYear.get(Number(d.data['reviewYear']));
    const wasSorted = list?.sorted === true;
    const e = this.add(d);
    if (!e || !list || !wasSorted) return;
    list.entries.pop();
    list.entries.splice(this.position(list.entries, e), 0, e);
    list.sorted = true;
  }

  private remove(id: string): void {
    const e = this.byId.get(id);
    if (!e) return;
    this.byId.delete(id);
    const list = this.byYear.get(e.year);
    if (list) {
      const i = list.sorted ? this.position(list.entries, e) : list.entries.indexOf(e);
      if (list.entries[i] === e) list.entries.splice(i, 1);
      else list.entries.splice(list.entries.indexOf(e), 1);
      list.byClass[e.cls]--;
    }
    this.ownerCount.set(e.owner, (this.ownerCount.get(e.owner) ?? 1) - 1);
    const ids = this.idNumbers?.get(e.year)?.get(str(e.d['idNumber']));
    const k = ids ? ids.indexOf(id) : -1;
    if (ids && k >= 0) ids.splice(k, 1);
  }

  private position(list: readonly HouseholdEntry[], e: HouseholdEntry): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(list[mid] as HouseholdEntry, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private buildIdNumbers(): Map<number, Map<string, string[]>> {
    const map = new Map<number, Map<string, string[]>>();
    for (const e of this.byId.values()) this.indexIdNumber(map, e);
    return map;
  }

  private indexIdNumber(map: Map<number, Map<string, string[]>>, e: HouseholdEntry): void {
    let year = map.get(e.year);
    if (!year) map.set(e.year, (year = new Map()));
    const id = str(e.d['idNumber']);
    const ids = year.get(id);
    if (ids) ids.push(e.id);
    else year.set(id, [e.id]);
  }
}
