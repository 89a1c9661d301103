import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { standardWorkbook } from '../../../electron/core/households/standards/workbook';
import { readStandardWorkbook } from '../../../electron/core/households/standards/workbookRead';
import { loadWorkbook, workbookBuffer } from '../../../electron/core/files/xlsx';
import { BUILT_IN_CITATIONS, PovertyStandardSchema, SentStandardFileSchema, STANDARDS, type SentStandardFile } from '../../../electron/domain/households/standards';
import { errorMessage } from '../../../electron/domain/translate';
import { AppError } from '../../../electron/domain/errors';
import fixture from '../../fixtures/standards/TEST-ONLY-standard-2027.json' with { type: 'json' };
import { officerWorkbook } from '../../fixtures/standards/officerWorkbook';
import { row, zipBomb } from '../../security/hostileWorkbooks';

/**
 * The poverty standard as an Excel workbook (issue 12): the template of every built-in reads
 * back as the same file, a workbook laid out the way an officer types one reads as the standard
 * it shows, and what cannot be a standard is refused naming the sheet, row and column.
 */

const builtInFile = (id: string): SentStandardFile => {
  const standard = STANDARDS.find((s) => s.id === id);
  if (!standard) throw new Error(id);
  return SentStandardFileSchema.parse({ standard, replacesBuiltIn: true, sources: BUILT_IN_CITATIONS.get(id)?.sources ?? [] });
};

/** The template of the TEST-ONLY 2027 standard, edited cell by cell. */
async function edited(edit: (wb: ExcelJS.Workbook) => void, file: SentStandardFile = SentStandardFileSchema.parse({ standard: fixture, sources: fixture.sources })): Promise<Buffer> {
  const wb = await loadWorkbook(await standardWorkbook(file));
  edit(wb);
  return workbookBuffer(wb);
}

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(name);
  return ws;
};

/** The refusal as the officer reads it, in both languages. */
async function refusal(bytes: Uint8Array): Promise<{ code: string; params: Record<string, string | number>; vi: string; en: string }> {
  try {
    await readStandardWorkbook(bytes);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { code: e.code, params: e.params, vi: errorMessage(e.toValue(), 'vi'), en: errorMessage(e.toValue(), 'en') };
  }
  throw new Error('not refused');
}

describe('the template round-trips', () => {
  for (const s of STANDARDS) {
    it(`the built-in ${s.id}: template → read gives the same standard, sources and “replaces”`, async () => {
      const file = builtInFile(s.id);
      const read = await readStandardWorkbook(await standardWorkbook(file));
      expect(read).toEqual(file);
    });
  }

  it('the TEST-ONLY 2027 standard with its sources, as a new standard (Thay thế: Không)', async () => {
    const file = SentStandardFileSchema.parse({ standard: fixture, sources: fixture.sources });
    const wb = await loadWorkbook(await standardWorkbook(file));
    const head = sheet(wb, 'Chuẩn');
    expect(head.getCell('A1').value).toMatch(/^Thông tin chung của chuẩn nghèo/);
    expect(head.getRow(8).values).toEqual([undefined, 'Thay thế chuẩn có sẵn cùng mã (Có/Không)', 'Không']);
    expect(sheet(wb, 'Chuẩn thu nhập').getRow(3).values).toEqual([undefined, 'poverty', 'Chuẩn nghèo', 2_200_000, 2_800_000]);
    expect(await readStandardWorkbook(await workbookBuffer(wb))).toEqual(file);
  });
});

