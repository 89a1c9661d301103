import { beforeAll, describe, expect, it } from 'vitest';
import { parseHouseholdWorkbook, type HouseholdWorkbookParse } from '../../../electron/core/households/excel/import';
import { generateHouseholds, writeHouseholdWorkbook } from '../../../electron/core/households/generate';
import { classOfDoc, householdDocData } from '../../../electron/core/households/store/docs';
import { householdRowOf } from '../../../electron/core/reports/facts';
import { classOfStored, classStamp } from '../../../electron/domain/households/classOf';
import { sampleCommunes } from '../../../electron/domain/households/communes';
import type { Household } from '../../../electron/domain/households/household';
import { ND07_2021 } from '../../../electron/domain/households/standards';
import type { HouseholdClass, PovertyStandard } from '../../../electron/domain/households/standards/schema';
import { summarise } from '../../../electron/domain/households/summary';

/**
 * The four readers of a household's class (import preview, stored documents and their list,
 * the summary table, the report prefill) give the same answer on the households where the
 * precedence used to matter. ND 07/2021: rural line 1.500.000 đ, urban 2.000.000 đ, medium
 * bound 2.250.000 / 3.000.000 đ, poor = at or under the line with 3+ deprivations.
 */

const communes = sampleCommunes('VANQUAN');
const town = communes.find((c) => c.kind === 'thiTran')!;
const village = communes.find((c) => c.kind === 'xa')!;
const base = generateHouseholds({ seed: 11, count: 1, communes })[0]!;

interface Case {
  name: string;
  area: 'rural' | 'urban';
  income: number;
  deprived: string[];
  expected: HouseholdClass;
}

const CASES: Case[] = [
  { name: 'nông thôn, thu nhập đúng bằng chuẩn, 3 thiếu hụt', area: 'rural', income: 1_500_000, deprived: ['water', 'sanitation', 'telecom'], expected: 'poor' },
  { name: 'nông thôn, đúng chuẩn, 2 thiếu hụt (cận nghèo)', area: 'rural', income: 1_500_000, deprived: ['water', 'sanitation'], expected: 'nearPoor' },
  { name: 'nông thôn, trên chuẩn 1 đồng, 5 thiếu hụt', area: 'rural', income: 1_500_001, deprived: ['water', 'sanitation', 'telecom', 'nutrition', 'housingArea'], expected: 'medium' },
  { name: 'nông thôn, đúng mức trung bình', area: 'rural', income: 2_250_000, deprived: [], expected: 'medium' },
  { name: 'nông thôn, trên mức trung bình', area: 'rural', income: 2_250_001, deprived: ['water'], expected: 'above' },
  { name: 'thành thị, 1.800.000 đ với 3 thiếu hụt (nghèo ở phố, không nghèo ở xã)', area: 'urban', income: 1_800_000, deprived: ['water', 'sanitation', 'telecom'], expected: 'poor' },
  { name: 'thành thị, đúng chuẩn, không thiếu hụt', area: 'urban', income: 2_000_000, deprived: [], expected: 'nearPoor' },
  { name: 'thành thị, đúng mức trung bình', area: 'urban', income: 3_000_000, deprived: ['telecom'], expected: 'medium' },
];

function household(c: Case, i: number): Household {
  return {
    ...base,
    code: `VQ-${i + 1}`,
    idNumber: `02008512${String(1000 + i)}`,
    communeCode: (c.area === 'urban' ? town : village).code,
    area: c.area,
    incomePerPerson: c.income,
    deprived: [...c.deprived].sort(),
    reviewYear: 2022,
    standardId: ND07_2021.id,
  };
}

const households = CASES.map(household);

function summaryClass(h: Household): HouseholdClass {
  const t = summarise([h], { year: 2022, communes }).total;
  // A household of the medium band is in one of three columns, by its sector (none recorded here).
  const band = { ...t, medium: t.medium + t.mediumOtherSector + t.mediumUnknownSector };
  const classes = (['poor', 'nearPoor', 'medium', 'above'] as const).filter((k) => band[k] === 1);
  expect(classes).toHaveLength(1);
  return classes[0]!;
}

describe('one class of a household', () => {
  let preview: HouseholdWorkbookParse;
  beforeAll(async () => {
    const wb = await writeHouseholdWorkbook(households, { communes });
    preview = await parseHouseholdWorkbook(wb.buffer, { communes, reviewYear: 2022, standard: ND07_2021 });
  });

  it('is the same in the import preview, the stored document, the summary and the report prefill', () => {
    expect(preview.errors).toEqual([]);
    CASES.forEach((c, i) => {
      const h = households[i]!;
      const stored = householdDocData(h, 'Hoàng Thị Lan', new Date('2022-08-01T02:00:00Z'));
      const answers = {
        preview: preview.rows[i]?.classification.class,
        stored: stored.class,
        list: classOfDoc(stored),
        summary: summaryClass(h),
        prefill: householdRowOf(stored).cls,
      };
      expect(answers, c.name).toEqual({ preview: c.expected, stored: c.expected, list: c.expected, summary: c.expected, prefill: c.expected });
    });
  });

  it('gives no class, in every reader, to a record without income', () => {
    const { incomePerPerson: _income, ...noIncome } = households[0]!;
    expect(classOfDoc(noIncome)).toBeUndefined();
    expect(householdRowOf(noIncome).cls).toBeNull();
    expect(() => householdDocData({ ...households[0]!, incomePerPerson: undefined as unknown as number }, 'x', new Date())).toThrow();
  });

  it('recomputes a stored class whose stamp is not the running standard', () => {
    const stored = householdDocData(households[0]!, 'Hoàng Thị Lan', new Date('2022-08-01T02:00:00Z'));
    expect(stored.classStamp).toBe(classStamp(ND07_2021));
    // A stamp from before a rule change: the stored 'poor' is not trusted, the rule says medium.
    const edited = { ...stored, incomePerPerson: 1_600_000, classStamp: 'nd07-2021:00000000:r0' };
    expect(classOfDoc(edited)).toBe('medium');
    expect(householdRowOf(edited).cls).toBe('medium');
    // No stamp at all (written before stamps existed): the rule, not the stored class.
    const { classStamp: _s, ...unstamped } = edited;
    expect(classOfDoc(unstamped)).toBe('medium');
    // With its stamp current, the cache is the answer (the rule is not run again).
    expect(classOfDoc({ ...stored, class: 'above' })).toBe('above');
  });

  it('changes the stamp when the standard changes its line, and recomputes by the new line', () => {
    const raised: PovertyStandard = {
      ...ND07_2021,
      lines: { ...ND07_2021.lines, rural: { ...ND07_2021.lines.rural, poverty: 1_700_000 } },
    };
    expect(classStamp(raised)).not.toBe(classStamp(ND07_2021));
    expect(classStamp({ ...ND07_2021, title: 'Tên khác' })).toBe(classStamp(ND07_2021));
    const stored = householdDocData({ ...households[0]!, incomePerPerson: 1_600_000 }, 'Hoàng Thị Lan', new Date());
    expect(stored.class).toBe('medium');
    expect(classOfStored(stored, [raised])).toBe('poor');
  });

  it('keeps the stored class of a record whose standard this version does not ship', () => {
    const foreign = { ...householdDocData(households[0]!, 'x', new Date()), standardId: 'nd99-2026', class: 'nearPoor' };
    expect(classOfDoc(foreign)).toBe('nearPoor');
    expect(householdRowOf(foreign).cls).toBe('nearPoor');
  });
});
