import { describe, expect, it } from 'vitest';
import { householdDocData } from '../../../electron/core/households/store/docs';
import { householdRowOf } from '../../../electron/core/reports/facts';
import { generateHouseholds } from '../../../electron/core/households/generate';
import { classifyWithBasis, classStamp, storedClassOf, type LoadedTables } from '../../../electron/domain/households/classOf';
import { sampleCommunes } from '../../../electron/domain/households/communes';
import type { Household } from '../../../electron/domain/households/household';
import { ScoreTableSchema, type ScoreTable } from '../../../electron/domain/households/scoring';
import { ND07_2021 } from '../../../electron/domain/households/standards';
import type { HouseholdClass } from '../../../electron/domain/households/standards/schema';
import fixture from '../../fixtures/scoring/TEST-ONLY-score-table.json' with { type: 'json' };

/**
 * The stored class follows the Phiếu B score when an official score table is loaded for the
 * record's year and standard, and income in đồng otherwise. No official table exists in the
 * repo (none could be cited): TEST_TABLE is the made-up test fixture, and OFFICIAL_SHAPED_TEST
 * is the same made-up data with testOnly switched off, to stand for "an official table is
 * loaded". Its thresholds (test data): rural poverty 40, medium 70; urban poverty 50, medium 85.
 */

const TEST_TABLE = ScoreTableSchema.parse(fixture);
const OFFICIAL_SHAPED_TEST: ScoreTable = { ...TEST_TABLE, testOnly: false };
const DOC_ID = 'scoreTable:SO:thu-nghiem-tdmnpb';
const loaded = (t: ScoreTable): LoadedTables => new Map([[DOC_ID, t]]);

const [base] = generateHouseholds({ seed: 3, count: 1, communes: sampleCommunes('VANQUAN'), reviewYear: 2025 });

/** Income 5.000.000 đ: above every line, so any class other than 'above' came from the score. */
function record(area: 'rural' | 'urban', answers: Record<string, string>, deprivations: number, year = 2025): Household {
  return {
    ...(base as Household),
    area,
    incomePerPerson: 5_000_000,
    deprived: ['water', 'sanitation', 'telecom', 'nutrition', 'housingArea'].slice(0, deprivations).sort(),
    reviewYear: year,
    standardId: ND07_2021.id,
    phieuB: { table: DOC_ID, answers },
  };
}

interface Case {
  name: string;
  area: 'rural' | 'urban';
  answers: Record<string, string>;
  b1: number;
  deprivations: number;
  expected: HouseholdClass;
}

// Rural B1 = 10 + Q1 {0,15,30} + Q2 {co 20, khong 0} + Q3 {0,10,25}; urban 20 + {0,15,35} + {15,0} + {0,10,30}.
const CASES: Case[] = [
  { name: 'nông thôn, B1 đúng ngưỡng nghèo, 3 thiếu hụt', area: 'rural', answers: { Q1: '2', Q2: 'khong', Q3: 'tam' }, b1: 40, deprivations: 3, expected: 'poor' },
  { name: 'nông thôn, B1 đúng ngưỡng nghèo, 2 thiếu hụt', area: 'rural', answers: { Q1: '2', Q2: 'khong', Q3: 'tam' }, b1: 40, deprivations: 2, expected: 'nearPoor' },
  { name: 'nông thôn, B1 trên ngưỡng nghèo, 5 thiếu hụt', area: 'rural', answers: { Q1: '1', Q2: 'co', Q3: 'tam' }, b1: 45, deprivations: 5, expected: 'medium' },
  { name: 'nông thôn, B1 đúng ngưỡng mức sống TB', area: 'rural', answers: { Q1: '2', Q2: 'co', Q3: 'bankientco' }, b1: 70, deprivations: 0, expected: 'medium' },
  { name: 'nông thôn, B1 trên ngưỡng mức sống TB', area: 'rural', answers: { Q1: '2', Q2: 'co', Q3: 'kientco' }, b1: 85, deprivations: 0, expected: 'above' },
  { name: 'thành thị, B1 đúng ngưỡng nghèo, 3 thiếu hụt', area: 'urban', answers: { Q1: '1', Q2: 'co', Q3: 'tam' }, b1: 50, deprivations: 3, expected: 'poor' },
  { name: 'thành thị, B1 đúng ngưỡng nghèo, 2 thiếu hụt', area: 'urban', answers: { Q1: '1', Q2: 'co', Q3: 'tam' }, b1: 50, deprivations: 2, expected: 'nearPoor' },
  { name: 'thành thị, B1 trên ngưỡng nghèo, 4 thiếu hụt', area: 'urban', answers: { Q1: '2', Q2: 'khong', Q3: 'tam' }, b1: 55, deprivations: 4, expected: 'medium' },
  { name: 'thành thị, B1 đúng ngưỡng mức sống TB', area: 'urban', answers: { Q1: '2', Q2: 'khong', Q3: 'kientco' }, b1: 85, deprivations: 0, expected: 'medium' },
  { name: 'thành thị, B1 trên ngưỡng mức sống TB', area: 'urban', answers: { Q1: '2', Q2: 'co', Q3: 'kientco' }, b1: 100, deprivations: 0, expected: 'above' },
];

