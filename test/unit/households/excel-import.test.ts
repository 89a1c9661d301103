import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../electron/domain/errors';
import { classifyHousehold } from '../../../electron/domain/households/classify';
import { sampleCommunes } from '../../../electron/domain/households/communes';
import { parseHouseholdWorkbook, type HouseholdWorkbookParse } from '../../../electron/core/households/excel/import';
import { buildRejectedWorkbook, ERROR_COLUMN_HEADER, ROW_COLUMN_HEADER } from '../../../electron/core/households/excel/rejected';
import { generateHouseholds, writeHouseholdWorkbook } from '../../../electron/core/households/generate';
import type { Household } from '../../../electron/domain/households/household';
import { ND07_2021 } from '../../../electron/domain/households/standards';
import { indicatorsOf } from '../../../electron/domain/households/standards/schema';

const communes = sampleCommunes('VANQUAN');
const options = { communes, reviewYear: 2022, standard: ND07_2021 };

async function loadSheet(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

function keys(parse: HouseholdWorkbookParse) {
  return parse.errors.map((e) => ({ row: e.row, column: e.column, letter: e.columnLetter, key: e.problem.messageKey }));
}

describe('Excel round trip with bad rows', () => {
  const households = generateHouseholds({ seed: 7, count: 40, communes });
  const duplicateOf = households[21] as Household;
  let parse: HouseholdWorkbookParse;
  let rowOf: (i: number) => number;
  let sourceBytes: Uint8Array;

  beforeAll(async () => {
    const wb = await writeHouseholdWorkbook(households, {
      communes,
      numberingRow: true,
      overrides: [
        { index: 3, field: 'idNumber', value: '0201234' },
        { index: 5, field: 'income', value: null },
        { index: 8, field: 'commune', value: 'Xã Không Có' },
        { index: 10, field: 'members', value: 0 },
        { index: 12, field: 'indicator:water', value: '?' },
        { index: 14, field: 'area', value: 'Miền núi' },
        { index: 16, field: 'income', value: 'khoảng 1 triệu' },
        { index: 20, field: 'idNumber', value: duplicateOf.idNumber },
        { index: 25, field: 'income', value: '1.234.000 đ' },
      ],
    });
    rowOf = wb.rowOf;
    sourceBytes = wb.buffer;
    parse = await parseHouseholdWorkbook(wb.buffer, options);
  });

  it('finds the header under the title and maps every column', () => {
    expect(parse.headerRow).toBe(4);
    expect(parse.unmappedHeaders).toEqual([]);
    expect(parse.columnMapping.map((m) => m.field)).toContain('indicator:infoAccess');
    expect(parse.householdRowCount).toBe(40);
    expect(parse.skippedRows).toEqual([]);
  });

  it('reports every bad row with its row number, column name and problem', () => {
    expect(keys(parse)).toEqual([
      { row: rowOf(3), column: 'Số CCCD/CMND', letter: 'D', key: 'households:problem.idNumberInvalid' },
      { row: rowOf(5), column: 'Thu nhập BQ người/tháng (đồng)', letter: 'J', key: 'households:problem.incomeMissing' },
      { row: rowOf(8), column: 'Xã/phường/thị trấn', letter: 'F', key: 'households:problem.communeUnknown' },
      { row: rowOf(10), column: 'Số nhân khẩu', letter: 'I', key: 'households:problem.membersInvalid' },
      { row: rowOf(12), column: 'Nguồn nước sinh hoạt', letter: 'S', key: 'households:problem.markInvalid' },
      { row: rowOf(14), column: 'Khu vực', letter: 'H', key: 'households:problem.areaInvalid' },
      { row: rowOf(16), column: 'Thu nhập BQ người/tháng (đồng)', letter: 'J', key: 'households:problem.notANumber' },
      { row: rowOf(20), column: 'Số CCCD/CMND', letter: 'D', key: 'households:problem.duplicateId' },
      { row: rowOf(21), column: 'Số CCCD/CMND', letter: 'D', key: 'households:problem.duplicateId' },
    ]);
    expect(parse.errors[0]?.problem.params).toEqual({ value: '0201234' });
    expect(parse.errors.find((e) => e.row === rowOf(20))?.problem.params).toEqual({ value: duplicateOf.idNumber, rows: String(rowOf(21)) });
    expect(parse.errors.find((e) => e.row === rowOf(8))?.problem.params).toEqual({ value: 'Xã Không Có' });
  });

  it('returns the valid rows exactly as generated, classified', () => {
    const bad = new Set([3, 5, 8, 10, 12, 14, 16, 20, 21]);
    const expected = households.map((h, i) => ({ h, i })).filter(({ i }) => !bad.has(i));
    expect(parse.rows).toHaveLength(expected.length);
    parse.rows.forEach((r, k) => {
      const { h, i } = expected[k] as { h: Household; i: number };
      expect(r.row).toBe(rowOf(i));
      expect(r.household).toEqual(i === 25 ? { ...h, incomePerPerson: 1_234_000 } : h);
      expect(r.classification).toEqual(classifyHousehold(r.household, ND07_2021));
    });
  });

  it('gives back the rejected rows with "Dòng gốc" and "Lỗi" columns', async () => {
    const buffer = await buildRejectedWorkbook(sourceBytes, parse.table, parse.errors);
    const ws = await loadSheet(buffer);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const width = parse.table.headers.length;
    expect(header.slice(0, width)).toEqual(parse.table.headers);
    expect(header.slice(width)).toEqual([ROW_COLUMN_HEADER, ERROR_COLUMN_HEADER]);
    expect(ws.rowCount).toBe(1 + 9);
    const second = ws.getRow(2);
    expect(second.getCell(width + 1).value).toBe(rowOf(3));
    expect(second.getCell(3).value).toBe(households[3]?.headName);
    expect(second.getCell(width + 2).value).toBe(
      'Số CCCD/CMND: Số định danh “0201234” không hợp lệ: cần 12 chữ số (CCCD) hoặc 9 chữ số (CMND).',
    );
    expect(ws.getRow(9).getCell(width + 2).value).toBe(`Số CCCD/CMND: Số định danh ${duplicateOf.idNumber} trùng với dòng ${rowOf(21)}.`);

    // Fixed or not, the file goes back through the same import; the extra columns are ignored.
    const again = await parseHouseholdWorkbook(buffer, options);
    expect(again.headerRow).toBe(1);
    expect(again.unmappedHeaders.map((u) => u.header)).toEqual([ROW_COLUMN_HEADER, ERROR_COLUMN_HEADER]);
    expect(again.errors.map((e) => e.problem.messageKey)).toEqual(parse.errors.map((e) => e.problem.messageKey));
    expect(again.rows).toEqual([]);
  });
});

describe('office layouts', () => {
  it('reads a two-row header with service headings', async () => {
    const households = generateHouseholds({ seed: 11, count: 12, communes });
    const wb = await writeHouseholdWorkbook(households, { communes, twoRowHeader: true, numberingRow: true });
    const parse = await parseHouseholdWorkbook(wb.buffer, options);
    expect(parse.errors).toEqual([]);
    expect(parse.rows.map((r) => r.household)).toEqual(households);
    expect(parse.rows[0]?.row).toBe(wb.firstDataRow);
  });

  it('reads commune headings, thousands of đồng, numeric IDs and skips totals and signatures', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    const indicators = indicatorsOf(ND07_2021).map((i) => i.name);
    ws.addRow(['UBND HUYỆN VĂN QUAN']);
    ws.addRow(['DANH SÁCH HỘ NGHÈO NĂM 2022']);
    ws.addRow(['TT', 'HỌ VÀ TÊN  CHỦ HỘ', 'cmnd/cccd', 'dan toc', 'Số nhân khẩu', 'Thu nhập BQ (nghìn đồng/người/tháng)', ...indicators, 'Hộ NCC']);
    const marks = (n: number) => indicators.map((_x, i) => (i < n ? 'x' : ''));
    ws.addRow(['I. Xã Tràng Các']);
    ws.mergeCells(4, 1, 4, 6);
    ws.addRow([1, 'Tống Văn Minh', 20085001234, 'tày', 5, '1.200', ...marks(4), '']);
    ws.addRow([2, 'Lương Thị Hoa', '020185004321', 'Nùng', 3, 1600, ...marks(1), 'x']);
    ws.addRow(['II', 'Thị trấn Văn Quan']);
    ws.addRow([3, 'Nguyễn Văn Bình', 81234567, 'Kinh', 4, 1900, ...marks(0), '']);
    ws.addRow(['', 'Tổng cộng', '', '', 12, '', 1, 1, 1, 1]);
    ws.addRow([]);
    ws.addRow(['', 'NGƯỜI LẬP BIỂU']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());

    const parse = await parseHouseholdWorkbook(buffer, options);
    expect(parse.errors).toEqual([]);
    expect(parse.skippedRows).toEqual([
      { row: 4, reason: 'communeHeading' },
      { row: 7, reason: 'communeHeading' },
      { row: 9, reason: 'total' },
      { row: 11, reason: 'noHouseholdData' },
    ]);
    const [a, b, c] = parse.rows.map((r) => r.household);
    expect(a).toMatchObject({ headName: 'Tống Văn Minh', idNumber: '020085001234', ethnicity: 'Tày', communeCode: 'VQ-TRANGCAC', area: 'rural', incomePerPerson: 1_200_000 });
    expect(a?.code).toBe('VQ-TRANGCAC-020085001234');
    expect(parse.rows[0]?.classification.class).toBe('poor');
    expect(b).toMatchObject({ communeCode: 'VQ-TRANGCAC', merit: true, incomePerPerson: 1_600_000 });
    expect(parse.rows[1]?.classification.class).toBe('medium');
    // Thị trấn is urban: 1.900.000 đ is at or below the urban line.
    expect(c).toMatchObject({ communeCode: 'VQ-TTVANQUAN', area: 'urban', idNumber: '081234567' });
    expect(parse.rows[2]?.classification.class).toBe('nearPoor');
  });

  it('refuses the whole sheet when a required column is missing, and rejects every row', async () => {
    const households = generateHouseholds({ seed: 3, count: 5, communes });
    const wb = await writeHouseholdWorkbook(households, { communes });
    const ws = await loadSheet(wb.buffer);
    ws.spliceColumns(13, 1); // "Dinh dưỡng"
    const workbook = ws.workbook;
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const parse = await parseHouseholdWorkbook(buffer, options);
    expect(parse.rows).toEqual([]);
    expect(keys(parse)).toEqual([{ row: 4, column: 'Dinh dưỡng', letter: '', key: 'households:problem.columnMissing' }]);
    const rejected = await loadSheet(await buildRejectedWorkbook(buffer, parse.table, parse.errors));
    expect(rejected.rowCount).toBe(1 + 5);
    expect(rejected.getRow(2).getCell(parse.table.headers.length + 2).value).toBe('Dinh dưỡng: Bảng không có cột “Dinh dưỡng”.');
  });

  it('says when no table is found, and refuses a file that is not xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').addRow(['Không có bảng nào ở đây']);
    const parse = await parseHouseholdWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), options);
    expect(keys(parse)).toEqual([{ row: 0, column: '', letter: '', key: 'households:problem.headerNotFound' }]);
    await expect(parseHouseholdWorkbook(Buffer.from('không phải tệp Excel'), options)).rejects.toSatisfy(
      (e: unknown) => isAppError(e) && e.code === 'HOUSEHOLD_WORKBOOK_UNREADABLE',
    );
  });
});

