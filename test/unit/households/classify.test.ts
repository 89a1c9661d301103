import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../electron/domain/errors';
import { classifyHousehold, formatReasonVi, type ClassifyInput } from '../../../electron/domain/households/classify';
import { ND07_2021 } from '../../../electron/domain/households/standards';
import { indicatorsOf, type Area } from '../../../electron/domain/households/standards/schema';

const CODES = indicatorsOf(ND07_2021).map((i) => i.code);

function hh(area: Area, income: number | null | undefined, deprivations: number): ClassifyInput {
  return { area, incomePerPerson: income, deprived: CODES.slice(0, deprivations) };
}

function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isAppError(e) ? e.code : 'not an AppError';
  }
  return undefined;
}

describe('classifyHousehold under Nghị định 07/2021', () => {
  it.each([
    // area, income, deprivations, class
    ['rural', 1_500_000, 3, 'poor'],
    ['rural', 1_500_000, 2, 'nearPoor'],
    ['rural', 1_500_001, 3, 'medium'],
    ['rural', 1_500_001, 12, 'medium'],
    ['rural', 1_499_999, 3, 'poor'],
    ['rural', 0, 0, 'nearPoor'],
    ['rural', 0, 12, 'poor'],
    ['rural', 2_250_000, 0, 'medium'],
    ['rural', 2_250_001, 0, 'above'],
    ['rural', 2_250_001, 12, 'above'],
    ['urban', 2_000_000, 3, 'poor'],
    ['urban', 2_000_000, 2, 'nearPoor'],
    ['urban', 2_000_001, 5, 'medium'],
    ['urban', 1_800_000, 2, 'nearPoor'],
    ['urban', 3_000_000, 0, 'medium'],
    ['urban', 3_000_001, 0, 'above'],
    ['urban', 2_250_001, 0, 'medium'],
  ] as const)('%s, %i đ, %i deprivations -> %s', (area, income, deprivations, expected) => {
    const c = classifyHousehold(hh(area, income, deprivations), ND07_2021);
    expect(c.class).toBe(expected);
    expect(c.deprivations).toBe(deprivations);
  });

  it('the same household is near-poor in the town and medium in a rural commune', () => {
    expect(classifyHousehold(hh('urban', 1_800_000, 1), ND07_2021).class).toBe('nearPoor');
    expect(classifyHousehold(hh('rural', 1_800_000, 1), ND07_2021).class).toBe('medium');
  });

  it('gives the area line and a reason that reads as the review form does', () => {
    const c = classifyHousehold(hh('rural', 1_200_000, 4), ND07_2021);
    expect(c.line).toBe(1_500_000);
    expect(c.reason).toEqual({ key: 'households:reason.withDeprivations', params: { income: 1_200_000, limit: 1_500_000, count: 4 } });
    expect(formatReasonVi(c.reason)).toBe('thu nhập 1.200.000 đ ≤ 1.500.000 đ; thiếu hụt 4 chỉ số');
    expect(classifyHousehold(hh('urban', 2_000_000, 2), ND07_2021).line).toBe(2_000_000);
  });

  it('explains medium and above classes by their bounds', () => {
    expect(formatReasonVi(classifyHousehold(hh('rural', 2_250_000, 5), ND07_2021).reason)).toBe(
      'thu nhập 2.250.000 đ > 1.500.000 đ và ≤ 2.250.000 đ',
    );
    expect(formatReasonVi(classifyHousehold(hh('urban', 3_000_001, 0), ND07_2021).reason)).toBe('thu nhập 3.000.001 đ > 3.000.000 đ');
    expect(formatReasonVi(classifyHousehold(hh('urban', 1_000_000, 0), ND07_2021).reason)).toBe(
      'thu nhập 1.000.000 đ ≤ 2.000.000 đ; thiếu hụt 0 chỉ số',
    );
  });

  it('refuses a household without income', () => {
    expect(thrownCode(() => classifyHousehold(hh('rural', undefined, 4), ND07_2021))).toBe('HOUSEHOLD_INCOME_MISSING');
    expect(thrownCode(() => classifyHousehold(hh('rural', null, 4), ND07_2021))).toBe('HOUSEHOLD_INCOME_MISSING');
    try {
      classifyHousehold(hh('rural', undefined, 0), ND07_2021);
    } catch (e) {
      expect(isAppError(e) && e.messageKey).toBe('households:errors.HOUSEHOLD_INCOME_MISSING');
    }
  });

  it('refuses negative or non-numeric income, unknown indicators and the wrong standard', () => {
    expect(thrownCode(() => classifyHousehold(hh('rural', -1, 0), ND07_2021))).toBe('HOUSEHOLD_INCOME_INVALID');
    expect(thrownCode(() => classifyHousehold(hh('rural', Number.NaN, 0), ND07_2021))).toBe('HOUSEHOLD_INCOME_INVALID');
    expect(thrownCode(() => classifyHousehold({ area: 'rural', incomePerPerson: 1, deprived: ['flying'] }, ND07_2021))).toBe(
      'HOUSEHOLD_INDICATOR_UNKNOWN',
    );
    expect(thrownCode(() => classifyHousehold({ ...hh('rural', 1, 0), standardId: 'qd59-2015' }, ND07_2021))).toBe(
      'HOUSEHOLD_STANDARD_MISMATCH',
    );
  });

  it('counts an indicator listed twice once', () => {
    const c = classifyHousehold({ area: 'rural', incomePerPerson: 1_000_000, deprived: ['water', 'water', 'sanitation'] }, ND07_2021);
    expect(c.deprivations).toBe(2);
    expect(c.class).toBe('nearPoor');
  });
});