describe('the class follows the Phiếu B score of an official table', () => {
  it.each(CASES)('$name → $expected', (c) => {
    const h = record(c.area, c.answers, c.deprivations);
    const r = classifyWithBasis(h, loaded(OFFICIAL_SHAPED_TEST));
    expect(r.phieuB?.b1).toBe(c.b1);
    expect({ class: r.class, basis: r.basis }).toEqual({ class: c.expected, basis: 'phieuB' });
    // The stored document says the same, and so does a reader of it.
    const stored = householdDocData(h, 'Hoàng Thị Lan', new Date('2025-11-10T02:00:00Z'), loaded(OFFICIAL_SHAPED_TEST));
    expect({ class: stored.class, classBasis: stored.classBasis }).toEqual({ class: c.expected, classBasis: 'phieuB' });
    expect(storedClassOf(stored, loaded(OFFICIAL_SHAPED_TEST))).toEqual({ class: c.expected, basis: 'phieuB' });
    expect(stored.reasonText).toContain(`điểm B1 ${c.b1}`);
  });

  it('never lets the TEST-ONLY table decide: income does', () => {
    for (const c of CASES) {
      const h = record(c.area, c.answers, c.deprivations);
      expect(classifyWithBasis(h, loaded(TEST_TABLE))).toMatchObject({ class: 'above', basis: 'income' });
      const stored = householdDocData(h, 'x', new Date(), loaded(TEST_TABLE));
      expect(stored).toMatchObject({ class: 'above', classBasis: 'income' });
      expect(stored.reasonText).toMatch(/^thu nhập 5\.000\.000 đ/);
    }
  });

  it('follows income without a table, for a year the table does not cover, and while questions are unanswered', () => {
    const poorByScore = CASES[0] as Case;
    const h = record('rural', poorByScore.answers, 3);
    expect(classifyWithBasis(h)).toMatchObject({ class: 'above', basis: 'income' });
    // The table covers 2022–2026: a 2027 record is not scored by it.
    expect(classifyWithBasis({ ...h, reviewYear: 2027 }, loaded(OFFICIAL_SHAPED_TEST))).toMatchObject({ basis: 'income' });
    expect(classifyWithBasis(record('rural', { Q1: '2', Q2: 'khong' }, 3), loaded(OFFICIAL_SHAPED_TEST))).toMatchObject({ class: 'above', basis: 'income' });
  });

  it('changes the cache stamp when the table is loaded, replaced or removed, and recomputes', () => {
    const h = record('rural', { Q1: '2', Q2: 'khong', Q3: 'tam' }, 3);
    // Saved before any official table was loaded: by income, stamped with the standard only.
    const before = householdDocData(h, 'Hoàng Thị Lan', new Date('2025-11-10T02:00:00Z'));
    expect(before).toMatchObject({ class: 'above', classBasis: 'income', classStamp: classStamp(ND07_2021) });
    expect(storedClassOf(before)).toEqual({ class: 'above', basis: 'income' });
    // The Sở's official table arrives: the old stamp no longer holds, the score decides.
    expect(storedClassOf(before, loaded(OFFICIAL_SHAPED_TEST))).toEqual({ class: 'poor', basis: 'phieuB' });
    // The periodic report's prefill counts it the same way.
    expect(householdRowOf(before, loaded(OFFICIAL_SHAPED_TEST)).cls).toBe('poor');
    expect(householdRowOf(before).cls).toBe('above');
    const after = householdDocData(h, 'Hoàng Thị Lan', new Date('2025-11-11T02:00:00Z'), loaded(OFFICIAL_SHAPED_TEST));
    expect(after.classStamp).not.toBe(before.classStamp);
    // A corrected table (the poverty threshold lowered to 35): stamp differs again, class recomputed.
    const corrected: ScoreTable = { ...OFFICIAL_SHAPED_TEST, thresholds: { ...OFFICIAL_SHAPED_TEST.thresholds, rural: { poverty: 35, medium: 70 } } };
    expect(householdDocData(h, 'x', new Date(), loaded(corrected)).classStamp).not.toBe(after.classStamp);
    expect(storedClassOf(after, loaded(corrected))).toEqual({ class: 'medium', basis: 'phieuB' });
    // A new title or source is not a new table.
    expect(householdDocData(h, 'x', new Date(), loaded({ ...OFFICIAL_SHAPED_TEST, title: 'Tên khác', source: 'Công văn khác' })).classStamp).toBe(after.classStamp);
    // The table removed: back to income.
    expect(storedClassOf(after)).toEqual({ class: 'above', basis: 'income' });
  });
});