describe('row checks', () => {
  it('flags duplicate codes, villages not in the list and incomes that look like thousands', async () => {
    const tc = { ...(communes.find((c) => c.code === 'VQ-TRANGCAC') as (typeof communes)[number]), villages: [{ code: 'TC-NL', name: 'Nà Lầu', kind: 'thon' as const }] };
    const list = [tc];
    const hs = generateHouseholds({ seed: 21, count: 5, communes: list });
    expect(hs.every((h) => h.village === 'Nà Lầu')).toBe(true);
    const wb = await writeHouseholdWorkbook(hs, {
      communes: list,
      overrides: [
        { index: 1, field: 'code', value: hs[2]?.code ?? '' },
        { index: 3, field: 'village', value: 'Bản Không Có' },
        { index: 4, field: 'income', value: 1200 },
        { index: 0, field: 'village', value: 'thôn na lau' },
      ],
    });
    const parse = await parseHouseholdWorkbook(wb.buffer, { ...options, communes: list });
    expect(keys(parse)).toEqual([
      { row: wb.rowOf(1), column: 'Mã hộ', letter: 'B', key: 'households:problem.duplicateCode' },
      { row: wb.rowOf(2), column: 'Mã hộ', letter: 'B', key: 'households:problem.duplicateCode' },
      { row: wb.rowOf(3), column: 'Thôn/bản', letter: 'G', key: 'households:problem.villageUnknown' },
      { row: wb.rowOf(4), column: 'Thu nhập BQ người/tháng (đồng)', letter: 'J', key: 'households:problem.incomeImplausible' },
    ]);
    expect(parse.errors[2]?.problem.params).toEqual({ value: 'Bản Không Có', commune: 'Xã Tràng Các' });
    expect(parse.rows.map((r) => r.household)).toEqual([hs[0]]);
  });
});

