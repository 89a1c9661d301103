import { describe, expect, it } from 'vitest';
import { CommuneSchema, sampleCommunes, type Commune } from '../../../electron/domain/households/communes';
import { generateHouseholds, nextYearHouseholds } from '../../../electron/core/households/generate';
import type { Household } from '../../../electron/domain/households/household';
import { classifyRecord } from '../../../electron/domain/households/classOf';
import { summarise, summaryByDistrict, summaryCell, summaryRecordOf, type SummaryCounts, type SummaryRow } from '../../../electron/domain/households/summary';
import { officeDigest, summaryByDistrictOfDigests } from '../../../electron/domain/households/summaryDigest';

// Tổng số hộ dân cư of 2023 as the communes page records it: the base of every rate.
const A = CommuneSchema.parse({ code: 'VQ-A', name: 'Tràng Các', kind: 'xa', totalHouseholds: { '2023': 1200 } });
const B = CommuneSchema.parse({ code: 'VQ-B', name: 'Văn Quan', kind: 'thiTran', totalHouseholds: { '2023': 850 } });
const C = CommuneSchema.parse({ code: 'VQ-C', name: 'Tân Đoàn', kind: 'xa', totalHouseholds: { '2023': 600 } });
const communes: Commune[] = [A, B, C];
const D = ['water', 'sanitation', 'telecom', 'nutrition', 'housingArea'];

function hh(code: string, commune: Commune, income: number, deprivations: number, ethnicity: string, year: number, merit = false): Household {
  return {
    code,
    headName: `Chủ hộ ${code}`,
    idNumber: `0200850${code.padStart(5, '0')}`,
    ethnicity,
    communeCode: commune.code,
    village: '',
    area: commune.kind === 'xa' ? 'rural' : 'urban',
    members: 4,
    incomePerPerson: income,
    deprived: D.slice(0, deprivations),
    merit,
    notes: '',
    reviewYear: year,
    standardId: 'nd07-2021',
  };
}

// 2023, with the class each gets and its history, computed by hand.
const current: Household[] = [
  hh('1', A, 1_200_000, 4, 'Tày', 2023, true), //  poor; 2022 poor -> unchanged
  hh('2', A, 1_400_000, 1, 'Kinh', 2023), //       near-poor; 2022 poor -> escaped, near-poor new
  { ...hh('3', A, 2_000_000, 0, 'Nùng', 2023), sector: 'agriculture' }, // medium (farming: on the list); 2022 poor -> escaped
  hh('4', A, 1_000_000, 3, 'Dao', 2023), //        poor; 2021 poor, 2022 medium -> fell back
  hh('5', A, 1_500_000, 3, 'Kinh', 2023, true), // poor; no history -> new
  hh('10', A, 3_000_000, 0, 'Kinh', 2023), //      above
  hh('6', B, 1_900_000, 2, 'Tày', 2023), //        near-poor; 2022 near-poor
  hh('7', B, 2_500_000, 0, 'Kinh', 2023, true), // medium band, sector not recorded; 2022 near-poor -> escaped near-poverty
  hh('8', B, 3_500_000, 0, 'Tày', 2023), //        above
  hh('9', B, 2_000_000, 5, 'Mông', 2023), //       poor; 2022 near-poor -> newly poor, near-poor worsened
];
const earlier: Household[] = [
  hh('1', A, 1_000_000, 5, 'Tày', 2022, true), // poor
  hh('2', A, 1_100_000, 3, 'Kinh', 2022), //     poor
  hh('3', A, 1_300_000, 4, 'Nùng', 2022), //     poor
  hh('4', A, 2_000_000, 0, 'Dao', 2022), //      medium
  hh('10', A, 3_000_000, 0, 'Kinh', 2022), //    above
  hh('11', A, 900_000, 3, 'Tày', 2022), //       poor, gone in 2023
  hh('6', B, 1_800_000, 1, 'Tày', 2022), //      near-poor
  hh('7', B, 2_000_000, 0, 'Kinh', 2022), //     near-poor
  hh('9', B, 1_500_000, 2, 'Mông', 2022), //     near-poor
  hh('4', A, 1_000_000, 3, 'Dao', 2021), //      poor
];

