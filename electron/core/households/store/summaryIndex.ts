import path from 'node:path';
import { z } from 'zod';
import type { Doc } from '../../../domain/document';
import { CLASSIFY_RULE_VERSION, classOfStored, classStamp, NO_TABLES, type LoadedTables } from '../../../domain/households/classOf';
import { isEthnicMinority } from '../../../domain/households/household';
import { SECTORS, type Sector } from '../../../domain/households/sector';
import { ScoreTables } from '../scoring/loaded';
import { STANDARDS } from '../../../domain/households/standards';
import type { HouseholdClass, PovertyStandard } from '../../../domain/households/standards/schema';
import { standardsOf } from '../standards/inStore';
import { SUMMARY_COUNT_KEYS, type SummaryCounts, type SummaryRecord } from '../../../domain/households/summary';
import { officeDigest, type OfficeDigest } from '../../../domain/households/summaryDigest';
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
 *
 * Beside the rows, db/household/_summary_counts.json holds each office's counts per year and
 * area (domain officeDigest): the Sở's table by office is a sum of those, so a cold process
 * answers it from a file of a few kilobytes instead of one row per household of the province
 * (220,000 rows: 2.6 s to read, open and parse). The digest of an office is remade from its
 * rows whenever a write touched it (the rows are in memory then), and saved at close with the
 * rows; it follows the same crash rule (stale before the first household write) and the same
 * rules stamp, plus the list of counted columns.
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

export const SUMMARY_COUNTS_FILE = path.join(DB_DIR, 'household', '_summary_counts.json');
const COUNTS_FORMAT = 1;
/** The rows' rules and format, and the counted columns: a digest of other columns is stale. */
const countsRulesOf = (tables: ScoreTables, standards: readonly PovertyStandard[]): string => `${rulesOf(tables, standards)}|rows:${FORMAT}|${SUMMARY_COUNT_KEYS.join(',')}`;

