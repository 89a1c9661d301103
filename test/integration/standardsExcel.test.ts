import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { generateHouseholds, sampleCommunes } from '../../electron/core/households';
import { loadWorkbook, workbookBuffer } from '../../electron/core/files/xlsx';
import { BUILT_IN_CITATIONS, SentStandardFileSchema, STANDARDS } from '../../electron/domain/households/standards';
import { errorMessage } from '../../electron/domain/translate';
import { officerWorkbook } from '../fixtures/standards/officerWorkbook';
import { carry, usbStick } from './syncHelpers';
import { twoOfficesWithKeys, type Office } from './twoOffices';

/**
 * The Sở loads a poverty standard from Excel (issue 12): it downloads the workbook of a
 * standard, edits it, sees what the file says, applies it, and the standard reaches Văn Quan in
 * a real bundle file, which then classifies its 2027 households by it. The Excel path refuses
 * what the JSON path refuses (lines out of order, overlapping years, a built-in's id without
 * "Thay thế: Có"), in the workbook's words, and an office cannot load one.
 */
let clock = Date.UTC(2027, 2, 2, 2, 0);
const now = (): number => clock;
const usb = usbStick('standards-xlsx');
let so: Office;
let vq: Office;

beforeAll(async () => {
  ({ so, vq } = await twoOfficesWithKeys({ now, usb }));
  await vq.call('households.communes.importSample', {});
});
afterAll(async () => {
  await so.core.close();
  await vq.core.close();
  rmSync(usb, { recursive: true, force: true });
});

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const stored = (): number => so.core.context.store.listAs('povertyStandard').length;

/** The template of a standard with some cells changed, as the officer would save it. */
async function editedTemplate(standardId: string, cells: Record<string, Record<string, string | number>>): Promise<string> {
  const file = await so.call('households.standards.template', { standardId });
  const wb = await loadWorkbook(Buffer.from(file.base64, 'base64'));
  for (const [sheet, values] of Object.entries(cells)) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(sheet);
    for (const [ref, v] of Object.entries(values)) ws.getCell(ref).value = v;
  }
  return b64(await workbookBuffer(wb));
}