const zero: SummaryCounts = {
  total: 0,
  poor: 0,
  nearPoor: 0,
  medium: 0,
  mediumOtherSector: 0,
  mediumUnknownSector: 0,
  above: 0,
  minorityPoor: 0,
  minorityNearPoor: 0,
  meritPoorOrNearPoor: 0,
  poorAtStart: 0,
  escaped: 0,
  fellBack: 0,
  newlyPoor: 0,
  nearPoorAtStart: 0,
  nearPoorEscaped: 0,
  nearPoorFellBack: 0,
  nearPoorNew: 0,
  nearPoorWorsened: 0,
};
const rowA = { ...zero, total: 6, poor: 3, nearPoor: 1, medium: 1, above: 1, minorityPoor: 2, meritPoorOrNearPoor: 2, poorAtStart: 4, escaped: 2, fellBack: 1, newlyPoor: 1, nearPoorNew: 1, households: 1200, poorPct: 0.25, nearPoorPct: 0.08 };
const rowB = { ...zero, total: 4, poor: 1, nearPoor: 1, mediumUnknownSector: 1, above: 1, minorityPoor: 1, minorityNearPoor: 1, newlyPoor: 1, nearPoorAtStart: 3, nearPoorEscaped: 1, nearPoorWorsened: 1, households: 850, poorPct: 0.12, nearPoorPct: 0.12 };
const total = {
  ...zero,
  total: 10,
  poor: 4,
  nearPoor: 2,
  medium: 1,
  mediumUnknownSector: 1,
  above: 2,
  minorityPoor: 3,
  minorityNearPoor: 1,
  meritPoorOrNearPoor: 2,
  poorAtStart: 4,
  escaped: 2,
  fellBack: 1,
  newlyPoor: 2,
  nearPoorAtStart: 3,
  nearPoorEscaped: 1,
  nearPoorNew: 1,
  nearPoorWorsened: 1,
  households: 2650,
  poorPct: 0.15, // 4 / 2 650, not 4 / 10 households on the list
  nearPoorPct: 0.08,
};

