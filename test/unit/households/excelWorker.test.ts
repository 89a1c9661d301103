import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseHouseholdWorkbook } from '../../../electron/core/households/excel/import';
import { parseHouseholdWorkbookInWorker } from '../../../electron/core/households/excel/inWorker';
import { generateHouseholds, writeHouseholdWorkbook } from '../../../electron/core/households/generate';
import { sampleCommunes } from '../../../electron/domain/households/communes';
import { ND07_2021 } from '../../../electron/domain/households/standards';

const communes = sampleCommunes('VANQUAN');
const options = { communes, reviewYear: 2022, standard: ND07_2021 };

/**
 * The import parses in a worker thread with a capped heap (issue 10 item 4): the same answer
 * as in the caller's thread, and a workbook that needs more memory than the cap is refused in
 * words while the app (here the test process) carries on.
 */
describe('household workbook in a memory-capped worker', () => {
  it('gives the same preview as the in-thread parse, and leaves the caller its bytes', async () => {
    const hs = generateHouseholds({ seed: 11, count: 60, communes });
    const wb = await writeHouseholdWorkbook(hs, { communes, overrides: [{ index: 4, field: 'idNumber', value: '12345' }] });
    const bytes = new Uint8Array(wb.buffer);
    const inWorker = await parseHouseholdWorkbookInWorker(bytes, options);
    expect(bytes.byteLength).toBe(wb.buffer.byteLength);
    const inThread = await parseHouseholdWorkbook(bytes, options);
    expect(inWorker).toEqual(inThread);
    expect(inWorker.rows).toHaveLength(59);
    expect(inWorker.errors.map((e) => e.problem.messageKey)).toEqual(['households:problem.idNumberInvalid']);
  });

  it('a workbook of long shared strings over the cap is refused as too large; the next import works', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['STT', 'Họ và tên chủ hộ', 'Số CCCD', 'Dân tộc', 'Xã', 'Thu nhập']);
    // 1,500 notes of ~20,000 characters of shuffled words: ~60 MB of strings once read (UTF-16),
    // compressed only ~4:1, so the zip's directory lets it through and only the cap stops it.
    const words = ['hộ', 'nghèo', 'thôn', 'Nà', 'Pàn', 'xã', 'Tràng', 'Các', 'thiếu', 'nước', 'sạch', 'nhà', 'ở', 'dinh', 'dưỡng', 'bảo', 'hiểm', 'y', 'tế', 'việc', 'làm'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 1; i <= 1500; i++) {
      const note: string[] = [];
      for (let w = 0; w < 5000; w++) note.push(words[next() % words.length] as string);
      ws.addRow([i, `Hoàng Văn Sơn ${i}`, '', 'Tày', 'Tràng Các', note.join(' ')]);
    }
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(parseHouseholdWorkbookInWorker(bytes, options, { maxOldGenerationSizeMb: 48, timeoutMs: 120_000 })).rejects.toMatchObject({
      code: 'WORKBOOK_TOO_LARGE',
      messageKey: 'common:errors.WORKBOOK_MEMORY',
      params: { limitMb: 48 },
    });
    const ok = await writeHouseholdWorkbook(generateHouseholds({ seed: 12, count: 5, communes }), { communes });
    expect((await parseHouseholdWorkbookInWorker(new Uint8Array(ok.buffer), options)).rows).toHaveLength(5);
  });
});
