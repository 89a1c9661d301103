import path from 'node:path';
import type { Doc } from '../../../domain/document';
import { CLASSIFY_RULE_VERSION, classOfStored, classStamp, NO_TABLES, type LoadedTables } from '../../../domain/households/classOf';
import { isEthnicMinority } from '../../../domain/households/household';
import { SECTORS, type Sector } from '../../../domain/households/sector';
import { ScoreTables } from '../scoring/loaded';
import { STANDARDS } from '../../../domain/households/standards';
import type { HouseholdClass, PovertyStandard } from '../../../domain/households/standards/schema';
import { standardsOf } from '../standards/inStore';
import type { SummaryRecord } from '../../../domain/households/summary';
import { DB_DIR } from '../../store/layout';
import type { Store } from '../../store/store';

/**
 * What the summary table needs of every household record (office, year, code, commune, area,
 * class, minority, merit, sector: see SummaryRecord), kept beside the shards in
 * db/household/_summary.json and followed on every write and import, so the summary, the
 * dashboard and the office list are made without reading a single household.
 *
 * Crash safety without touching the store's write path: before the first household write after
 * the file was saved, the file is rewritten as "stale" (durably, before the shards change);
 * it is saved whole again at close. A file found stale, missing, or made by other rules (class
 * rule version, standards, the official score tables loaded) is rebuilt from the records on first use (`rebuild`), which is
 * also what `so-viec households rebuild-summaries` does.
 */

export const SUMMARY_FILE = path.join(DB_DIR, 'household', '_summary.json');
/** 2: rows carry the sector (the medium-living list counts only nông, lâm, ngư, diêm nghiệp). */
const FORMAT = 2;
const CLASSES: readonly HouseholdClass[] = ['poor', 'nearPoor', 'medium', 'above'];

/** [owner, year, code, commune, urban 0|1, class index, minority 0|1, merit 0|1, sector ('' = not recorded)] */
type Row = [string, number, string, string, 0 | 1, number, 0 | 1, 0 | 1, Sector | ''];

/**
 * Which rules made the classes in the file: a new rule version, a standard shipped, sent by the
 * Sở or replaced by it (the folder's standards, standards/inStore.ts), or an official score
 * table (one may decide the class of records with a Phiếu B) means rebuild.
 */
