import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCommunes, standardForYear, indicatorsOf, type HouseholdInput } from '../../electron/core/households';
import { loadWorkbook } from '../../electron/core/files/xlsx';
import { vanQuanWithCommunes, type Office } from './twoOffices';

/*
 * Văn Quan's lists for public listing of xã Tràng Các, 2024, through the service as the window
 * calls it: the rows and totals, and the Excel file read back (headers, rows, totals, no full ID,
 * a formula-like name kept as text).
 */

const communes = sampleCommunes('VANQUAN');
const xa = communes.find((c) => c.kind === 'xa');
if (!xa) throw new Error('no xã in the sample');
const other = communes.find((c) => c.kind === 'xa' && c.code !== xa.code);
if (!other) throw new Error('one xã only');
const deprivations = indicatorsOf(standardForYear(2024)).map((i) => i.code);

type Cls = 'poor' | 'nearPoor' | 'medium' | 'above';
/** Rural lines of Nghị định 07/2021: poor ≤ 1.500.000 đ with 3+ deprivations, near-poor without, medium ≤ 2.250.000 đ. */
const figures: Record<Cls, { incomePerPerson: number; deprived: string[] }> = {
  poor: { incomePerPerson: 1_200_000, deprived: deprivations.slice(0, 3) },
  nearPoor: { incomePerPerson: 1_200_000, deprived: [] },
  medium: { incomePerPerson: 2_000_000, deprived: [] },
  above: { incomePerPerson: 3_500_000, deprived: [] },
};

let vq: Office;
const ids = new Map<string, string>();

async function save(code: string, headName: string, idNumber: string, village: string, members: number, year: number, cls: Cls, communeCode = xa!.code): Promise<void> {
  const household: HouseholdInput = {
    code,
    headName,
    idNumber,
    ethnicity: 'Tày',
    communeCode,
    village,
    area: 'rural',
    members,
    ...figures[cls],
    reviewYear: year,
    standardId: standardForYear(year).id,
  };
  await vq.call('households.save', { household: { ...household, code } });
  ids.set(headName, idNumber);
}

beforeAll(async () => {
  vq = await vanQuanWithCommunes();
  await save('VQ-0001', 'Hoàng Văn Thắng', '020087001234', 'Thôn Nà Làng', 5, 2023, 'poor');
  await save('VQ-0001', 'Hoàng Văn Thắng', '020087001234', 'Thôn Nà Làng', 5, 2024, 'poor');
  await save('VQ-0002', 'Lý Thị Huệ', '020187002345', 'Thôn Bản Chang', 3, 2023, 'poor');
  await save('VQ-0002', 'Lý Thị Huệ', '020187002345', 'Thôn Bản Chang', 3, 2024, 'medium');
  await save('VQ-0003', 'Vi Thị Thảo', '020190003456', 'Thôn Nà Làng', 2, 2023, 'nearPoor');
  await save('VQ-0003', 'Vi Thị Thảo', '020190003456', 'Thôn Nà Làng', 2, 2024, 'above');
  // A name that a spreadsheet would run as a formula: kept as text in the file.
  await save('VQ-0004', '=Nông Văn Bình', '020085004567', 'Thôn Bản Chang', 4, 2024, 'poor');
  // Another commune's poor household: not on Tràng Các's list.
  await save('VQ-0005', 'Đinh Văn Long', '020080005678', 'Thôn Pò Mạ', 6, 2024, 'poor', other!.code);
});
afterAll(async () => {
  await vq.core.close();
});

describe('the commune’s lists for public listing', () => {
  it('lists the commune’s poor households with totals, and counts every list', async () => {
    const view = await vq.call('households.publicList', { year: 2024, communeCode: xa.code, kind: 'poor' });
    expect(view.list.rows.map((r) => r.headName)).toEqual(['=Nông Văn Bình', 'Hoàng Văn Thắng']);
    expect(view.list.totals).toEqual({ households: 2, members: 9 });
    expect(view.list.rows[1]).toMatchObject({ village: 'Thôn Nà Làng', members: 5, incomePerPerson: 1_200_000, deprivedCount: 3, idMasked: '0200******34' });
    expect(view.commune.label).toBe(`Xã ${xa.name}`);
    expect(view.procedure).toContain('24/2021/QĐ-TTg');
    expect(view.counts).toMatchObject({
      poor: { households: 2, members: 9 },
      nearPoor: { households: 0, members: 0 },
      escapedPoor: { households: 1, members: 3 },
      escapedNearPoor: { households: 1, members: 2 },
      newPoor: { households: 1, members: 4 },
    });
  });

  it('refuses the movement lists of a year whose previous year the commune has no records for', async () => {
    const view = await vq.call('households.publicList', { year: 2023, communeCode: xa.code, kind: 'escapedPoor' });
    expect(view.list.available).toBe(false);
    expect(view.counts.poor).toEqual({ households: 2, members: 8 });
    await expect(vq.call('households.publicListXlsx', { year: 2023, communeCode: xa.code, kind: 'escapedPoor' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a commune the office does not have', async () => {
    await expect(vq.call('households.publicList', { year: 2024, communeCode: 'KHONGCO', kind: 'poor' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('exports the list to Excel with the printed columns, the rows and the totals, and no full ID number', async () => {
    const file = await vq.call('households.publicListXlsx', { year: 2024, communeCode: xa.code, kind: 'escapedPoor' });
    expect(file.fileName).toBe(`danh-sach-ho-thoat-ngheo_${xa.code.toLowerCase()}_2024.xlsx`);
    expect(file.personalData).toBe(false);
    const wb = await loadWorkbook(Buffer.from(file.base64, 'base64'));
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.name).toBe('Hộ thoát nghèo');
    expect(String(ws.getCell('A1').value)).toBe(`DANH SÁCH HỘ THOÁT NGHÈO NĂM 2024 — XÃ ${xa.name.toUpperCase()}, HUYỆN VĂN QUAN`);
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(3)).toEqual([
      'STT',
      'Họ và tên chủ hộ',
      'Số CCCD (che một phần)',
      'Thôn/bản/tổ dân phố',
      'Số nhân khẩu',
      'Phân loại năm trước',
      'Phân loại năm nay',
      'Thu nhập BQ/người/tháng (đồng)',
      'Số chỉ số thiếu hụt',
    ]);
    expect(values(4)).toEqual([1, 'Lý Thị Huệ', '0201******45', 'Thôn Bản Chang', 3, 'Hộ nghèo', 'Hộ có mức sống trung bình', 2_000_000, 0]);
    expect(values(5)).toEqual(['Tổng cộng', '1 hộ', undefined, undefined, 3]);
    expect(ws.rowCount).toBe(5);

    const poor = await loadWorkbook(Buffer.from((await vq.call('households.publicListXlsx', { year: 2024, communeCode: xa.code, kind: 'poor' })).base64, 'base64'));
    const sheet = poor.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    for (const id of ids.values()) expect(cells.join('|')).not.toContain(id);
    // The formula-like name is text, not a formula (as every export neutralises).
    const nameCell = sheet.getRow(4).getCell(2);
    expect(nameCell.type).not.toBe(6 /* ValueType.Formula */);
    expect(String(nameCell.value)).toContain('Nông Văn Bình');
  });
});
