import { describe, expect, it } from 'vitest';
import { classifyHousehold } from '../../../electron/domain/households/classify';
import { classStamp } from '../../../electron/domain/households/classOf';
import {
  BUILT_IN_CITATIONS,
  effectiveStandards,
  KNOWN_NOT_LOADED,
  linesOutOfOrder,
  reviewYearRange,
  sentStandardProblem,
  STANDARDS,
  standardById,
  standardIdForYear,
  yearStandards,
  type PovertyStandard,
  type SentStandard,
} from '../../../electron/domain/households/standards';
import testOnly2027 from '../../fixtures/standards/TEST-ONLY-standard-2027.json' with { type: 'json' };
import { PovertyStandardSchema } from '../../../electron/domain/households/standards/schema';

const nd07 = standardById('nd07-2021');
const s2027 = PovertyStandardSchema.parse(testOnly2027);
const sent = (standard: PovertyStandard, importedAt = '2027-01-05T02:00:00.000Z', replacesBuiltIn = false): SentStandard => ({ standard, replacesBuiltIn, importedAt });
const rural = (income: number, deprivations: number) => ({ area: 'rural' as const, incomePerPerson: income, deprived: ['water', 'sanitation', 'healthInsurance', 'telecom'].slice(0, deprivations) });

describe('the standard of every review year the app offers', () => {
  it('2021 → QĐ 59/2015, 2022–2026 → NĐ 07/2021, 2027–2030 → none shipped, with NĐ 351/2025 known in part', () => {
    expect(reviewYearRange().map((y) => standardIdForYear(y) ?? '—')).toEqual([
      'qd59-2015', 'nd07-2021', 'nd07-2021', 'nd07-2021', 'nd07-2021', 'nd07-2021', '—', '—', '—', '—',
    ]);
    const view = yearStandards(reviewYearRange(), STANDARDS, []);
    expect(view.map((y) => y.status)).toEqual(['builtIn', 'builtIn', 'builtIn', 'builtIn', 'builtIn', 'builtIn', 'notLoaded', 'notLoaded', 'notLoaded', 'notLoaded']);
    const known = KNOWN_NOT_LOADED[0];
    expect(known?.known.filter((k) => k.value !== undefined).map((k) => k.value)).toEqual([2_200_000, 2_800_000]);
    expect(known?.missing).toEqual(['medium', 'indicators']);
  });

  it('each built-in cites where its values were read, and says what was not checked', () => {
    for (const s of STANDARDS) {
      const c = BUILT_IN_CITATIONS.get(s.id);
      expect(c?.sources.length, s.id).toBeGreaterThan(0);
      expect(c?.sources.every((src) => src.readOn?.startsWith('https://')), s.id).toBe(true);
      expect(c?.unverified.length, s.id).toBeGreaterThan(0);
    }
    expect(BUILT_IN_CITATIONS.get('nd07-2021')?.sources.some((src) => src.value.includes('24/02/2025'))).toBe(true);
  });

  it('at each line: 2021 by QĐ 59 (floor 700.000), 2025 by NĐ 07 (1.500.000), 2027 by the Sở’s standard (2.200.000)', () => {
    const std = effectiveStandards(STANDARDS, [sent(s2027)]);
    const at = (year: number, income: number, deprivations: number) => {
      const id = standardIdForYear(year, std);
      return classifyHousehold({ ...rural(income, deprivations) }, standardById(id ?? '', std)).class;
    };
    expect([at(2021, 700_000, 0), at(2021, 700_001, 0), at(2021, 1_000_000, 3), at(2021, 1_000_001, 3)]).toEqual(['poor', 'nearPoor', 'poor', 'medium']);
    expect([at(2025, 1_500_000, 3), at(2025, 1_500_000, 2), at(2025, 1_500_001, 3), at(2025, 2_250_001, 0)]).toEqual(['poor', 'nearPoor', 'medium', 'above']);
    expect([at(2027, 2_200_000, 3), at(2027, 2_200_000, 2), at(2027, 2_200_001, 4)]).toEqual(['poor', 'nearPoor', 'medium']);
  });
});

describe('standards the Sở sends', () => {
  it('a new period is used beside the built-ins; nothing sent leaves the built-in list itself', () => {
    expect(effectiveStandards(STANDARDS, [])).toBe(STANDARDS);
    const std = effectiveStandards(STANDARDS, [sent(s2027)]);
    expect(std.map((s) => s.id)).toEqual(['thu-nghiem-2027', 'nd07-2021', 'qd59-2015']);
  });

  it('a replacement keeps the id, so the class stamp of records naming it changes', () => {
    const raised: PovertyStandard = { ...nd07, lines: { rural: { poverty: 1_600_000, medium: 2_400_000 }, urban: nd07.lines.urban } };
    const std = effectiveStandards(STANDARDS, [sent(raised, '2026-03-01T00:00:00.000Z', true)]);
    expect(standardById('nd07-2021', std)).toBe(raised);
    expect(classStamp(raised)).not.toBe(classStamp(nd07));
    expect(classStamp(raised).startsWith('nd07-2021:')).toBe(true);
  });

  it('refuses lines out of order, overlaps, a replacement of nothing and a built-in id not marked as replacing', () => {
    const swapped: PovertyStandard = { ...s2027, rule: { bands: [{ class: 'medium', incomeAtMost: 'medium' }, { class: 'poor', incomeAtMost: 'poverty', minDeprivations: 3 }] } };
    expect(linesOutOfOrder(swapped)).toEqual({ code: 'STANDARD_LINES_OUT_OF_ORDER', params: { area: 'rural', line: 'poverty', after: 'medium' } });
    expect(sentStandardProblem(sent({ ...s2027, reviewYears: { from: 2026, to: 2030 } }), STANDARDS, [])).toEqual({
      code: 'STANDARD_YEARS_OVERLAP',
      params: { standardId: 'thu-nghiem-2027', otherId: 'nd07-2021', from: 2026, to: 2026 },
    });
    expect(sentStandardProblem(sent({ ...s2027, id: 'khac-2028', reviewYears: { from: 2028, to: 2028 } }), STANDARDS, [sent(s2027)])?.code).toBe('STANDARD_YEARS_OVERLAP');
    expect(sentStandardProblem(sent(s2027, undefined, true), STANDARDS, [])?.code).toBe('STANDARD_REPLACES_NOTHING');
    expect(sentStandardProblem(sent(nd07), STANDARDS, [])?.code).toBe('STANDARD_SAME_ID_AS_BUILT_IN');
    expect(sentStandardProblem(sent(s2027), STANDARDS, [])).toBeNull();
  });

  it('of two overlapping sent standards (an older app accepted both) the newer wins; an unusable one is left out', () => {
    const older = sent({ ...s2027, id: 'cu-2027' }, '2027-01-01T00:00:00.000Z');
    const newer = sent(s2027, '2027-02-01T00:00:00.000Z');
    expect(effectiveStandards(STANDARDS, [older, newer]).map((s) => s.id)).toEqual(['thu-nghiem-2027', 'nd07-2021', 'qd59-2015']);
    expect(effectiveStandards(STANDARDS, [sent({ ...s2027, reviewYears: { from: 2025, to: 2027 } })])).toBe(STANDARDS);
  });
});