function rulesOf(tables: ScoreTables, standards: readonly PovertyStandard[]): string {
  return `${CLASSIFY_RULE_VERSION}:${standards.map(classStamp).join(',')}|${tables.officialKey()}`;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The row of a stored household version; undefined for a deleted one or one that is not a record. */
const sectorOf = (v: unknown): Sector | '' => (typeof v === 'string' && (SECTORS as readonly string[]).includes(v) ? (v as Sector) : '');

/** The row of a stored household version; undefined for a deleted one or one that is not a record. */
export function summaryRowOf(d: Doc, tables: LoadedTables = NO_TABLES, standards: readonly PovertyStandard[] = STANDARDS): Row | undefined {
  if (d.kind !== 'household' || d.deleted) return undefined;
  const data = d.data;
  const cls = classOfStored(data, standards, tables);
  const year = data['reviewYear'];
  if (cls === undefined || typeof year !== 'number') return undefined;
  const area = data['area'] === 'urban' ? 1 : 0;
  return [d.owner, year, str(data['code']), str(data['communeCode']), area, CLASSES.indexOf(cls), isEthnicMinority(str(data['ethnicity'])) ? 1 : 0, data['merit'] === true ? 1 : 0, sectorOf(data['sector'])];
}

function recordOf(r: Row): SummaryRecord {
  const sector = r[8] === '' ? {} : { sector: r[8] };
  return { code: r[2], reviewYear: r[1], communeCode: r[3], area: r[4] ? 'urban' : 'rural', cls: CLASSES[r[5]] as HouseholdClass, minority: r[6] === 1, merit: r[7] === 1, ...sector };
}

export class HouseholdSummaryIndex {
  private rows: Map<string, Row> | null = null;
  /** What the file on disk says: stale once a write began after it was saved. */
  private disk: 'unknown' | 'saved' | 'stale' = 'unknown';
  /** Rows changed since the file was saved. */
  private changed = false;

  private readonly tables: ScoreTables;
  /** The standards the rows were classified with. */
  private standards: readonly PovertyStandard[] = STANDARDS;

  constructor(private readonly store: Store) {
    this.tables = ScoreTables.of(store);
    store.onBeforeWrite((docs) => this.beforeWrite(docs));
    store.onChange((docs) => {
      if (ScoreTables.touched(docs)) {
        // A score table may decide classes: the rows (and the file, by its rules) are made again.
        this.tables.changed();
        if (this.rows) {
          this.rows = null;
          this.disk = 'unknown';
        }
        return;
      }
      if (!this.rows) return;
      if (standardsOf(store) !== this.standards) {
        // Another standard: every row's class may move. Made again on next use (the file's
        // rules no longer match, so it is not read back either).
        this.rows = null;
        if (this.disk === 'saved') this.disk = 'unknown';
        return;
      }
      for (const d of docs) {
        if (d.kind !== 'household') continue;
        const row = summaryRowOf(d, this.tables.get(), this.standards);
        if (row) this.rows.set(d.id, row);
        else this.rows.delete(d.id);
        this.changed = true;
      }
    });
  }

  /** The rows from the file when it is current; null when it must be rebuilt. */
  private readFile(): Map<string, Row> | null {
    // Sealed like the shards (it names households' codes and classes): store.readDerivedSync.
    const text = this.store.readDerivedSync(SUMMARY_FILE);
    if (text === null) return null;
    try {
      const parsed = JSON.parse(text) as { format?: number; rules?: string; stale?: boolean; rows?: Record<string, Row> };
      const standards = standardsOf(this.store);
      if (parsed.format !== FORMAT || parsed.rules !== rulesOf(this.tables, standards) || parsed.stale !== false || !parsed.rows) return null;
      this.standards = standards;
      return new Map(Object.entries(parsed.rows));
    } catch {
      return null; // a damaged file is only a cache: rebuilt from the records
    }
  }

  private async beforeWrite(docs: readonly Doc[]): Promise<void> {
    if (!docs.some((d) => d.kind === 'household')) return;
    if (!this.rows) {
      // A household write has the households read already (the store reads a kind before
      // writing it), so rows missing from the file are made now, in one pass, and saved at
      // close: the next process answers the summary from the file.
      const fromFile = this.disk === 'unknown' ? this.readFile() : null;
      this.rows = fromFile ?? this.scan();
      this.disk = fromFile ? 'saved' : 'stale';
      if (!fromFile) this.changed = true;
    }
    if (this.disk === 'saved') {
      await this.store.writeDerived(SUMMARY_FILE, JSON.stringify({ format: FORMAT, rules: rulesOf(this.tables, this.standards), stale: true }));
      this.disk = 'stale';
    }
  }

  /** Recomputes every row from the records (reads the households) and saves the file. */
  async rebuild(): Promise<number> {
    await this.store.ready('household');
    const rows = this.scan();
    this.rows = rows;
    this.changed = true;
    await this.save();
    return rows.size;
  }

  private scan(): Map<string, Row> {
    const rows = new Map<string, Row>();
    const tables = this.tables.get();
    this.standards = standardsOf(this.store);
    for (const d of this.store.values('household')) {
      const row = summaryRowOf(d, tables, this.standards);
      if (row) rows.set(d.id, row);
    }
    return rows;
  }

  private async current(): Promise<Map<string, Row>> {
    if (this.rows) return this.rows;
    const fromFile = this.disk === 'unknown' ? this.readFile() : null;
    if (fromFile) {
      this.rows = fromFile;
      this.disk = 'saved';
      return fromFile;
    }
    await this.rebuild();
    return this.rows ?? new Map();
  }

  /** Records by owning office (every year: earlier ones give the year-over-year changes). */
  async byOwner(): Promise<Map<string, SummaryRecord[]>> {
    const out = new Map<string, SummaryRecord[]>();
    for (const r of (await this.current()).values()) {
      let list = out.get(r[0]);
      if (!list) out.set(r[0], (list = []));
      list.push(recordOf(r));
    }
    return out;
  }

  /** Saves the rows when they changed since the last save (at close; after a rebuild). */
  async save(): Promise<void> {
    if (!this.rows || (!this.changed && this.disk === 'saved')) return;
    // A read-only folder keeps the rows in memory only: the file is a cache, made again later.
    if (this.store.readOnly) return;
    await this.store.idle();
    await this.store.writeDerived(SUMMARY_FILE, JSON.stringify({ format: FORMAT, rules: rulesOf(this.tables, this.standards), stale: false, rows: Object.fromEntries(this.rows) }));
    this.disk = 'saved';
    this.changed = false;
  }
}
