import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../electron/domain/errors';
import { classifyHousehold } from '../../../electron/domain/households/classify';
import {
  ND07_2021,
  STANDARDS,
  standardById,
  standardForYear,
  standardIdForYear,
} from '../../../electron/domain/households/standards';
import { indicatorsOf, PovertyStandardSchema, type PovertyStandard } from '../../../electron/domain/households/standards/schema';

describe('poverty standards as data', () => {
  it('ships Nghị định 07/2021 with its lines, rule and 12 indicators in 6 services', () => {
    expect(ND07_2021.id).toBe('nd07-2021');
    expect(ND07_2021.lines.rural).toEqual({ poverty: 1_500_000, medium: 2_250_000 });
    expect(ND07_2021.lines.urban).toEqual({ poverty: 2_000_000, medium: 3_000_000 });
    expect(ND07_2021.rule.bands[0]).toEqual({ class: 'poor', incomeAtMost: 'poverty', minDeprivations: 3 });
    expect(ND07_2021.services.map((s) => s.name)).toEqual(['Việc làm', 'Y tế', 'Giáo dục', 'Nhà ở', 'Nước sinh hoạt và vệ sinh', 'Thông tin']);
    expect(indicatorsOf(ND07_2021).map((i) => i.name)).toEqual([
      'Việc làm',
      'Người phụ thuộc trong hộ gia đình',
      'Dinh dưỡng',
      'Bảo hiểm y tế',
      'Trình độ giáo dục của người lớn',
      'Tình trạng đi học của trẻ em',
      'Chất lượng nhà ở',
      'Diện tích nhà ở bình quân đầu người',
      'Nguồn nước sinh hoạt',
      'Nhà tiêu hợp vệ sinh',
      'Sử dụng dịch vụ viễn thông',
      'Phương tiện phục vụ tiếp cận thông tin',
    ]);
    expect(new Set(indicatorsOf(ND07_2021).map((i) => i.code)).size).toBe(12);
  });

  it('maps review years to standards', () => {
    for (const y of [2022, 2023, 2024, 2025]) {
      expect(standardIdForYear(y)).toBe('nd07-2021');
      expect(standardForYear(y).id).toBe('nd07-2021');
    }
    expect(standardIdForYear(2018)).toBe('qd59-2015');
    expect(standardIdForYear(2030)).toBeUndefined();
    try {
      standardForYear(2030);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('HOUSEHOLD_NO_STANDARD_FOR_YEAR');
    }
    expect(() => standardById('nope')).toThrow(/HOUSEHOLD_STANDARD_UNKNOWN/);
  });

  it('a new standard object changes results with no code change', () => {
    // Invented for this test only: higher lines and 4 deprivations to be poor.
    const invented: PovertyStandard = PovertyStandardSchema.parse({
      ...structuredClone(ND07_2021),
      id: 'test-only-2030',
      title: 'Chuẩn thử nghiệm (chỉ dùng trong kiểm thử)',
      reviewYears: { from: 2030, to: 2030 },
      lines: { rural: { poverty: 2_000_000, medium: 2_800_000 }, urban: { poverty: 2_600_000, medium: 3_500_000 } },
      rule: {
        bands: [
          { class: 'poor', incomeAtMost: 'poverty', minDeprivations: 4 },
          { class: 'nearPoor', incomeAtMost: 'poverty', maxDeprivations: 3 },
          { class: 'medium', incomeAtMost: 'medium' },
        ],
      },
    });
    const h = { area: 'rural' as const, incomePerPerson: 1_800_000, deprived: ['water', 'sanitation', 'telecom'] };
    expect(classifyHousehold(h, ND07_2021).class).toBe('medium');
    expect(classifyHousehold(h, invented).class).toBe('nearPoor');
    expect(classifyHousehold({ ...h, deprived: [...h.deprived, 'nutrition'] }, invented).class).toBe('poor');
    expect(standardForYear(2030, [...STANDARDS, invented]).id).toBe('test-only-2030');
  });

  it('the 2016-2020 standard (differently shaped rule) needs no code either', () => {
    const qd59 = standardById('qd59-2015');
    const c = (area: 'rural' | 'urban', income: number, deprived: string[]) => classifyHousehold({ area, incomePerPerson: income, deprived }, qd59).class;
    expect(c('rural', 700_000, [])).toBe('poor'); // at the floor: poor whatever the deprivations
    expect(c('rural', 700_001, [])).toBe('nearPoor');
    expect(c('rural', 1_000_000, ['water', 'sanitation', 'telecom'])).toBe('poor');
    expect(c('rural', 1_000_000, ['water', 'sanitation'])).toBe('nearPoor');
    expect(c('rural', 1_000_001, [])).toBe('medium');
    expect(c('rural', 1_500_001, [])).toBe('above');
    expect(c('urban', 900_000, [])).toBe('poor');
    expect(c('urban', 1_300_000, ['water'])).toBe('nearPoor');
    expect(c('urban', 1_950_000, [])).toBe('medium');
    expect(indicatorsOf(qd59)).toHaveLength(10);
  });

  it('rejects a standard whose rule names a line that does not exist', () => {
    const bad = { ...structuredClone(ND07_2021), rule: { bands: [{ class: 'poor', incomeAtMost: 'floor' }] } };
    expect(PovertyStandardSchema.safeParse(bad).success).toBe(false);
  });
});
