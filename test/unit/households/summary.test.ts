import { describe, expect, it } from 'vitest';
import { CommuneSchema, sampleCommunes, type Commune } from '../../../electron/domain/households/communes';
import { generateHouseholds, nextYearHouseholds } from '../../../electron/core/households/generate';
import type { Household } from '../../../electron/domain/households/household';
import { summarise, summaryByDistrict, type SummaryCounts, type SummaryRow } from '../../../electron/domain/households/summary';

const A = CommuneSchema.parse({ code: 'VQ-A', name: 'Tràng Các', kind: 'xa' });
const B = CommuneSchema.parse({ code: 'VQ-B', name: 'Văn Quan', kind: 'thiTran' });
const C = CommuneSchema.parse({ code: 'VQ-C', name: 'Tân Đoàn', kind: 'xa' });
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
  hh('3', A, 2_000_000, 0, 'Nùng', 2023), //       medium; 2022 poor -> escaped
  hh('4', A, 1_000_000, 3, 'Dao', 2023), //        poor; 2021 poor, 2022 medium -> fell back
  hh('5', A, 1_500_000, 3, 'Kinh', 2023, true), // poor; no history -> new
  hh('10', A, 3_000_000, 0, 'Kinh', 2023), //      above
  hh('6', B, 1_900_000, 2, 'Tày', 2023), //        near-poor; 2022 near-poor
  hh('7', B, 2_500_000, 0, 'Kinh', 2023, true), // medium; 2022 near-poor -> escaped near-poverty
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
const rowA = { ...zero, total: 6, poor: 3, nearPoor: 1, medium: 1, above: 1, minorityPoor: 2, meritPoorOrNearPoor: 2, poorAtStart: 4, escaped: 2, fellBack: 1, newlyPoor: 1, nearPoorNew: 1, poorPct: 50, nearPoorPct: 16.67 };
const rowB = { ...zero, total: 4, poor: 1, nearPoor: 1, medium: 1, above: 1, minorityPoor: 1, minorityNearPoor: 1, newlyPoor: 1, nearPoorAtStart: 3, nearPoorEscaped: 1, nearPoorWorsened: 1, poorPct: 25, nearPoorPct: 25 };
const total = {
  ...zero,
  total: 10,
  poor: 4,
  nearPoor: 2,
  medium: 2,
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
  poorPct: 40,
  nearPoorPct: 20,
};

describe('summarise', () => {
  const s = summarise(current, { year: 2023, communes, previous: earlier });

  it('counts each commune as computed by hand', () => {
    expect(s.rows.map((r) => r.label)).toEqual(['Xã Tràng Các', 'Thị trấn Văn Quan', 'Xã Tân Đoàn']);
    expect(s.rows[0]).toEqual({ key: 'VQ-A', kind: 'commune', label: 'Xã Tràng Các', ...rowA });
    expect(s.rows[1]).toEqual({ key: 'VQ-B', kind: 'commune', label: 'Thị trấn Văn Quan', ...rowB });
    expect(s.rows[2]).toEqual({ key: 'VQ-C', kind: 'commune', label: 'Xã Tân Đoàn', ...zero, poorPct: 0, nearPoorPct: 0 });
  });

  it('adds rural, urban and district rows', () => {
    expect(s.rural).toEqual({ key: 'rural', kind: 'area', label: '', labelKey: 'households:summary.row.rural', ...rowA });
    expect(s.urban).toEqual({ key: 'urban', kind: 'area', label: '', labelKey: 'households:summary.row.urban', ...rowB });
    expect(s.total).toEqual({ key: 'total', kind: 'total', label: '', labelKey: 'households:summary.row.total', ...total });
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
  });
});

describe('summaryByDistrict', () => {
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
