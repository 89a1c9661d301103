import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHouseholds, sampleCommunes } from '../../electron/core/households';
import { scoreTableWorkbook } from '../../electron/core/households/scoring/workbook';
import { ScoreTableSchema } from '../../electron/domain/households/scoring';
import fixture from '../fixtures/scoring/TEST-ONLY-score-table.json' with { type: 'json' };
import { openOffice, vanQuanWithCommunes, type Office } from './twoOffices';

/**
 * A district office fills Phiếu B against the TEST-ONLY table: the class stays by income. Then a
 * table marked official is loaded under the same id (the made-up test values with testOnly off,
 * standing in for the ministry's file, which the repo does not have): the record's class, the
 * list's counts and the summary follow the score at once, with no record rewritten; after a
 * reopen too (the summary rows file was made under other rules and is rebuilt).
 */

const TEST_TABLE = ScoreTableSchema.parse(fixture);
let vq: Office;

beforeAll(async () => {
  vq = await vanQuanWithCommunes();
});
afterAll(async () => {
  await vq.core.close();
});

describe('phân loại theo điểm Phiếu B hay theo thu nhập', () => {
  it('follows the score once an official table is loaded, everywhere, and income before', async () => {
    const load = async (testOnly: boolean) =>
      vq.call('households.scoring.importXlsx', { base64: (await scoreTableWorkbook({ table: { ...TEST_TABLE, testOnly } })).toString('base64'), fileName: 'bang-diem.xlsx' });
    const test = await load(true);
    const [h] = generateHouseholds({ seed: 21, count: 1, communes: sampleCommunes('VANQUAN'), reviewYear: 2025 });
    if (!h) throw new Error('no household');
    // Income 5.000.000 đ is above every line; the answers give B1 40 = the rural poverty threshold.
    const saved = await vq.call('households.save', {
      household: {
        ...h,
        code: '',
        area: 'rural',
        incomePerPerson: 5_000_000,
        deprived: ['water', 'sanitation', 'telecom'],
        sector: 'agriculture',
        standardId: 'nd07-2021',
        phieuB: { table: test.docId, answers: { Q1: '2', Q2: 'khong', Q3: 'tam' } },
      },
    });
    expect(saved).toMatchObject({ class: 'above', classBasis: 'income' });
    expect(saved.household.phieuB?.class).toBe('poor'); // shown beside, not deciding
    // The list's "Căn cứ phân loại" column comes with its rows.
    expect((await vq.call('households.list', { year: 2025, filter: {}, offset: 0, limit: 50 })).rows[0]).toMatchObject({ class: 'above', classBasis: 'income' });
    expect((await vq.call('households.summary', { year: 2025 })).summary.total).toMatchObject({ poor: 0, above: 1 });

    const official = await load(false);
    expect(official.docId).toBe(test.docId);
    expect(await vq.call('households.get', { id: saved.id })).toMatchObject({ class: 'poor', classBasis: 'phieuB' });
    const page = await vq.call('households.list', { year: 2025, filter: {}, offset: 0, limit: 50 });
    expect(page.byClass).toMatchObject({ poor: 1, above: 0 });
    expect(page.rows[0]).toMatchObject({ class: 'poor', classBasis: 'phieuB' });
    expect((await vq.call('households.summary', { year: 2025 })).summary.total).toMatchObject({ poor: 1, above: 0 });

    // Reopened: the summary rows saved at close were made with the official table.
    await vq.core.close();
    vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan', { dataDir: vq.dataDir });
    expect((await vq.call('households.list', { year: 2025, filter: {}, offset: 0, limit: 50 })).rows[0]).toMatchObject({ class: 'poor', classBasis: 'phieuB' });
    expect((await vq.call('households.summary', { year: 2025 })).summary.total).toMatchObject({ poor: 1, above: 0 });

    // Marked test-only again: income decides again.
    await load(true);
    expect(await vq.call('households.get', { id: saved.id })).toMatchObject({ class: 'above', classBasis: 'income' });
    expect((await vq.call('households.list', { year: 2025, filter: {}, offset: 0, limit: 50 })).rows[0]).toMatchObject({ class: 'above', classBasis: 'income' });
    expect((await vq.call('households.summary', { year: 2025 })).summary.total).toMatchObject({ poor: 0, above: 1 });
  }, 120_000);
});