describe('summarise', () => {
  const s = summarise(current, { year: 2023, communes, previous: earlier });

  it('counts each commune as computed by hand', () => {
    expect(s.rows.map((r) => r.label)).toEqual(['Xã Tràng Các', 'Thị trấn Văn Quan', 'Xã Tân Đoàn']);
    expect(s.rows[0]).toEqual({ key: 'VQ-A', kind: 'commune', label: 'Xã Tràng Các', ...rowA });
    expect(s.rows[1]).toEqual({ key: 'VQ-B', kind: 'commune', label: 'Thị trấn Văn Quan', ...rowB });
    expect(s.rows[2]).toEqual({ key: 'VQ-C', kind: 'commune', label: 'Xã Tân Đoàn', ...zero, households: 600, poorPct: 0, nearPoorPct: 0 });
  });

  it('adds rural, urban and district rows', () => {
    // Rural: Tràng Các and Tân Đoàn, 1 200 + 600 households.
    expect(s.rural).toEqual({ key: 'rural', kind: 'area', label: '', labelKey: 'households:summary.row.rural', ...rowA, households: 1800, poorPct: 0.17, nearPoorPct: 0.06 });
    expect(s.urban).toEqual({ key: 'urban', kind: 'area', label: '', labelKey: 'households:summary.row.urban', ...rowB });
    expect(s.total).toEqual({ key: 'total', kind: 'total', label: '', labelKey: 'households:summary.row.total', ...total });
  });

  it('counts "mức sống trung bình" only for nông, lâm, ngư, diêm nghiệp and shows the rest of the band apart', () => {
    const band = (code: string, sector: Household['sector']): Household => ({ ...hh(code, A, 2_000_000, 0, 'Tày', 2023), ...(sector ? { sector } : {}) });
    const t = summarise([band('21', 'agriculture'), band('22', 'forestry'), band('23', 'fishery'), band('24', 'salt'), band('25', 'other'), band('26', undefined), hh('27', A, 900_000, 4, 'Tày', 2023)], {
      year: 2023,
      communes,
    });
    expect(t.rows[0]).toMatchObject({ total: 7, poor: 1, medium: 4, mediumOtherSector: 1, mediumUnknownSector: 1, above: 0 });
    // Nobody dropped: every household on the list is in exactly one column.
    const r = t.total;
    expect(r.poor + r.nearPoor + r.medium + r.mediumOtherSector + r.mediumUnknownSector + r.above).toBe(r.total);
    // The sector never changes a poor household's count.
    expect(summarise([{ ...hh('27', A, 900_000, 4, 'Tày', 2023), sector: 'other' }], { year: 2023, communes }).total).toMatchObject({ poor: 1, mediumOtherSector: 0 });
  });

  it('takes history from the records themselves, counted once however it arrives', () => {
    expect(summarise([...current, ...earlier], { year: 2023, communes })).toEqual(s);
    expect(summarise([...current, ...earlier], { year: 2023, communes, previous: earlier })).toEqual(s);
  });

  it('lists households of communes missing from the list after the known ones', () => {
    const stray = hh('99', CommuneSchema.parse({ code: 'VQ-Z', name: 'Z', kind: 'xa' }), 1_000_000, 3, 'Tày', 2023);
    const t = summarise([...current, stray], { year: 2023, communes });
    expect(t.rows.at(-1)).toMatchObject({ key: 'VQ-Z', label: 'VQ-Z', total: 1, poor: 1, newlyPoor: 1 });
    expect(t.total.total).toBe(11);
    // A commune without a figure makes the total unknown, never a rate over a partial base.
    expect(t.rows.at(-1)).toMatchObject({ households: null, poorPct: null });
    expect(t.total).toMatchObject({ households: null, poorPct: null, nearPoorPct: null });
  });

  it('gives no rate where the commune total was not entered (a town with 1 listed household is not 100 % poor)', () => {
    const town = CommuneSchema.parse({ code: 'VQ-T', name: 'Na Sầm', kind: 'thiTran' });
    const t = summarise([hh('1', town, 1_000_000, 4, 'Nùng', 2023)], { year: 2023, communes: [town] });
    expect(t.rows[0]).toMatchObject({ total: 1, poor: 1, households: null, poorPct: null });
    const known = CommuneSchema.parse({ code: 'VQ-T', name: 'Na Sầm', kind: 'thiTran', totalHouseholds: { '2023': 2400 } });
    expect(summarise([hh('1', known, 1_000_000, 4, 'Nùng', 2023)], { year: 2023, communes: [known] }).rows[0]).toMatchObject({ households: 2400, poorPct: 0.04 });
  });

  it("marks a ward's rural row not known, never 0 households, beside its own total not yet entered", () => {
    // Phường Đông Kinh (2025): one urban commune, no xã. Its rural row used to say 0 households
    // while its own row (no figure yet) said nothing.
    const ward = CommuneSchema.parse({ code: 'PHUONG-DONGKINH', name: 'Đông Kinh', kind: 'phuong' });
    const t = summarise([hh('1', ward, 1_000_000, 4, 'Tày', 2026)], { year: 2026, communes: [ward] });
    for (const row of [t.rows[0], t.rural, t.urban, t.total]) expect(row).toMatchObject({ households: null, poorPct: null, nearPoorPct: null });
    // Every row shows the same mark for the unknown total, and no rate; the counts stay figures.
    for (const row of [t.rows[0], t.rural, t.urban, t.total]) {
      if (!row) throw new Error('no row');
      expect([summaryCell(row, 'households'), summaryCell(row, 'poorPct'), summaryCell(row, 'nearPoorPct')]).toEqual(['—', null, null]);
    }
    expect([summaryCell(t.urban, 'total'), summaryCell(t.rural, 'total'), summaryCell(t.total, 'poor')]).toEqual([1, 0, 1]);
    // Entered on the communes page: the ward, its area and the total have it; the rural row
    // still has no commune to give it a base.
    const entered = CommuneSchema.parse({ code: 'PHUONG-DONGKINH', name: 'Đông Kinh', kind: 'phuong', totalHouseholds: { '2026': 3150 } });
    const u = summarise([hh('1', entered, 1_000_000, 4, 'Tày', 2026)], { year: 2026, communes: [entered] });
    expect([u.rows[0]?.households, u.urban.households, u.total.households, u.rural.households]).toEqual([3150, 3150, 3150, null]);
    expect(u.urban.poorPct).toBe(0.03);
  });
});

