import { describe, expect, it } from 'vitest';
import { classifyHousehold } from '../../../electron/domain/households/classify';
import { sampleCommunes } from '../../../electron/domain/households/communes';
import { generateHouseholds, nextYearHouseholds, sampleBadCells } from '../../../electron/core/households/generate';
import { findDuplicateIds, HouseholdSchema } from '../../../electron/domain/households/household';
import { ND07_2021 } from '../../../electron/domain/households/standards';

const communes = sampleCommunes('VANQUAN');

describe('generateHouseholds', () => {
  const hs = generateHouseholds({ seed: 42, count: 5000, communes });

  it('is deterministic for a seed', () => {
    expect(generateHouseholds({ seed: 42, count: 50, communes })).toEqual(hs.slice(0, 50));
    expect(generateHouseholds({ seed: 43, count: 50, communes })).not.toEqual(hs.slice(0, 50));
  });

  it('makes valid households with unique ID numbers and codes', () => {
    for (const h of hs) expect(HouseholdSchema.parse(h)).toEqual(h);
    expect(findDuplicateIds(hs)).toEqual([]);
    expect(new Set(hs.map((h) => h.code)).size).toBe(hs.length);
  });

  it('looks like a Lạng Sơn district', () => {
    expect(hs.filter((h) => /[^\x00-\x7f]/.test(h.headName)).length / hs.length).toBeGreaterThan(0.9);
    expect(new Set(hs.map((h) => h.ethnicity))).toEqual(new Set(['Tày', 'Nùng', 'Kinh', 'Dao', 'Mông', 'Sán Chay']));
    expect(new Set(hs.map((h) => h.communeCode)).size).toBe(communes.length);
    expect(hs.some((h) => h.area === 'urban')).toBe(true);
  });

  it('puts 5-15 % of incomes within 50.000 đ of a line, some exactly on it, and yields every class', () => {
    const near = hs.filter((h) => {
      const l = ND07_2021.lines[h.area];
      return Math.abs(h.incomePerPerson - l.poverty) <= 50_000 || Math.abs(h.incomePerPerson - l.medium) <= 50_000;
    });
    expect(near.length / hs.length).toBeGreaterThanOrEqual(0.05);
    expect(near.length / hs.length).toBeLessThanOrEqual(0.15);
    expect(hs.some((h) => h.incomePerPerson === ND07_2021.lines[h.area].poverty)).toBe(true);
    const classes = new Set(hs.map((h) => classifyHousehold(h, ND07_2021).class));
    expect(classes).toEqual(new Set(['poor', 'nearPoor', 'medium', 'above']));
  });

  it('moves households on a year', () => {
    const next = nextYearHouseholds(hs.slice(0, 100), { seed: 1 });
    expect(next.every((h) => h.reviewYear === 2023 && h.standardId === 'nd07-2021')).toBe(true);
    expect(next.map((h) => h.code)).toEqual(hs.slice(0, 100).map((h) => h.code));
    expect(next.filter((h, i) => h.incomePerPerson !== hs[i]?.incomePerPerson).length).toBeGreaterThan(50);
  });

  it('spreads bad cells over distinct rows', () => {
    const bad = sampleBadCells(1000, 20, 9);
    expect(new Set(bad.map((b) => b.index)).size).toBe(20);
    expect(new Set(bad.map((b) => b.kind)).size).toBe(7);
  });
});
