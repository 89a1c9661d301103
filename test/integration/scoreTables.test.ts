import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHouseholds, sampleCommunes } from '../../electron/core/households';
import { readScoreTableWorkbook, scoreTableWorkbook } from '../../electron/core/households/scoring/workbook';
import { loadWorkbook, workbookBuffer } from '../../electron/core/files/xlsx';
import { ScoreTableSchema } from '../../electron/domain/households/scoring';
import fixture from '../fixtures/scoring/TEST-ONLY-score-table.json' with { type: 'json' };
import { vanQuanWithCommunes, type Office } from './twoOffices';

const table = ScoreTableSchema.parse(fixture);
let vq: Office;

beforeAll(async () => {
  vq = await vanQuanWithCommunes();
});
afterAll(async () => {
  await vq.core.close();
});

describe('bảng điểm Phiếu B từ Excel', () => {
  it('the template names the standard’s lines and round-trips a whole table', async () => {
    const template = await vq.call('households.scoring.template', { year: 2025 });
    const wb = await loadWorkbook(Buffer.from(template.base64, 'base64'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thông tin', 'Câu hỏi B1', 'Ngưỡng']);
    const lines = wb.getWorksheet('Ngưỡng')?.getColumn(2).values.slice(2);
    expect(lines).toEqual(['poverty', 'medium', 'poverty', 'medium']);
    // The blank template is not a table yet: loading it says what is missing, where.
    await expect(vq.call('households.scoring.importXlsx', { base64: template.base64, fileName: 'mau.xlsx' })).rejects.toMatchObject({ code: 'SCORE_TABLE_INVALID' });

    const filled = await scoreTableWorkbook({ table });
    expect(await readScoreTableWorkbook(filled)).toEqual(table);
  });

  it('refuses a file with a missing score, naming the sheet and row', async () => {
    const wb = await loadWorkbook(await scoreTableWorkbook({ table }));
    const sheet = wb.getWorksheet('Câu hỏi B1');
    if (!sheet) throw new Error('no sheet');
    sheet.getRow(3).getCell(5).value = null;
    const bytes = await workbookBuffer(wb);
    await expect(readScoreTableWorkbook(bytes)).rejects.toMatchObject({ code: 'SCORE_TABLE_INVALID', params: { where: 'Câu hỏi B1, dòng 3' } });
  });

  it('stores a loaded table and scores a saved Phiếu B with it', async () => {
    const base64 = (await scoreTableWorkbook({ table })).toString('base64');
    const view = await vq.call('households.scoring.importXlsx', { base64, fileName: 'bang-diem-thu-nghiem.xlsx' });
    expect(view.docId).toBe('scoreTable:VANQUAN:thu-nghiem-tdmnpb');
    expect(view.table.testOnly).toBe(true);
    expect((await vq.call('households.scoring.tables', {})).map((t) => t.docId)).toEqual([view.docId]);

    const [h] = generateHouseholds({ seed: 7, count: 1, communes: sampleCommunes('VANQUAN'), reviewYear: 2025 });
    if (!h) throw new Error('no household');
    const saved = await vq.call('households.save', {
      household: {
        ...h,
        code: '',
        area: 'rural',
        deprived: ['water', 'sanitation', 'healthInsurance'],
        standardId: 'nd07-2021',
        // A b1 sent in is not trusted: the core scores the answers itself.
        phieuB: { table: view.docId, answers: { Q1: '2', Q2: 'khong', Q3: 'tam' }, b1: 999 },
      },
    });
    expect(saved.household.phieuB).toEqual({ table: view.docId, answers: { Q1: '2', Q2: 'khong', Q3: 'tam' }, b1: 40, b2: 30, class: 'poor' });

    await expect(
      vq.call('households.save', { household: { ...h, code: '', idNumber: '001234567891', standardId: 'nd07-2021', phieuB: { table: 'scoreTable:VANQUAN:khong-co', answers: {} } } }),
    ).rejects.toMatchObject({ code: 'SCORE_TABLE_UNKNOWN' });
  });
});