describe('summaryByDistrict', () => {
  it("adds the districts' total households, so the province rate is poor over all households", () => {
    // Two districts of 2 000 and 1 000 households; 370 and 30 poor: 18,5 % and 3 %, 13,33 % in all.
    const x = CommuneSchema.parse({ code: 'X1', name: 'Tràng Các', kind: 'xa', totalHouseholds: { '2023': 2000 } });
    const y = CommuneSchema.parse({ code: 'Y1', name: 'Hoàng Văn Thụ', kind: 'xa', totalHouseholds: { '2023': 1000 } });
    const poor = (c: Commune, n: number) => Array.from({ length: n }, (_, i) => hh(String(i + 1), c, 1_000_000, 4, 'Tày', 2023));
    const s = summaryByDistrict(
      [
        { office: { code: 'VANQUAN', name: 'Huyện Văn Quan' }, households: poor(x, 370), communes: [x] },
        { office: { code: 'BINHGIA', name: 'Huyện Bình Gia' }, households: poor(y, 30), communes: [y] },
      ],
      { year: 2023 },
    );
    expect(s.rows.map((r) => [r.households, r.poorPct])).toEqual([
      [2000, 18.5],
      [1000, 3],
    ]);
    expect(s.total).toMatchObject({ households: 3000, poor: 400, poorPct: 13.33 });
  });

  it('makes one row per district and a province total', () => {
    const vq = sampleCommunes('VANQUAN');
    const bg = sampleCommunes('BINHGIA');
    const vq22 = generateHouseholds({ seed: 1, count: 300, communes: vq });
    const bg22 = generateHouseholds({ seed: 2, count: 200, communes: bg });
    const groups = [
      { office: { code: 'VANQUAN', name: 'Huyện Văn Quan' }, households: nextYearHouseholds(vq22, { seed: 3 }), previous: vq22 },
      { office: { code: 'BINHGIA', name: 'Huyện Bình Gia' }, households: nextYearHouseholds(bg22, { seed: 4 }), previous: bg22 },
    ];
    const s = summaryByDistrict(groups, { year: 2023 });
    expect(s.rows.map((r) => [r.key, r.kind, r.label])).toEqual([
      ['VANQUAN', 'district', 'Huyện Văn Quan'],
      ['BINHGIA', 'district', 'Huyện Bình Gia'],
    ]);
    expect(s.total.labelKey).toBe('households:summary.row.totalProvince');
    const vqAlone = summarise(groups[0]?.households ?? [], { year: 2023, communes: vq, previous: vq22 });
    const counts = ({ key: _k, kind: _i, label: _l, labelKey: _lk, ...rest }: SummaryRow) => rest;
    expect(counts(s.rows[0] as SummaryRow)).toEqual(counts(vqAlone.total));
    for (const k of Object.keys(zero) as (keyof SummaryCounts)[]) {
      expect(s.total[k]).toBe((s.rows[0]?.[k] ?? 0) + (s.rows[1]?.[k] ?? 0));
      expect(s.total[k]).toBe(s.rural[k] + s.urban[k]);
    }
    expect(s.total.total).toBe(500);
    // Households present both years: end = start - escaped - worsened + fell back + new.
    expect(s.total.poor).toBe(s.total.poorAtStart - s.total.escaped + s.total.fellBack + s.total.newlyPoor);
    expect(s.total.nearPoor).toBe(
      s.total.nearPoorAtStart - s.total.nearPoorEscaped - s.total.nearPoorWorsened + s.total.nearPoorFellBack + s.total.nearPoorNew,
    );
  });
});

