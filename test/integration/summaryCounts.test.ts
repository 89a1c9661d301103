import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../electron/core/store/store';
import type { Doc } from '../../electron/domain/document';
import { generateHouseholds, nextYearHouseholds, seededRng, type Household } from '../../electron/core/households';
import { householdDocData, householdDocId } from '../../electron/core/households/store/docs';
import { HouseholdSummaryIndex, SUMMARY_COUNTS_FILE, SUMMARY_FILE } from '../../electron/core/households/store/summaryIndex';
import { sampleCommunes, type Commune } from '../../electron/domain/households/communes';
import { SECTORS, type Sector } from '../../electron/domain/households/sector';
import { ScoreTableSchema } from '../../electron/domain/households/scoring';
import { ScoreTables } from '../../electron/core/households/scoring/loaded';
import fixture from '../fixtures/scoring/TEST-ONLY-score-table.json' with { type: 'json' };
import { summaryByDistrict, summaryByDistrictOfRecords } from '../../electron/domain/households/summary';
import { summaryByDistrictOfDigests } from '../../electron/domain/households/summaryDigest';

/**
 * The Sở's table by office made three ways must agree: from every household record (a full
 * scan), from the summary rows kept beside them, and from each office's counts (the digest file
 * a cold process reads instead of 220,000 rows) — after random local saves, deletes and imported
 * versions, an office losing its last household, reopening, a crash in the middle of writing,
 * a damaged counts file, the rebuild command, and an official score table loaded after the
 * counts were read (a Phiếu B then decides a class). Households carry a sector, so the medium
 * band's three columns are compared too. A reopened folder answers from the counts
 * file alone: no household shard, no rows file.
 */

const OFFICES = ['VANQUAN', 'BINHGIA', 'TRANGDINH'] as const;
const YEARS = [2022, 2023, 2024];
/** Years asked: before any record (empty rows), the review years, and the year after (only "poor at the start"). */
const ASKED = [2021, ...YEARS, 2025];

/** Each office's communes with a total of households per year, so the rates are computed too. */
const COMMUNES = new Map<string, Commune[]>(
  OFFICES.map((o, i) => [o, sampleCommunes('VANQUAN').map((c, j) => ({ ...c, totalHouseholds: Object.fromEntries(ASKED.map((y) => [String(y), 900 + 37 * j + 11 * i + (y - 2021) * 5])) }))]),
);

/** Each household's line of work, fixed by its code: the medium band is counted by sector. */
const sectorOf = (code: string): Sector | undefined => {
  const n = [...code].reduce((a, ch) => (a * 31 + ch.charCodeAt(0)) % 1009, 7);
  return n % 4 === 0 ? undefined : SECTORS[n % SECTORS.length];
};

const office = (code: string): { code: string; name: string } => ({ code, name: `Phòng Nội vụ ${code}` });

