import { describe, expect, it } from 'vitest';
import { parseHouseholdWorkbook } from '../../../electron/core/households/excel/import';
import { generateHouseholds, writeHouseholdWorkbook } from '../../../electron/core/households/generate';
import { loadWorkbook } from '../../../electron/core/files/xlsx';
import { householdTemplate } from '../../../electron/core/households/store/exports';
import { HouseholdDocDataSchema } from '../../../electron/domain/documentKinds/households';
import { sampleCommunes } from '../../../electron/domain/households/communes';
import { HouseholdSchema, type Household } from '../../../electron/domain/households/household';
import { mediumScopeOf, parseSector } from '../../../electron/domain/households/sector';
import { ND07_2021 } from '../../../electron/domain/households/standards';

/** Ngành nghề of a household: only nông, lâm, ngư, diêm nghiệp go on the medium-living list. */

const communes = sampleCommunes('VANQUAN');
const options = { communes, reviewYear: 2024, standard: ND07_2021 };

describe('ngành nghề', () => {
  it('reads the words offices write, and tells a blank (not recorded) from text that names no sector', () => {
    expect(parseSector('Nông nghiệp')).toBe('agriculture');
    expect(parseSector('  LÂM NGHIỆP ')).toBe('forestry');
    expect(parseSector('ngư nghiệp')).toBe('fishery');
    expect(parseSector('Nuôi trồng thủy sản')).toBe('fishery');
    expect(parseSector('Diêm nghiệp')).toBe('salt');
    expect(parseSector('Làm ruộng')).toBe('agriculture');
    expect(parseSector('Ngành khác')).toBe('other');
    expect(parseSector('')).toBeUndefined();
    expect(parseSector('Buôn bán tạp hóa')).toBeNull();
  });

  it('puts a medium-band household on the list only for the four sectors', () => {
    expect(['agriculture', 'forestry', 'fishery', 'salt'].map(mediumScopeOf)).toEqual(['listed', 'listed', 'listed', 'listed']);
    expect(mediumScopeOf('other')).toBe('otherSector');
    expect(mediumScopeOf(undefined)).toBe('unknownSector');
    expect(mediumScopeOf('')).toBe('unknownSector');
  });

  it('is optional on records and in bundles: an old record without it still reads', () => {
    const [h] = generateHouseholds({ seed: 2, count: 1, communes, reviewYear: 2024 });
    const { sector: _none, ...old } = h as Household;
    expect(HouseholdSchema.parse(old).sector).toBeUndefined();
    const doc = { ...old, class: 'medium', reasonText: 'x', updatedAt: '2024-11-01T00:00:00Z', updatedBy: 'Hoàng Thị Lan' };
    expect(HouseholdDocDataSchema.safeParse(doc).success).toBe(true);
    expect(HouseholdDocDataSchema.safeParse({ ...doc, sector: 'fishery' }).success).toBe(true);
    expect(HouseholdDocDataSchema.safeParse({ ...doc, sector: 'buôn bán' }).success).toBe(false);
  });

  it('has its column in the template, and round-trips through a list', async () => {
    const template = await householdTemplate(2024);
    const ws = (await loadWorkbook(Buffer.from(template.base64, 'base64'))).worksheets[0];
    const headers = (ws?.getRow(4).values as unknown[]).filter((v) => typeof v === 'string');
    expect(headers).toContain('Ngành nghề');

    const hs = generateHouseholds({ seed: 9, count: 4, communes, reviewYear: 2024 });
    const sectors = ['agriculture', 'fishery', 'other', undefined] as const;
    const withSectors = hs.map((h, i) => {
      const { sector: _s, ...rest } = h;
      const s = sectors[i];
      return s ? { ...rest, sector: s } : rest;
    });
    const wb = await writeHouseholdWorkbook(withSectors, { communes });
    const parse = await parseHouseholdWorkbook(wb.buffer, options);
    expect(parse.errors).toEqual([]);
    expect(parse.rows.map((r) => r.household.sector)).toEqual(['agriculture', 'fishery', 'other', undefined]);
  });

  it('refuses a row whose sector names none, on that row and column', async () => {
    const hs = generateHouseholds({ seed: 9, count: 2, communes, reviewYear: 2024 });
    const wb = await writeHouseholdWorkbook(hs, { communes, overrides: [{ index: 1, field: 'sector', value: 'Buôn bán' }] });
    const parse = await parseHouseholdWorkbook(wb.buffer, options);
    expect(parse.errors).toHaveLength(1);
    expect(parse.errors[0]).toMatchObject({ row: wb.rowOf(1), column: 'Ngành nghề', field: 'sector', problem: { messageKey: 'households:problem.sectorInvalid', params: { value: 'Buôn bán' } } });
  });
});