describe('a workbook as an officer lays it out', () => {
  it('reads as the standard it shows: merged title, two-row heading, text amounts, notes column, blank tail', async () => {
    const read = await readStandardWorkbook(await officerWorkbook());
    expect(read.standard).toEqual(PovertyStandardSchema.parse(fixture));
    expect(read.replacesBuiltIn).toBe(false);
    expect(read.sources).toEqual([]);
  });

  it('amounts: 1500000, "1.500.000", "1 500 000 đồng" and "1,5 triệu" are the same line', async () => {
    for (const typed of [1_500_000, '1.500.000', '1 500 000 đồng', '1,5 triệu', '1.500.000đ']) {
      const bytes = await edited((wb) => {
        sheet(wb, 'Chuẩn thu nhập').getCell('C3').value = typed;
      });
      expect((await readStandardWorkbook(bytes)).standard.lines.rural.poverty, String(typed)).toBe(1_500_000);
    }
  });

  it('amounts without their unit are refused with the fix: "1,5", "1.500", 1.5, "1.500 triệu", "một triệu"', async () => {
    for (const typed of ['1,5', '1.500', 1.5, '1.500 triệu', 'một triệu rưỡi']) {
      const bytes = await edited((wb) => {
        sheet(wb, 'Chuẩn thu nhập').getCell('C3').value = typed;
      });
      const r = await refusal(bytes);
      expect(r.code, String(typed)).toMatch(/^STANDARD_XLSX_AMOUNT/);
      expect(r.params).toMatchObject({ sheet: 'Chuẩn thu nhập', row: 3, column: 'C “Nông thôn (đồng/người/tháng)”' });
      expect(r.vi).toContain('1.500.000');
      expect(r.en).toContain('1.500.000');
    }
  });
});

