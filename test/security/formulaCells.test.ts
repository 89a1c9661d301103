import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, neutraliseText } from '../../electron/core/files/xlsx';

/**
 * Class 10 (part) of issue 10: text typed by citizens or other offices that looks like a formula
 * is inert in every table export (tasks, reports, households all build through buildWorkbook).
 */
const hostile = ['=HYPERLINK("http://evil.example","Bấm vào đây")', '+84 912 345 678', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

describe('formula-like text in exports', () => {
  it('every text cell that starts like a formula is read back as text with an apostrophe', async () => {
    const buf = await buildWorkbook([
      { name: 'Nhiệm vụ', title: '=TIÊU ĐỀ', headers: ['STT', '=Nội dung'], rows: hostile.map((h, i) => [i + 1, h]) },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const texts: string[] = [];
    wb.worksheets[0]?.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string' && cell.master.address === cell.address) texts.push(cell.value);
      }),
    );
    // XML turns a lone CR into LF on reading; the apostrophe in front is what matters.
    const lf = (t: string): string => t.replace(/\r\n?/g, '\n');
    expect(texts.map(lf)).toEqual(["'=TIÊU ĐỀ", 'STT', "'=Nội dung", ...hostile.map((h) => lf(`'${h}`))]);
  });

  it('ordinary Vietnamese text is untouched', () => {
    expect(neutraliseText('Hộ nghèo thôn Nà Pàn')).toBe('Hộ nghèo thôn Nà Pàn');
    expect(neutraliseText('')).toBe('');
  });
});
