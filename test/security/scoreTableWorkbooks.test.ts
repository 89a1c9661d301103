import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreTableWorkbook } from '../../electron/core/households/scoring/workbook';
import { loadWorkbook, workbookBuffer } from '../../electron/core/files/xlsx';
import { ScoreTableSchema } from '../../electron/domain/households/scoring';
import fixture from '../fixtures/scoring/TEST-ONLY-score-table.json' with { type: 'json' };
import { openOffice, type Office } from '../integration/twoOffices';
import { row, zipBomb } from './hostileWorkbooks';

/**
 * The Phiếu B score table arrives as an Excel file (issue 12) and is then sent to every office:
 * a hostile file is refused before parsing or by the table's own checks, and nothing is stored.
 */

const table = ScoreTableSchema.parse(fixture);
let so: Office;
const load = (bytes: Uint8Array | Buffer, fileName = 'bang-diem.xlsx') =>
  so.core.dispatch('households.scoring.importXlsx', { base64: Buffer.from(bytes).toString('base64'), fileName });
const stored = (): number => so.core.context.store.listAs('scoreTable').length;

beforeAll(async () => {
  so = await openOffice('so', 'SO', 'Nông Thị Hạnh');
});
afterAll(async () => {
  await so.core.close();
});

describe('hostile score-table workbooks', () => {
  it('a zip bomb is refused as too large and stores nothing', async () => {
    const bytes = zipBomb({ sheetName: 'Câu hỏi B1', rowXml: row(['B1.1', 'Nhà ở', 'Nhà kiên cố', '10', '10']), rows: 400_000, perBlock: 5_000 });
    expect(bytes.length).toBeLessThan(400_000);
    expect(await load(bytes)).toMatchObject({ ok: false, error: { code: 'WORKBOOK_TOO_LARGE' } });
    expect(stored()).toBe(0);
  });

  it('a cell at row 1,048,576 is refused with its dimensions', async () => {
    const wb = await loadWorkbook(await scoreTableWorkbook({ table }));
    const ws = wb.getWorksheet('Câu hỏi B1');
    if (!ws) throw new Error('no sheet');
    ws.getCell('C1048576').value = 'Nhà tạm';
    expect(await load(await workbookBuffer(wb))).toMatchObject({ ok: false, error: { code: 'WORKBOOK_DIMENSIONS' } });
    expect(stored()).toBe(0);
  });

  it('a PDF or random bytes named .xlsx, and an empty workbook, get a typed refusal', async () => {
    for (const bytes of [Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))]) {
      const r = await load(bytes, 'bang-diem.xlsx');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).not.toBe('INTERNAL');
    }
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Trang tính 1');
    expect(await load(await workbookBuffer(empty))).toMatchObject({ ok: false, error: { code: 'SCORE_TABLE_INVALID' } });
    expect(stored()).toBe(0);
  });

  it('scores out of range, formula text and an over-long label are refused, naming where', async () => {
    const wb = await loadWorkbook(await scoreTableWorkbook({ table }));
    const ws = wb.getWorksheet('Câu hỏi B1');
    if (!ws) throw new Error('no sheet');
    ws.getRow(3).getCell(5).value = 1e12;
    expect(await load(await workbookBuffer(wb))).toMatchObject({ ok: false, error: { code: 'SCORE_TABLE_INVALID', params: { where: expect.stringContaining('Câu hỏi B1') } } });
    ws.getRow(3).getCell(5).value = '=HYPERLINK("http://example.invalid","10")';
    expect(await load(await workbookBuffer(wb))).toMatchObject({ ok: false, error: { code: 'SCORE_TABLE_INVALID' } });
    ws.getRow(3).getCell(5).value = 10;
    ws.getRow(3).getCell(3).value = 'Nhà '.repeat(5_000);
    expect(await load(await workbookBuffer(wb))).toMatchObject({ ok: false, error: { code: 'SCORE_TABLE_INVALID' } });
    expect(stored()).toBe(0);
  });
});