describe('summaryByDistrictOfDigests (the Sở\'s table from each office\'s counts)', () => {
  const records = (list: readonly Household[]) => list.map((h) => summaryRecordOf(h, classifyRecord(h).class));

  it('keeps, per year and area, the counts the table made from the records shows, history included', () => {
    const digest = officeDigest(records([...current, ...earlier]));
    // A year with records, and the year after one (its poor at the start); nothing else.
    expect(Object.keys(digest)).toEqual(['2021', '2022', '2023', '2024']);
    const s = summarise([...current, ...earlier], { year: 2023, communes });
    const counts = ({ key: _k, kind: _i, label: _l, labelKey: _lk, households: _h, poorPct: _p, nearPoorPct: _n, ...rest }: SummaryRow) => rest;
    expect(digest['2023']).toEqual({ rural: counts(s.rural), urban: counts(s.urban) });
    // 2024 has no record: only the 2023 poor and near-poor, as the start of the year.
    expect(digest['2024']?.rural).toEqual({ ...zero, poorAtStart: s.rural.poor, nearPoorAtStart: s.rural.nearPoor });
    expect(digest['2024']?.urban).toEqual({ ...zero, poorAtStart: s.urban.poor, nearPoorAtStart: s.urban.nearPoor });
  });

  it('sums the counts and computes the province rate from them, never an average of rates', () => {
    const x = CommuneSchema.parse({ code: 'X1', name: 'Tràng Các', kind: 'xa', totalHouseholds: { '2023': 2000 } });
    const y = CommuneSchema.parse({ code: 'Y1', name: 'Hoàng Văn Thụ', kind: 'phuong', totalHouseholds: { '2023': 1000 } });
    const poor = (c: Commune, n: number) => Array.from({ length: n }, (_, i) => hh(String(i + 1), c, 1_000_000, 4, 'Tày', 2023));
    const groups = [
      { office: { code: 'VANQUAN', name: 'Huyện Văn Quan' }, households: poor(x, 370), communes: [x] },
      { office: { code: 'LANGSON', name: 'Thành phố Lạng Sơn' }, households: poor(y, 30), communes: [y] },
    ];
    const s = summaryByDistrictOfDigests(
      groups.map((g) => ({ office: g.office, digest: officeDigest(records(g.households)), communes: g.communes })),
      { year: 2023 },
    );
    expect(s).toEqual(summaryByDistrict(groups, { year: 2023 }));
    // 400 poor of 3 000 households: 13,33 % (the mean of 18,5 % and 3 % would be 10,75 %).
    expect(s.total).toMatchObject({ households: 3000, poor: 400, poorPct: 13.33 });
    expect(s.rural).toMatchObject({ poor: 370, poorPct: 18.5 });
    expect(s.urban).toMatchObject({ poor: 30, poorPct: 3 });
    // A year the offices have no record of: their rows, all zero, still listed.
    const empty = summaryByDistrictOfDigests(groups.map((g) => ({ office: g.office, digest: officeDigest(records(g.households)), communes: g.communes })), { year: 2030 });
    expect(empty.rows.map((r) => [r.key, r.total])).toEqual([
      ['VANQUAN', 0],
      ['LANGSON', 0],
    ]);
  });
});
