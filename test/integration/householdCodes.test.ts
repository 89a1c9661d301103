import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHouseholds, sampleCommunes, writeHouseholdWorkbook, type Household } from '../../electron/core/households';
import { vanQuanWithCommunes, type Office } from './twoOffices';

const communes = sampleCommunes('VANQUAN');
let vq: Office;

beforeAll(async () => {
  vq = await vanQuanWithCommunes();
});
afterAll(async () => {
  await vq.core.close();
});

/** A list without household codes (the "Mã hộ" cells left empty), as many communes send it. */
async function withoutCodes(households: readonly Household[]): Promise<string> {
  const overrides = households.map((_, index) => ({ index, field: 'code' as const, value: null }));
  return (await writeHouseholdWorkbook(households, { communes, overrides })).buffer.toString('base64');
}

async function importAll(base64: string, year: number): Promise<void> {
  const preview = await vq.call('households.import.preview', { base64, fileName: `ds-${year}.xlsx`, year });
  expect(preview.counts.invalid).toBe(0);
  await vq.call('households.import.commit', { token: preview.token });
}

describe('mã hộ khi danh sách không có cột mã', () => {
  it('gives codes without the ID number, keeps them the next year and on re-import', async () => {
    const hs2024 = generateHouseholds({ seed: 12, count: 20, communes, reviewYear: 2024 });
    await importAll(await withoutCodes(hs2024), 2024);
    const rows = (await vq.call('households.list', { year: 2024, limit: 100 })).rows;
    expect(rows).toHaveLength(20);
    for (const r of rows) expect(r.code).toMatch(new RegExp(`^${r.communeCode}-2024-\\d{4}$`));
    const docs = vq.core.context.store.list('household');
    for (const d of docs) expect(d.id).not.toContain(String(d.data['idNumber']));

    // The same heads in 2025: their records carry the 2024 codes, so the years stay linked.
    const hs2025 = hs2024.map((h) => ({ ...h, reviewYear: 2025 }));
    await importAll(await withoutCodes(hs2025), 2025);
    const codes2024 = new Map(docs.map((d) => [String(d.data['idNumber']), String(d.data['code'])]));
    const docs2025 = vq.core.context.store.list('household').filter((d) => d.data['reviewYear'] === 2025);
    expect(docs2025).toHaveLength(20);
    for (const d of docs2025) expect(d.data['code']).toBe(codes2024.get(String(d.data['idNumber'])));

    // Importing the 2025 list again updates, never doubles.
    await importAll(await withoutCodes(hs2025), 2025);
    expect(vq.core.context.store.list('household').filter((d) => !d.deleted)).toHaveLength(40);
  });

  it('a household saved from the form with a blank code gets one without personal data', async () => {
    const [h] = generateHouseholds({ seed: 99, count: 1, communes, reviewYear: 2026 });
    if (!h) throw new Error('no household');
    const saved = await vq.call('households.save', { household: { ...h, code: '', standardId: 'nd07-2021' } });
    expect(saved.household.code).toBe(`${h.communeCode}-2026-0001`);
    expect(saved.household.code).not.toContain(h.idNumber);
  });
});

describe('mã hộ cũ chứa số CCCD', () => {
  it('are moved once to <commune>-<year>-<0001>, the same code in every year, and not again', async () => {
    const { householdDocData, householdDocId } = await import('../../electron/core/households/store/docs');
    const [h] = generateHouseholds({ seed: 404, count: 1, communes, reviewYear: 2023 });
    if (!h) throw new Error('no household');
    const old = `${h.communeCode}-${h.idNumber}`;
    const at = new Date('2024-01-10T03:00:00Z');
    const store = vq.core.context.store;
    // Records as the earlier versions wrote them: the code (and so the id) shows the CCCD.
    await store.write(
      [2023, 2024].map((y) => ({
        id: householdDocId('VANQUAN', y, old),
        kind: 'household' as const,
        owner: 'VANQUAN',
        data: householdDocData({ ...h, code: old, reviewYear: y, standardId: 'nd07-2021' }, 'Hoàng Thị Lan', at),
      })),
    );
    await vq.call('households.meta', {});
    const live = store.list('household').filter((d) => !d.deleted && d.data['idNumber'] === h.idNumber);
    expect(live.map((d) => d.data['code'])).toEqual([`${h.communeCode}-2023-0001`, `${h.communeCode}-2023-0001`]);
    for (const d of live) expect(d.id).not.toContain(h.idNumber);
    expect(store.get(householdDocId('VANQUAN', 2023, old))?.deleted).toBe(true);
    // The years stay linked: 2024's record knows its 2023 class.
    const rec2024 = live.find((d) => d.data['reviewYear'] === 2024);
    expect((await vq.call('households.get', { id: rec2024?.id ?? '' })).previousClass).not.toBeNull();

    // Idempotent: a new session's first read moves nothing more.
    const revs = live.map((d) => d.rev);
    const { migrateHouseholdCodes } = await import('../../electron/core/households/store/migrateCodes');
    expect(await migrateHouseholdCodes(vq.core.context)).toBe(0);
    expect(store.list('household').filter((d) => !d.deleted && d.data['idNumber'] === h.idNumber).map((d) => d.rev)).toEqual(revs);
  });
});
