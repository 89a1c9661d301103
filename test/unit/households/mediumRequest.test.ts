import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../../electron/core/files/xlsx';
import { parseHouseholdWorkbook } from '../../../electron/core/households/excel/import';
import { buildRejectedWorkbook } from '../../../electron/core/households/excel/rejected';
import { generateHouseholds, writeHouseholdWorkbook } from '../../../electron/core/households/generate';
import { householdTemplate } from '../../../electron/core/households/store/exports';
import { HouseholdDocDataSchema } from '../../../electron/domain/documentKinds/households';
import { classifyHousehold } from '../../../electron/domain/households/classify';
import { sampleCommunes } from '../../../electron/domain/households/communes';
import { HouseholdSchema, type Household } from '../../../electron/domain/households/household';
import { parseRequestDay } from '../../../electron/domain/households/mediumRequest';
import { buildPublicList, publicListCell, publicListColumns, publicListCounts, type ListCandidate } from '../../../electron/domain/households/publicLists';
import type { Sector } from '../../../electron/domain/households/sector';
import { ND07_2021 } from '../../../electron/domain/households/standards';
import { translator } from '../../../electron/domain/translate';

/*
 * The Giấy đề nghị xác nhận hộ có mức sống trung bình (Quyết định 24/2021/QĐ-TTg): the day a
 * household handed it in, as officers type it in their lists, and the commune's medium-living
 * list that shows it.
 */

const communes = sampleCommunes('VANQUAN');
const TODAY = '2025-12-05';
const options = { communes, reviewYear: 2025, standard: ND07_2021, today: TODAY };

describe('the day of a Giấy đề nghị as typed in a cell', () => {
  it('reads dd/mm/yyyy and its usual variants, ISO days, Excel date cells and serials', () => {
    expect(parseRequestDay('05/11/2025')).toBe('2025-11-05');
    expect(parseRequestDay('5/11/2025')).toBe('2025-11-05');
    expect(parseRequestDay(' 05-11-2025 ')).toBe('2025-11-05');
    expect(parseRequestDay('05.11.2025')).toBe('2025-11-05');
    expect(parseRequestDay('2025-11-05')).toBe('2025-11-05');
    // A date cell as exceljs gives it, and a date typed into a General cell (Excel's serial).
    expect(parseRequestDay(new Date(Date.UTC(2025, 10, 5)))).toBe('2025-11-05');
    expect(parseRequestDay(45966)).toBe('2025-11-05');
    expect(parseRequestDay(45658)).toBe('2025-01-01');
    expect(parseRequestDay('45966')).toBe('2025-11-05');
  });

  it('takes a blank cell as no request, and refuses what is not a day', () => {
    expect(parseRequestDay(null)).toBeUndefined();
    expect(parseRequestDay('  ')).toBeUndefined();
    for (const bad of ['31/02/2025', '05/13/2025', '5/11/25', 'tháng 11/2025', 'có', '2025', 'x'.repeat(100_000), "=cmd|' /C calc'!A0", '=TODAY()']) {
      expect(parseRequestDay(bad), bad).toBeNull();
    }
    // Small numbers are not dates anyone typed (serial 5 is 05/01/1900).
    expect(parseRequestDay(5)).toBeNull();
    expect(parseRequestDay(2025)).toBeNull();
    expect(parseRequestDay(Number.NaN)).toBeNull();
    expect(parseRequestDay(true)).toBeNull();
  });

  it('is stored only as a real day', () => {
    const [h] = generateHouseholds({ seed: 3, count: 1, communes, reviewYear: 2025 });
    expect(HouseholdSchema.safeParse({ ...h, mediumRequest: { receivedOn: '2025-11-05' } }).success).toBe(true);
    expect(HouseholdSchema.safeParse({ ...h, mediumRequest: { receivedOn: '2025-02-30' } }).success).toBe(false);
    expect(HouseholdSchema.safeParse({ ...h, mediumRequest: { receivedOn: '05/11/2025' } }).success).toBe(false);
    expect(HouseholdSchema.safeParse({ ...h, mediumRequest: { receivedOn: '2025-11-05', by: 'x' } }).success).toBe(false);
    const doc = { ...h, class: 'medium', reasonText: '', updatedAt: '2025-11-05T00:00:00Z', updatedBy: 'Hoàng Thị Lan' };
    expect(HouseholdDocDataSchema.safeParse({ ...doc, mediumRequest: { receivedOn: '2025-11-05' } }).success).toBe(true);
    expect(HouseholdDocDataSchema.safeParse({ ...doc, mediumRequest: { receivedOn: "=cmd|' /C calc'!A0" } }).success).toBe(false);
  });
});

