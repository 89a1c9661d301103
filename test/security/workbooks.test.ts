import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../electron/core/files/xlsx';
import { readCommuneSheet } from '../../electron/core/households/store/communeSheet';
import { row, zipBomb } from './hostileWorkbooks';

/**
 * Class 4 of issue 10: a workbook that would exhaust memory inside exceljs is refused from its
 * zip directory and a streamed scan, quickly and with bounded memory, before exceljs parses it.
 */
async function xlsx(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Danh sách'));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A real-looking xlsx whose one sheet is `rows` identical rows, deflated as it is generated. */
const bomb = (rows: number): Uint8Array => zipBomb({ sheetName: 'Hộ nghèo', rowXml: row(['Nguyễn Văn Hùng']), rows, perBlock: 10_000 });

function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

describe('hostile workbooks are refused before parsing', () => {
  it('a small file with one cell at A1048576', async () => {
    const bytes = await xlsx((ws) => {
      ws.getCell('A1').value = 'Họ và tên chủ hộ';
      ws.getCell('A1048576').value = 'Lò Thị Mai';
    });
    expect(bytes.length).toBeLessThan(10_000);
    const t0 = performance.now();
    await expect(loadWorkbook(bytes)).rejects.toMatchObject({ code: 'WORKBOOK_DIMENSIONS', params: { rows: 1048576 } });
    await expect(readCommuneSheet(bytes)).rejects.toMatchObject({ code: 'WORKBOOK_DIMENSIONS' });
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('a column far to the right (XFD)', async () => {
    const bytes = await xlsx((ws) => {
      ws.getCell('XFD2').value = 'Bắc Sơn';
    });
    await expect(loadWorkbook(bytes)).rejects.toMatchObject({ code: 'WORKBOOK_DIMENSIONS', params: { columns: 16384 } });
  });

  it('a zip bomb (a sheet of identical rows, ~300:1) is refused fast with bounded memory', async () => {
    const bytes = bomb(600_000); // ~40 MB of sheet XML in a file of ~140 KB
    expect(bytes.length).toBeLessThan(200_000);
    const before = rssMb();
    const t0 = performance.now();
    await expect(loadWorkbook(bytes)).rejects.toMatchObject({ code: 'WORKBOOK_TOO_LARGE' });
    const ms = performance.now() - t0;
    const grew = rssMb() - before;
    console.log(`bomb ${bytes.length} B: refused in ${ms.toFixed(0)} ms, RSS +${grew.toFixed(1)} MB`);
    expect(ms).toBeLessThan(3000);
    expect(grew).toBeLessThan(50);
  });

  it('an ordinary household sheet of 2,000 rows still opens', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['STT', 'Họ và tên chủ hộ', 'Thôn', 'Dân tộc']);
      for (let i = 1; i <= 2000; i++) ws.addRow([i, `Hoàng Văn Sơn ${i}`, 'Nà Pàn', 'Tày']);
    });
    const wb = await loadWorkbook(bytes);
    expect(wb.worksheets[0]?.rowCount).toBe(2001);
  });
});