describe('per-office counts kept beside the summary rows', () => {
  afterEach(() => vi.restoreAllMocks());

  it('give the same table as the rows and as every record, through writes, reopen, crash and rebuild', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-summary-counts-'));
    const rng = seededRng(1507);
    const at = new Date('2024-11-20T03:00:00Z');
    const pool = new Map<string, { owner: string; h: Household }>();
    for (const [i, o] of OFFICES.entries()) {
      let list = generateHouseholds({ seed: 70 + i, count: 90, communes: COMMUNES.get(o) ?? [], reviewYear: YEARS[0] });
      for (const y of YEARS) {
        if (y !== YEARS[0]) list = nextYearHouseholds(list, { seed: 3 * y + i });
        for (const h of list) pool.set(householdDocId(o, h.reviewYear, h.code), { owner: o, h });
      }
    }
    const ids = [...pool.keys()];
    let hlcN = 0;
    const rev = new Map<string, number>();
    /** A version as the office sent it (its own stamp), put as a bundle import does. */
    const imported = (id: string, deleted: boolean): Doc => {
      const { owner, h } = pool.get(id) as { owner: string; h: Household };
      const r = (rev.get(id) ?? 0) + 1;
      rev.set(id, r);
      hlcN++;
      const doc: Doc = {
        id,
        kind: 'household',
        owner,
        rev: r,
        hlc: `${String(1732000000000 + hlcN).padStart(15, '0')}-000000-${owner.toLowerCase().slice(0, 8)}`,
        author: owner.toLowerCase().slice(0, 8),
        // Incomes move up and down, so classes (and the year-over-year columns) change.
        data: householdDocData({ ...h, sector: sectorOf(h.code), incomePerPerson: Math.round(h.incomePerPerson * (0.5 + rng())) }, 'Hoàng Văn Lợi', at) as unknown as Record<string, unknown>,
      };
      if (deleted) doc.deleted = true;
      return doc;
    };

    let store = await Store.open({ dataDir: dir, node: 'so000001', snapshotIntervalMs: 1e12 });
    let index = new HouseholdSummaryIndex(store);
    const round = async (n: number): Promise<void> => {
      const batch: Doc[] = [];
      for (let i = 0; i < n; i++) {
        const id = ids[Math.floor(rng() * ids.length)] as string;
        if (!batch.some((d) => d.id === id)) batch.push(imported(id, rng() < 0.15));
      }
      // A bundle-sized batch, single versions (the log path), and local saves by the Sở itself.
      const cut = Math.floor(batch.length * 0.7);
      await store.putVersions(batch.slice(0, cut));
      for (const d of batch.slice(cut, cut + 20)) await store.putVersions([d]);
      const local = batch.slice(cut + 20);
      await store.write(local.map((d) => ({ id: d.id, kind: 'household' as const, owner: d.owner, data: d.data as never, ...(d.deleted ? { deleted: true } : {}) })));
    };
    /** The three tables of every asked year (the records last: reading them reads the shards). */
    const check = async (): Promise<void> => {
      const digests = await index.digestsByOwner();
      const rows = await index.byOwner();
      await store.ready('household');
      const records = new Map<string, Household[]>();
      for (const d of store.values('household')) if (!d.deleted) records.set(d.owner, [...(records.get(d.owner) ?? []), d.data as unknown as Household]);
      const present = OFFICES.filter((o) => records.has(o));
      expect([...digests.keys()].sort()).toEqual([...present].sort());
      expect([...rows.keys()].sort()).toEqual([...present].sort());
      for (const year of ASKED) {
        const fromRecords = summaryByDistrict(present.map((o) => ({ office: office(o), households: records.get(o) ?? [], communes: COMMUNES.get(o) ?? [] })), { year, tables: ScoreTables.of(store).get() });
        const fromRows = summaryByDistrictOfRecords(present.map((o) => ({ office: office(o), records: rows.get(o) ?? [], communes: COMMUNES.get(o) ?? [] })), { year });
        const fromCounts = summaryByDistrictOfDigests(present.map((o) => ({ office: office(o), digest: digests.get(o) ?? {}, communes: COMMUNES.get(o) ?? [] })), { year });
        expect(fromRows).toEqual(fromRecords);
        expect(fromCounts).toEqual(fromRecords);
        // Not a table of zeros: the year-over-year columns and the rates are in it.
        if (year === 2024) {
          expect(fromRecords.total.escaped + fromRecords.total.newlyPoor).toBeGreaterThan(0);
          expect(fromRecords.total.poorPct).not.toBeNull();
          expect(Math.min(fromRecords.total.medium, fromRecords.total.mediumOtherSector, fromRecords.total.mediumUnknownSector)).toBeGreaterThan(0);
        }
        if (year === 2025) expect(fromRecords.total.poorAtStart).toBeGreaterThan(0);
      }
    };

    await round(250);
    await check(); // first use: rows and counts made from the records
    await round(200);
    await check(); // followed: only the offices written are counted again
    await index.save();
    await store.close();

    // Reopened: the counts come from their file alone, before anything else is read.
    store = await Store.open({ dataDir: dir, node: 'so000001', snapshotIntervalMs: 1e12 });
    index = new HouseholdSummaryIndex(store);
    const read = vi.spyOn(Store.prototype, 'readDerivedSync');
    const cold = await index.digestsByOwner();
    expect(read.mock.calls.map((c) => c[0])).toEqual([SUMMARY_COUNTS_FILE]);
    expect(store.isRead('household')).toBe(false);
    expect([...cold.keys()].sort()).toEqual([...OFFICES].sort());
    read.mockRestore();
    await check();
    await round(150);
    // Trạng Định's every household deleted: its row leaves all three tables.
    const trangDinh = [...store.values('household')].filter((d) => d.owner === 'TRANGDINH' && !d.deleted);
    expect(trangDinh.length).toBeGreaterThan(0);
    await store.write(trangDinh.map((d) => ({ id: d.id, kind: 'household' as const, owner: d.owner, data: d.data as never, deleted: true })));
    await check();
    expect((await index.digestsByOwner()).has('TRANGDINH')).toBe(false);
    await index.save();
    await store.close();

    // A crash after a write began: both files were marked stale before the shards changed, so
    // the next process makes its counts from the records, not from the file of before.
    store = await Store.open({ dataDir: dir, node: 'so000001', snapshotIntervalMs: 1e12 });
    index = new HouseholdSummaryIndex(store);
    await round(150);
    const onDisk = (rel: string): { stale: boolean } => JSON.parse(readFileSync(path.join(dir, rel), 'utf8')) as { stale: boolean };
    expect(onDisk(SUMMARY_COUNTS_FILE).stale).toBe(true);
    expect(onDisk(SUMMARY_FILE).stale).toBe(true);
    await store.close(); // the index is never saved: the process died
    store = await Store.open({ dataDir: dir, node: 'so000001', snapshotIntervalMs: 1e12 });
    index = new HouseholdSummaryIndex(store);
    await check();
    await index.save();
    expect(onDisk(SUMMARY_COUNTS_FILE).stale).toBe(false);
    await store.close();

    // A damaged counts file is only a cache: made again from the rows.
    writeFileSync(path.join(dir, SUMMARY_COUNTS_FILE), '{"format":1,"owners":');
    store = await Store.open({ dataDir: dir, node: 'so000001', snapshotIntervalMs: 1e12 });
    index = new HouseholdSummaryIndex(store);
    await check();
    // The rebuild command remakes both files from the records.
    expect(await index.rebuild()).toBeGreaterThan(300);
    await check();
    await store.close();
    store = await Store.open({ dataDir: dir, node: 'so000001', snapshotIntervalMs: 1e12 });
    index = new HouseholdSummaryIndex(store);
    expect(onDisk(SUMMARY_COUNTS_FILE).stale).toBe(false);
    await check();

    // An official score table loaded: a household answered on its Phiếu B moves from "above"
    // (by income) to poor; the counts read from their file this session are made again.
    const table = { ...ScoreTableSchema.parse(fixture), testOnly: false };
    const [one] = generateHouseholds({ seed: 99, count: 1, communes: COMMUNES.get('BINHGIA') ?? [], reviewYear: 2024 });
    if (!one) throw new Error('no household');
    const phieuB: Household = { ...one, code: 'BG-PB-0001', area: 'rural', incomePerPerson: 5_000_000, deprived: ['water', 'sanitation', 'telecom'], sector: 'agriculture', standardId: 'nd07-2021', phieuB: { table: `scoreTable:SO:${table.id}`, answers: { Q1: '2', Q2: 'khong', Q3: 'tam' } } };
    pool.set(householdDocId('BINHGIA', 2024, phieuB.code), { owner: 'BINHGIA', h: phieuB });
    const pb = imported(householdDocId('BINHGIA', 2024, phieuB.code), false);
    await store.putVersions([{ ...pb, data: householdDocData(phieuB, 'Hoàng Văn Lợi', at) as unknown as Record<string, unknown> }]);
    await index.save();
    await store.close();
    store = await Store.open({ dataDir: dir, node: 'so000001', snapshotIntervalMs: 1e12 });
    index = new HouseholdSummaryIndex(store);
    const before = (await index.digestsByOwner()).get('BINHGIA')?.['2024'];
    await store.write([{ id: `scoreTable:SO:${table.id}`, kind: 'scoreTable', owner: 'SO', data: { table, fileName: 'bang-diem.xlsx', importedAt: at.toISOString(), importedBy: 'Nông Thị Hạnh' } }]);
    const after = (await index.digestsByOwner()).get('BINHGIA')?.['2024'];
    expect((after?.rural.poor ?? 0) - (before?.rural.poor ?? 0)).toBe(1);
    await check();
    await store.close();
  }, 180_000);
});