describe('the "Ngày nộp giấy đề nghị" column of a household list', () => {
  it('is in the template and round-trips through a list', async () => {
    const template = await householdTemplate(2025);
    const ws = (await loadWorkbook(Buffer.from(template.base64, 'base64'))).worksheets[0];
    expect((ws?.getRow(4).values as unknown[]).filter((v) => typeof v === 'string')).toContain('Ngày nộp giấy đề nghị');

    const hs = generateHouseholds({ seed: 4, count: 2, communes, reviewYear: 2025 }).map((h, i) => ({
      ...h,
      sector: 'agriculture' as const,
      ...(i === 0 ? { mediumRequest: { receivedOn: '2025-10-20' } } : {}),
    }));
    const wb = await writeHouseholdWorkbook(hs, { communes });
    const parse = await parseHouseholdWorkbook(wb.buffer, options);
    expect(parse.errors).toEqual([]);
    expect(parse.rows.map((r) => r.household.mediumRequest)).toEqual([{ receivedOn: '2025-10-20' }, undefined]);
  });

  it('reads typed days and Excel dates; refuses a non-date or a future day on its row and column, with the fix', async () => {
    const hs = generateHouseholds({ seed: 6, count: 10, communes, reviewYear: 2025 }).map((h) => ({ ...h, sector: 'forestry' as const }));
    const formula = "=cmd|' /C calc'!A0";
    const huge = 'Đã nộp '.repeat(5_000);
    const wb = await writeHouseholdWorkbook(hs, {
      communes,
      overrides: [
        { index: 0, field: 'mediumRequest', value: '05/11/2025' },
        { index: 1, field: 'mediumRequest', value: 45966 },
        { index: 2, field: 'mediumRequest', value: new Date(Date.UTC(2025, 8, 15)) },
        { index: 3, field: 'mediumRequest', value: '31/02/2025' },
        { index: 4, field: 'mediumRequest', value: '05/12/2026' },
        { index: 5, field: 'mediumRequest', value: formula },
        { index: 6, field: 'mediumRequest', value: huge },
        { index: 7, field: 'mediumRequest', value: TODAY.split('-').reverse().join('/') },
        { index: 8, field: 'mediumRequest', value: null },
        { index: 9, field: 'mediumRequest', value: 'có' },
      ],
    });
    const parse = await parseHouseholdWorkbook(wb.buffer, options);
    const byRow = new Map(parse.rows.map((r) => [r.row, r.household.mediumRequest?.receivedOn ?? null]));
    expect([0, 1, 2, 7, 8].map((i) => byRow.get(wb.rowOf(i)))).toEqual(['2025-11-05', '2025-11-05', '2025-09-15', TODAY, null]);
    const refused = parse.errors.map((e) => ({ row: e.row, column: e.column, field: e.field, key: e.problem.messageKey, value: e.problem.params['value'] }));
    expect(refused).toEqual([
      { row: wb.rowOf(3), column: 'Ngày nộp giấy đề nghị', field: 'mediumRequest', key: 'households:problem.requestDateInvalid', value: '31/02/2025' },
      { row: wb.rowOf(4), column: 'Ngày nộp giấy đề nghị', field: 'mediumRequest', key: 'households:problem.requestDateFuture', value: '05/12/2026' },
      { row: wb.rowOf(5), column: 'Ngày nộp giấy đề nghị', field: 'mediumRequest', key: 'households:problem.requestDateInvalid', value: formula },
      // A huge cell is named by its start only: the message stays readable.
      { row: wb.rowOf(6), column: 'Ngày nộp giấy đề nghị', field: 'mediumRequest', key: 'households:problem.requestDateInvalid', value: huge.replace(/\s+/g, ' ').trim().slice(0, 40) },
      { row: wb.rowOf(9), column: 'Ngày nộp giấy đề nghị', field: 'mediumRequest', key: 'households:problem.requestDateInvalid', value: 'có' },
    ]);
    expect(parse.errors.find((e) => e.problem.messageKey.endsWith('requestDateFuture'))?.problem.params['today']).toBe('05/12/2025');
    // The officer's file of refused rows keeps the formula-like text as text, never a formula.
    const rejected = await buildRejectedWorkbook(wb.buffer, parse.table, parse.errors);
    const xml = strFromU8(unzipSync(new Uint8Array(rejected))['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(xml).not.toContain('<f>');
    const cells: unknown[] = [];
    (await loadWorkbook(rejected)).worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain(formula);
  });
});

/*
 * Who is on the medium-living list of xã Tràng Các in 2025: the class comes from Nghị định
 * 07/2021's rural lines (medium above 1.500.000 đ up to 2.250.000 đ), the sector decides the rest.
 */
describe('the medium-living list: sector × band × request', () => {
  const rural = (income: number) => classifyHousehold({ area: 'rural', incomePerPerson: income, deprived: [] }, ND07_2021).class;
  let n = 0;
  const candidate = (headName: string, income: number, sector: Sector | undefined, requestOn: string | null): ListCandidate => {
    n++;
    return {
      code: `TRANGCAC-2025-${String(n).padStart(4, '0')}`,
      headName,
      idNumber: `02019000${String(n).padStart(4, '0')}`,
      village: 'Thôn Nà Làng',
      members: 4,
      incomePerPerson: income,
      deprivedCount: 0,
      b1: null,
      b2: null,
      history: { 2025: rural(income) },
      ...(sector ? { sector } : {}),
      requestOn,
    };
  };
  const commune = [
    candidate('Hoàng Văn An', 1_500_000, 'agriculture', '2025-10-01'), // at the poverty line: near-poor
    candidate('Lý Thị Bích', 1_500_001, 'agriculture', '2025-10-02'), // just above: medium
    candidate('Nông Văn Cường', 2_250_000, 'forestry', null), // top of the band: medium, no request yet
    candidate('Vi Thị Dung', 2_250_001, 'fishery', '2025-10-03'), // above the band
    candidate('Chu Văn Giang', 1_800_000, 'salt', '2025-10-04'),
    candidate('Đinh Thị Hà', 1_800_000, 'other', '2025-10-05'), // another sector: not on the list
    candidate('Mã Văn Khánh', 1_800_000, undefined, null), // sector not recorded: not on the list
  ];

  it('lists medium households of the four sectors only, with and without a request', () => {
    expect(commune.map((c) => c.history[2025])).toEqual(['nearPoor', 'medium', 'medium', 'above', 'medium', 'medium', 'medium']);
    const list = buildPublicList('medium', 2025, commune, false);
    expect(list.available).toBe(true);
    expect(list.rows.map((r) => [r.headName, r.requestOn])).toEqual([
      ['Chu Văn Giang', '2025-10-04'],
      ['Lý Thị Bích', '2025-10-02'],
      ['Nông Văn Cường', null],
    ]);
    expect(list.totals).toEqual({ households: 3, members: 12, withRequest: 2 });
    expect(publicListCounts(2025, commune, false).medium).toEqual({ households: 3, members: 12, withRequest: 2 });
  });

  it('shows sector and request day (blank when none) instead of deprivations', () => {
    const list = buildPublicList('medium', 2025, commune, false);
    const columns = publicListColumns('medium', list.hasScores);
    expect(columns).toEqual(['no', 'headName', 'idMasked', 'village', 'members', 'sector', 'income', 'requestOn']);
    const vi = translator('vi');
    expect(list.rows.map((r) => columns.map((c) => publicListCell(vi, c, r)))).toEqual([
      [1, 'Chu Văn Giang', '0201******05', 'Thôn Nà Làng', 4, 'Diêm nghiệp', 1_800_000, '04/10/2025'],
      [2, 'Lý Thị Bích', '0201******02', 'Thôn Nà Làng', 4, 'Nông nghiệp', 1_500_001, '02/10/2025'],
      [3, 'Nông Văn Cường', '0201******03', 'Thôn Nà Làng', 4, 'Lâm nghiệp', 2_250_000, null],
    ]);
  });

  it('never changes the other lists', () => {
    expect(buildPublicList('nearPoor', 2025, commune, false).rows.map((r) => r.headName)).toEqual(['Hoàng Văn An']);
    expect(buildPublicList('poor', 2025, commune, false).totals).toEqual({ households: 0, members: 0 });
  });
});

// Keeps the Household type import honest: a record with a request is a Household.
const _typed: Pick<Household, 'mediumRequest'> = { mediumRequest: { receivedOn: '2025-11-05' } };
void _typed;