describe('text that looks like a formula stays text', () => {
  it('writes "=1+1" as a string cell and reads it back as text', async () => {
    const [h] = generateHouseholds({ seed: 5, count: 1, communes });
    const risky = { ...(h as Household), notes: '=1+1', village: '@SUM(A1)', headName: '+Hoàng Văn Long' };
    const wb = await writeHouseholdWorkbook([risky], { communes });
    const files = unzipSync(new Uint8Array(wb.buffer));
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(sheetXml).not.toContain('<f>');
    const ws = await loadSheet(wb.buffer);
    const notesCell = ws.getRow(wb.firstDataRow).getCell(26); // after the 12 indicators, Ngành nghề, Ngày nộp giấy đề nghị and Hộ người có công
    expect(notesCell.value).toBe('=1+1');
    expect(notesCell.type).toBe(ExcelJS.ValueType.String);
    const parse = await parseHouseholdWorkbook(wb.buffer, options);
    expect(parse.rows[0]?.household).toMatchObject({ notes: '=1+1', village: '@SUM(A1)', headName: '+Hoàng Văn Long' });

    const rejected = await buildRejectedWorkbook(wb.buffer, parse.table, [
      { row: wb.firstDataRow, column: 'Ghi chú', columnLetter: 'Z', problem: { messageKey: 'households:problem.invalid', params: { column: 'Ghi chú' } } },
    ]);
    const rxml = strFromU8(unzipSync(new Uint8Array(rejected))['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(rxml).not.toContain('<f>');
    expect((await loadSheet(rejected)).getRow(2).getCell(26).value).toBe('=1+1');
  });
});