describe('the template', () => {
  it('defaults to the standard of the current review year, or the latest before a year none covers', async () => {
    // March 2027: no standard covers 2027 yet, so the template starts from nd07-2021 (2022–2026).
    const t = await so.call('households.standards.template', {});
    expect(t).toMatchObject({ fileName: 'chuan-ngheo_nd07-2021.xlsx', personalData: false });
    const wb = await loadWorkbook(Buffer.from(t.base64, 'base64'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Chuẩn', 'Chuẩn thu nhập', 'Chỉ số', 'Quy tắc', 'Nguồn']);
    expect(wb.getWorksheet('Chuẩn')?.getCell('B5').value).toContain('Nghị định số 07/2021/NĐ-CP');
    await expect(so.call('households.standards.template', { standardId: 'khong-co' })).rejects.toMatchObject({ code: 'STANDARD_UNKNOWN' });
  });

  for (const s of STANDARDS) {
    it(`of the built-in ${s.id}, previewed unchanged: the same standard, replacing the built-in, nothing stored`, async () => {
      const t = await so.call('households.standards.template', { standardId: s.id });
      const preview = await so.call('households.standards.previewXlsx', { base64: t.base64, fileName: t.fileName });
      // The same standard less the developers' English research note, which the officer never sees.
      const { note, ...officerFacing } = s;
      expect(note).toMatch(/ the /);
      expect(preview.file).toEqual(SentStandardFileSchema.parse({ standard: officerFacing, replacesBuiltIn: true, sources: BUILT_IN_CITATIONS.get(s.id)?.sources ?? [] }));
      expect(preview.file.standard.note).toBeUndefined();
      expect(preview).toMatchObject({ action: 'replacesBuiltIn', replacedTitle: s.title, indicatorCount: s.services.flatMap((v) => v.indicators).length });
      expect(stored()).toBe(0);
    });
  }
});

describe('refusals the JSON path shares', () => {
  it('an office cannot preview or load a standard', async () => {
    const base64 = b64(await officerWorkbook());
    await expect(vq.call('households.standards.previewXlsx', { base64, fileName: 'chuan.xlsx' })).rejects.toMatchObject({ code: 'STANDARD_SO_ONLY' });
    await expect(vq.call('households.standards.importXlsx', { base64, fileName: 'chuan.xlsx' })).rejects.toMatchObject({ code: 'STANDARD_SO_ONLY' });
  });

  it('a built-in’s id with “Thay thế: Không” is told to write “Có” or choose another id', async () => {
    const base64 = await editedTemplate('nd07-2021', { Chuẩn: { B8: 'Không' } });
    const err = await so.call('households.standards.previewXlsx', { base64, fileName: 'nd07.xlsx' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'STANDARD_SAME_ID_AS_BUILT_IN', params: { standardId: 'nd07-2021' } });
    const value = err as { code: string; messageKey: string; params: Record<string, string | number> };
    expect(errorMessage(value)).toContain('ghi “Có” ở dòng thay thế chuẩn có sẵn');
    expect(errorMessage(value, 'en')).toContain('type “Có” on the replace row');
  });

  it('lines out of order: a floor typed above the poverty line', async () => {
    // qd59-2015's lines sheet: floor, poverty, medium (the bands' order); rural in column C.
    const base64 = await editedTemplate('qd59-2015', { 'Chuẩn thu nhập': { C3: '1.200.000' } });
    await expect(so.call('households.standards.previewXlsx', { base64, fileName: 'qd59.xlsx' })).rejects.toMatchObject({
      code: 'STANDARD_LINES_OUT_OF_ORDER',
      params: { area: 'rural', line: 'poverty', after: 'floor', areaName: 'nông thôn' },
    });
    expect(stored()).toBe(0);
  });
});

describe('a 2027 standard from Excel, through a bundle to Văn Quan', () => {
  const [template] = generateHouseholds({ seed: 12, count: 1, communes: sampleCommunes('VANQUAN'), reviewYear: 2025 });
  if (!template) throw new Error('no household');
  const household = { ...template, code: '', idNumber: '020199270077', reviewYear: 2027, area: 'rural' as const, incomePerPerson: 1_900_000, deprived: ['water', 'sanitation', 'healthInsurance'], standardId: 'nd07-2021' };

  it('preview says what the file holds; apply stores it; the office classifies 2027 by it once the bundle arrives', async () => {
    const base64 = b64(await officerWorkbook());
    const preview = await so.call('households.standards.previewXlsx', { base64, fileName: 'chuan-ngheo-2027.xlsx' });
    expect(preview).toMatchObject({
      action: 'adds',
      indicatorCount: 12,
      file: { replacesBuiltIn: false, standard: { id: 'thu-nghiem-2027', reviewYears: { from: 2027, to: 2030 }, lines: { rural: { poverty: 2_200_000, medium: 3_300_000 }, urban: { poverty: 2_800_000, medium: 4_200_000 } } } },
    });
    expect(stored()).toBe(0);

    const overview = await so.call('households.standards.importXlsx', { base64, fileName: 'chuan-ngheo-2027.xlsx' });
    expect(overview.years.find((y) => y.year === 2027)).toMatchObject({ status: 'fromSo', standard: { id: 'thu-nghiem-2027' }, sent: { fileName: 'chuan-ngheo-2027.xlsx', importedBy: 'Nguyễn Mạnh Cường' } });
    await expect(vq.call('households.save', { household })).rejects.toMatchObject({ code: 'HOUSEHOLD_NO_STANDARD_FOR_YEAR' });

    clock += 60_000;
    await carry(so, vq);
    const saved = await vq.call('households.save', { household });
    expect(saved.household.standardId).toBe('thu-nghiem-2027');
    // 1.900.000 đ with three deprivations: poor under 2027's 2.200.000 rural line.
    expect(saved.class).toBe('poor');
  });

  it('loading it again says it replaces the Sở’s earlier one; years overlapping it are refused', async () => {
    const again = await so.call('households.standards.previewXlsx', { base64: b64(await officerWorkbook()), fileName: 'x.xlsx' });
    expect(again).toMatchObject({ action: 'replacesSent', replacedTitle: 'CHUẨN THỬ NGHIỆM 2027-2030 (chỉ dùng trong kiểm thử)' });
    const other = b64(
      await officerWorkbook((wb) => {
        const ws = wb.getWorksheet('Chuẩn');
        if (!ws) throw new Error('Chuẩn');
        ws.getCell('B4').value = 'lang-son-2029';
        ws.getCell('B7').value = '2029';
      }),
    );
    await expect(so.call('households.standards.previewXlsx', { base64: other, fileName: 'y.xlsx' })).rejects.toMatchObject({
      code: 'STANDARD_YEARS_OVERLAP',
      params: { standardId: 'lang-son-2029', otherId: 'thu-nghiem-2027', from: 2029, to: 2030 },
    });
    expect(stored()).toBe(1);
  });
});