describe('what is refused, naming sheet, row and column', () => {
  it('medium not above poverty: the medium cell of that area', async () => {
    const r = await refusal(await edited((wb) => (sheet(wb, 'Chuẩn thu nhập').getCell('D4').value = '2.800.000')));
    expect(r.code).toBe('STANDARD_XLSX_MEDIUM_NOT_ABOVE');
    expect(r.params).toMatchObject({ sheet: 'Chuẩn thu nhập', row: 4, column: 'D “Thành thị (đồng/người/tháng)”', area: 'urban' });
    expect(r.vi).toContain('mức sống trung bình khu vực thành thị phải cao hơn chuẩn nghèo');
    expect(r.en).toContain('must be above the poverty line');
  });

  it('a band naming a line the income sheet does not have', async () => {
    const r = await refusal(await edited((wb) => (sheet(wb, 'Quy tắc').getCell('C5').value = 'Mức sàn')));
    expect(r.code).toBe('STANDARD_XLSX_BAND_LINE_MISSING');
    expect(r.params).toMatchObject({ sheet: 'Quy tắc', row: 5, column: 'C “Thu nhập không quá mức”', line: 'Mức sàn' });
    expect(r.vi).toContain('không có ở trang Chuẩn thu nhập');
  });

  it('a duplicate indicator code: the second row', async () => {
    const r = await refusal(await edited((wb) => (sheet(wb, 'Chỉ số').getCell('C9').value = 'nutrition')));
    expect(r.code).toBe('STANDARD_XLSX_DUPLICATE_INDICATOR');
    expect(r.params).toMatchObject({ sheet: 'Chỉ số', row: 9, code: 'nutrition' });
    expect(r.en).toContain('already used on a row above');
  });

  it('years the wrong way round, an unknown class, a yes/no that is neither', async () => {
    expect(await refusal(await edited((wb) => (sheet(wb, 'Chuẩn').getCell('B7').value = 2026)))).toMatchObject({ code: 'STANDARD_XLSX_YEARS_REVERSED', params: { sheet: 'Chuẩn', row: 6 } });
    const cls = await refusal(await edited((wb) => (sheet(wb, 'Quy tắc').getCell('B3').value = 'Hộ khó khăn')));
    expect(cls).toMatchObject({ code: 'STANDARD_XLSX_CLASS', params: { row: 3, value: 'Hộ khó khăn' } });
    expect(cls.vi).toContain('Hộ nghèo, Hộ cận nghèo, Hộ có mức sống trung bình');
    expect(await refusal(await edited((wb) => (sheet(wb, 'Chuẩn').getCell('B8').value = 'Có lẽ')))).toMatchObject({ code: 'STANDARD_XLSX_YES_NO', params: { row: 8 } });
  });

  it('a line row deleted, and sources under a heading the reader cannot find, are not passed over', async () => {
    const noMedium = await refusal(await edited((wb) => sheet(wb, 'Chuẩn thu nhập').spliceRows(4, 1)));
    expect(noMedium).toMatchObject({ code: 'STANDARD_XLSX_LINE_MISSING', params: { sheet: 'Chuẩn thu nhập', line: 'Mức sống trung bình', area: 'rural' } });
    expect(noMedium.vi).toContain('chưa có mức “Mức sống trung bình” cho khu vực nông thôn');
    const sources = await refusal(await edited((wb) => (sheet(wb, 'Nguồn').getRow(2).values = ['Trích dẫn', 'Số hiệu', 'Địa chỉ'])));
    expect(sources).toMatchObject({ code: 'STANDARD_XLSX_HEADING', params: { sheet: 'Nguồn' } });
  });

  it('formula cells are refused, not trusted for their cached result', async () => {
    const r = await refusal(
      await edited((wb) => {
        sheet(wb, 'Chuẩn thu nhập').getCell('C4').value = { formula: 'C3*1.5', result: 3_300_000 };
      }),
    );
    expect(r).toMatchObject({ code: 'STANDARD_XLSX_FORMULA', params: { sheet: 'Chuẩn thu nhập', row: 4 } });
    expect(r.vi).toContain('Paste Values');
  });

  it('a path or markup as a code is refused with the field named; markup as a name stays plain text', async () => {
    const path = await refusal(await edited((wb) => (sheet(wb, 'Chỉ số').getCell('C3').value = '../../etc/passwd')));
    expect(path).toMatchObject({ code: 'STANDARD_XLSX_CODE', params: { sheet: 'Chỉ số', row: 3, column: 'C “Mã chỉ số”', value: '../../etc/passwd' } });
    const id = await refusal(await edited((wb) => (sheet(wb, 'Chuẩn').getCell('B3').value = '<img src=x onerror=alert(1)>')));
    expect(id).toMatchObject({ code: 'STANDARD_XLSX_ID', params: { sheet: 'Chuẩn', row: 3 } });
    const named = await readStandardWorkbook(await edited((wb) => (sheet(wb, 'Chỉ số').getCell('D3').value = '<img src=x onerror=alert(1)>')));
    expect(named.standard.services[0]?.indicators[0]?.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('a missing sheet, a heading that is not there, a renamed text file', async () => {
    const noRules = await refusal(await edited((wb) => wb.removeWorksheet(sheet(wb, 'Quy tắc').id)));
    expect(noRules).toMatchObject({ code: 'STANDARD_XLSX_SHEET_MISSING', params: { sheet: 'Quy tắc' } });
    expect(noRules.en).toContain('has no sheet “Quy tắc”');
    const noHeading = await refusal(await edited((wb) => (sheet(wb, 'Chỉ số').getRow(2).values = ['A', 'B', 'C', 'D'])));
    expect(noHeading).toMatchObject({ code: 'STANDARD_XLSX_HEADING', params: { sheet: 'Chỉ số' } });
    const text = await refusal(Buffer.from('Chuẩn nghèo 2027: nông thôn 2.200.000 đồng\n', 'utf8'));
    expect(text.code).toBe('STANDARD_XLSX_UNREADABLE');
    expect(text.vi).toContain('.xlsx');
  });

  it('10,000 indicator rows and a zip bomb are refused before exceljs builds them; 150 rows by count', async () => {
    const tenThousand = await edited((wb) => {
      const ws = sheet(wb, 'Chỉ số');
      for (let i = 0; i < 10_000; i++) ws.addRow(['khac', 'Khác', `chiSo${i}`, `Chỉ số ${i}`]);
    });
    expect((await refusal(tenThousand)).code).toBe('WORKBOOK_DIMENSIONS');
    const many = await refusal(
      await edited((wb) => {
        const ws = sheet(wb, 'Chỉ số');
        for (let i = 0; i < 150; i++) ws.addRow(['khac', 'Khác', `chiSo${i}`, `Chỉ số ${i}`]);
      }),
    );
    expect(many).toMatchObject({ code: 'STANDARD_XLSX_TOO_MANY', params: { sheet: 'Chỉ số', max: 100 } });
    const bomb = zipBomb({ sheetName: 'Chỉ số', rowXml: row(['health', 'Y tế', 'nutrition', 'Dinh dưỡng']), rows: 200_000, perBlock: 5_000 });
    expect((await refusal(bomb)).code).toMatch(/^WORKBOOK_(TOO_LARGE|DIMENSIONS)$/);
  });
});
