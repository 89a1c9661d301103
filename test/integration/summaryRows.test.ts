import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../electron/core';
import type { SummaryView } from '../../electron/contract/households';
import type { Doc } from '../../electron/domain/document';
import { generateHouseholds, nextYearHouseholds, sampleCommunes, seededRng, type Household } from '../../electron/core/households';
import { householdDocData, householdDocId } from '../../electron/core/households/store/docs';
import { SUMMARY_FILE } from '../../electron/core/households/store/summaryIndex';
import { folderCipher } from './folderKey';
import { summaryByDistrict } from '../../electron/domain/households/summary';

/**
 * The summary rows kept beside the records (summaryIndex.ts) against the table made from every
 * record, after random saves, deletes and imported versions of two offices, at the Sở (one row
 * per office) — in the same session, after reopening (the saved file), and after a crash that
 * left the file stale (rebuilt). The summary must never read a household to answer.
 */

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const r = await core.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** The table from a full scan of the records, as main made it before the rows existed. */
function fullScan(core: Core, year: number): SummaryView['summary'] {
  const byOwner = new Map<string, Household[]>();
  for (const d of core.context.store.values('household')) {
    if (d.deleted) continue;
    byOwner.set(d.owner, [...(byOwner.get(d.owner) ?? []), d.data as unknown as Household]);
  }
  // Offices in the order of the organisation tree, as the Sở's table lists them.
  const codes = core.context.profile().units.map((u) => u.code).filter((c) => byOwner.has(c));
  return summaryByDistrict(
    codes.map((code) => ({ office: { code, name: core.context.unit(code)?.district ?? core.context.unit(code)?.shortName ?? code }, households: byOwner.get(code) ?? [] })),
    { year },
  );
}

const YEARS = [2022, 2023, 2024];
const SECTOR_CYCLE = ['agriculture', 'forestry', 'other', 'fishery', undefined] as const;
const OFFICES = ['VANQUAN', 'BINHGIA'] as const;

describe('summary rows kept beside the household records', () => {
  it('equal a full scan after random saves, deletes and imports, across reopen and a crash', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-summary-'));
    let core = await openCore({ dataDir: dir });
    await call(core, 'app.setup', { profileId: 'lang-son-2022', role: 'so', officeCode: 'SO', officerName: 'Nông Thị Hạnh' });
    const rng = seededRng(2024);
    const at = new Date('2024-11-20T03:00:00Z');
    // Each office's households over three review years (codes carry over, classes change).
    const pool = new Map<string, { owner: string; h: Household }>();
    for (const [i, office] of OFFICES.entries()) {
      let year = generateHouseholds({ seed: 40 + i, count: 120, communes: sampleCommunes(office), reviewYear: YEARS[0] });
      for (const y of YEARS) {
        if (y !== YEARS[0]) year = nextYearHouseholds(year, { seed: y + i });
        // Ngành nghề of each household (a fifth not recorded): "mức sống trung bình" counts only
        // nông, lâm, ngư, diêm nghiệp, so the rows must carry it.
        for (const [k, h] of year.entries()) {
          const sector = SECTOR_CYCLE[k % SECTOR_CYCLE.length];
          const { sector: _s, ...rest } = h;
          pool.set(householdDocId(office, h.reviewYear, h.code), { owner: office, h: sector ? { ...rest, sector } : rest });
        }
      }
    }
    const ids = [...pool.keys()];
    let hlcN = 0;
    /** A version as an office would have sent it (its own stamp, rev), put as an import does. */
    const version = (id: string, deleted: boolean, rev: number): Doc => {
      const { owner, h } = pool.get(id) as { owner: string; h: Household };
      hlcN++;
      const doc: Doc = {
        id,
        kind: 'household',
        owner,
        rev,
        hlc: `${String(1732000000000 + hlcN).padStart(15, '0')}-000000-${owner.toLowerCase().slice(0, 8)}`,
        author: owner.toLowerCase(),
        data: householdDocData({ ...h, incomePerPerson: deleted ? h.incomePerPerson : Math.round(h.incomePerPerson * (0.5 + rng())) }, 'Hoàng Văn Lợi', at) as unknown as Record<string, unknown>,
      };
      if (deleted) doc.deleted = true;
      return doc;
    };
    const rev = new Map<string, number>();
    const round = async (n: number): Promise<void> => {
      // A bundle-sized batch, then single versions (the log path), some deletes among them.
      const batch: Doc[] = [];
      for (let i = 0; i < n; i++) {
        const id = ids[Math.floor(rng() * ids.length)] as string;
        if (batch.some((d) => d.id === id)) continue;
        const r = (rev.get(id) ?? 0) + 1;
        rev.set(id, r);
        batch.push(version(id, rng() < 0.15, r));
      }
      await core.context.store.putVersions(batch.slice(0, Math.floor(batch.length * 0.8)));
      for (const d of batch.slice(Math.floor(batch.length * 0.8))) await core.context.store.putVersions([d]);
    };
    const check = async (): Promise<void> => {
      for (const year of YEARS) {
        const view = await call<SummaryView>(core, 'households.summary', { year });
        expect(view.summary).toEqual(fullScan(core, year));
        expect(view.summary.total.total).toBeGreaterThan(0);
        // Every sector case occurs, so equality above covers the sector in the rows.
        expect(view.summary.total.medium).toBeGreaterThan(0);
        expect(view.summary.total.mediumOtherSector).toBeGreaterThan(0);
        expect(view.summary.total.mediumUnknownSector).toBeGreaterThan(0);
      }
    };

    await round(500);
    await check(); // first use: the rows are built, then followed
    await round(300);
    await check();
    await core.close();

    // Reopened: the rows come from the file; no household is read to answer.
    core = await openCore({ dataDir: dir });
    const view = await call<SummaryView>(core, 'households.summary', { year: 2024 });
    expect(core.context.store.isRead('household')).toBe(false);
    expect(view.summary.rows.map((r) => r.key).sort()).toEqual([...OFFICES].sort());
    await round(200);
    await check();
    await core.close();

    // A crash after a write began: the file says stale, so the rows are rebuilt from the records.
    // The file is sealed with the folder's data key (it names households' codes and classes).
    const cipher = await folderCipher(dir);
    const saved = JSON.parse(cipher.open(SUMMARY_FILE, readFileSync(path.join(dir, SUMMARY_FILE))).toString('utf8')) as { stale: boolean; rows: Record<string, unknown> };
    expect(saved.stale).toBe(false);
    // The file's rows carry the sector ('' where not recorded).
    const sectorsInFile = new Set(Object.values(saved.rows).map((r) => (r as unknown[])[8]));
    expect([...sectorsInFile].sort()).toEqual(['', 'agriculture', 'fishery', 'forestry', 'other']);
    const someId = Object.keys(saved.rows)[0] as string;
    delete saved.rows[someId];
    writeFileSync(path.join(dir, SUMMARY_FILE), cipher.seal(SUMMARY_FILE, JSON.stringify({ ...saved, stale: true })));
    core = await openCore({ dataDir: dir });
    await check();
    // The rebuild command gives the same table.
    const r = await call<{ records: number }>(core, 'households.summaries.rebuild', {});
    expect(r.records).toBeGreaterThan(300);
    await check();
    await core.close();
  }, 120_000);
});