// Every counted column, no other (an enum-keyed record is exhaustive and refuses unknown keys).
const countsSchema: z.ZodType<SummaryCounts> = z.record(z.enum(SUMMARY_COUNT_KEYS), z.number().int().nonnegative());
const countsFileSchema = z.object({
  format: z.literal(COUNTS_FORMAT),
  rules: z.string(),
  stale: z.literal(false),
  owners: z.record(z.string(), z.record(z.string().regex(/^\d{4}$/), z.object({ rural: countsSchema, urban: countsSchema }).strict())),
});

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
  /**
   * Each office's digest. With the rows in memory it is made from them: null means "make every
   * office's", and `dirtyOwners` lists the offices a write touched since theirs was made.
   */
  private digests: Map<string, OfficeDigest> | null = null;
  private readonly dirtyOwners = new Set<string>();
  private countsDisk: 'unknown' | 'saved' | 'stale' = 'unknown';
  private countsChanged = false;
  /** The standards the digests read from their file were made with (a standard sent since drops them). */
  private digestStandards: readonly PovertyStandard[] | null = null;

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
        // The digests too: their file's stamp names the tables, so it is read again and found stale.
        this.digests = null;
        this.dirtyOwners.clear();
        this.countsDisk = 'unknown';
        return;
      }
      if (!this.rows) return;
      if (standardsOf(store) !== this.standards) {
        // Another standard: every row's class may move. Made again on next use (the file's
        // rules no longer match, so it is not read back either).
        this.rows = null;
        if (this.disk === 'saved') this.disk = 'unknown';
        this.digests = null;
        this.dirtyOwners.clear();
        return;
      }
      for (const d of docs) {
        if (d.kind !== 'household') continue;
        const row = summaryRowOf(d, this.tables.get(), this.standards);
        if (row) this.rows.set(d.id, row);
        else this.rows.delete(d.id);
        this.changed = true;
        this.dirtyOwners.add(d.owner);
        this.countsChanged = true;
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
      // Digests read from their file are kept only beside rows from theirs (saved together,
      // under the same standards).
      if (!fromFile || this.digestStandards !== this.standards) this.digests = null;
    }
    if (this.disk === 'saved') {
      await this.store.writeDerived(SUMMARY_FILE, JSON.stringify({ format: FORMAT, rules: rulesOf(this.tables, this.standards), stale: true }));
      this.disk = 'stale';
    }
    if (this.countsDisk !== 'stale') {
      // Whether or not this process read it: a current file must not outlive the write.
      await this.store.writeDerived(SUMMARY_COUNTS_FILE, JSON.stringify({ format: COUNTS_FORMAT, rules: countsRulesOf(this.tables, this.standards), stale: true }));
      this.countsDisk = 'stale';
    }
  }

  /** The digests from their file when it is current; null when they must be made from the rows. */
  private readCountsFile(): Map<string, OfficeDigest> | null {
    const text = this.store.readDerivedSync(SUMMARY_COUNTS_FILE);
    if (text === null) return null;
    try {
      const parsed = countsFileSchema.safeParse(JSON.parse(text));
      const standards = standardsOf(this.store);
      if (!parsed.success || parsed.data.rules !== countsRulesOf(this.tables, standards)) return null;
      this.digestStandards = standards;
      return new Map(Object.entries(parsed.data.owners));
    } catch {
      return null; // damaged: only a cache
    }
  }

  /** Remakes the digests of the offices whose rows changed (all of them when none is made). */
  private digestsFromRows(rows: Map<string, Row>): Map<string, OfficeDigest> {
    const all = this.digests === null;
    const digests = this.digests ?? new Map<string, OfficeDigest>();
    if (!all && this.dirtyOwners.size === 0) return digests;
    const records = new Map<string, SummaryRecord[]>();
    for (const r of rows.values()) {
      if (!all && !this.dirtyOwners.has(r[0])) continue;
      let list = records.get(r[0]);
      if (!list) records.set(r[0], (list = []));
      list.push(recordOf(r));
    }
    // An office whose last household went away has no digest (and no row in the table).
    for (const owner of all ? [] : this.dirtyOwners) if (!records.has(owner)) digests.delete(owner);
    for (const [owner, list] of records) digests.set(owner, officeDigest(list));
    this.digests = digests;
    this.digestStandards = this.standards;
    this.dirtyOwners.clear();
    return digests;
  }

  /**
   * Each office's counts per year and area (the Sở's table by office): from the rows when they
   * are in memory, else from the digest file when it is current — no row and no household is
   * read then — else from the rows (read or rebuilt), saved at close.
   */
  async digestsByOwner(): Promise<Map<string, OfficeDigest>> {
    if (this.rows) return this.digestsFromRows(this.rows);
    if (this.digests && this.digestStandards === standardsOf(this.store)) return this.digests;
    this.digests = null;
    if (this.countsDisk === 'unknown') {
      const fromFile = this.readCountsFile();
      this.countsDisk = fromFile ? 'saved' : 'stale';
      if (fromFile) return (this.digests = fromFile);
    }
    // The rows (from their file, or rebuilt and saved with fresh digests): made here if needed.
    const rows = await this.current();
    if (this.countsDisk !== 'saved') this.countsChanged = true;
    return this.digestsFromRows(rows);
  }

  /** Recomputes every row from the records (reads the households) and saves the file. */
  async rebuild(): Promise<number> {
    await this.store.ready('household');
    const rows = this.scan();
    this.rows = rows;
    this.changed = true;
    this.digests = null;
    this.countsChanged = true;
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

  /**
   * Saves the rows, then the digests, when they changed since the last save (at close; after a
   * rebuild). The digests go second: a crash between the two leaves them stale, never ahead.
   */
  async save(): Promise<void> {
    // A read-only folder keeps the rows in memory only: the file is a cache, made again later.
    if (this.store.readOnly) return;
    if (this.rows && (this.changed || this.disk !== 'saved')) {
      await this.store.idle();
      await this.store.writeDerived(SUMMARY_FILE, JSON.stringify({ format: FORMAT, rules: rulesOf(this.tables, this.standards), stale: false, rows: Object.fromEntries(this.rows) }));
      this.disk = 'saved';
      this.changed = false;
    }
    if (this.rows && this.disk === 'saved' && this.countsChanged) {
      const digests = this.digestsFromRows(this.rows);
      await this.store.writeDerived(SUMMARY_COUNTS_FILE, JSON.stringify({ format: COUNTS_FORMAT, rules: countsRulesOf(this.tables, this.standards), stale: false, owners: Object.fromEntries(digests) }));
      this.countsDisk = 'saved';
      this.countsChanged = false;
    }
  }
}
