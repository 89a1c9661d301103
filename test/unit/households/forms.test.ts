import { describe, expect, it } from 'vitest';
import { FormsResearchSchema, headerDepth, leafColumns, TT07_FORMS } from '../../../electron/domain/households/forms';
import data from '../../../electron/domain/households/forms/tt07-forms.json' with { type: 'json' };

/*
 * The forms record says what was read and where (tt07-forms.json). These tests hold the file to
 * its own rules: nothing is an official form without a number, a page and all its columns, and
 * a form read elsewhere keeps the shape of the page it was read on.
 */

describe('Thông tư 07/2021 forms record', () => {
  it('lists no official form, and so does not call itself complete', () => {
    // No Mẫu số 7.x could be read column for column (searched list in the file).
    expect(TT07_FORMS.forms).toEqual([]);
    expect(TT07_FORMS.complete).toBe(false);
    expect(TT07_FORMS.missing.some((m) => m.includes('Phiếu A'))).toBe(true);
  });

  it('cites the appendix numbering it knows: Mẫu số 7.8–7.10 of Phụ lục VII replaced by Thông tư 02/2022', () => {
    const fact = TT07_FORMS.appendix.facts.find((f) => f.value.includes('Mẫu số 7.8'));
    expect(fact?.readOn).toBe('https://download.vn/thong-tu-02-2022-tt-bldtbxh-59378');
    expect(fact?.value).toContain('Phụ lục VII');
  });

  it('keeps the near-poor summary read on luatminhkhue.vn as printed: 16 figure cells, three header rows', () => {
    const seen = TT07_FORMS.seenElsewhere[0];
    expect(seen).toBeDefined();
    if (!seen) return;
    const leaves = leafColumns(seen.columns);
    expect(leaves).toHaveLength(18);
    expect(headerDepth(seen.columns)).toBe(3);
    expect(leaves.slice(2).map((l) => l[l.length - 1])).toEqual([
      'Số hộ', 'Trong đó Hộ DTTS',
      'Số hộ', 'Tỷ lệ %', 'Số hộ DTTS', 'Tỷ lệ %',
      'Số hộ', 'Tỷ lệ %', 'Số hộ', 'Tỷ lệ %', 'Số hộ', 'Tỷ lệ %',
      'Số hộ', 'Tỷ lệ %', 'Số hộ DTTS', 'Tỷ lệ %',
    ]);
    expect(leaves[10]).toEqual(['Diễn biến hộ cận nghèo trong năm', 'Số hộ tái cận nghèo', 'Số hộ']);
    expect(seen.notUsedBecause).toMatch(/names no circular/);
  });

  it('refuses an official form without the page it was read on, or with a number outside Phụ lục VII', () => {
    const form = { number: 'Mẫu số 7.8', title: 'Biểu thử', document: 'Thông tư 02/2022/TT-BLĐTBXH', readOn: 'https://example.vn/tt02', columns: [{ label: 'TT' }, { label: 'Xã' }] };
    expect(FormsResearchSchema.safeParse({ ...data, forms: [form] }).success).toBe(true);
    const { readOn: _readOn, ...uncited } = form;
    expect(FormsResearchSchema.safeParse({ ...data, forms: [uncited] }).success).toBe(false);
    expect(FormsResearchSchema.safeParse({ ...data, forms: [{ ...form, number: 'Mẫu số 3' }] }).success).toBe(false);
  });

  it('refuses "complete" while forms are missing, and a form listed twice', () => {
    expect(FormsResearchSchema.safeParse({ ...data, complete: true }).success).toBe(false);
    const form = { number: 'Mẫu số 7.9', title: 'Biểu thử', document: 'Thông tư 02/2022/TT-BLĐTBXH', readOn: 'https://example.vn/tt02', columns: [{ label: 'TT' }, { label: 'Xã' }] };
    expect(FormsResearchSchema.safeParse({ ...data, forms: [form, form] }).success).toBe(false);
  });

  it('refuses a seen form whose column tree does not give the page’s figure cells', () => {
    const seen = data.seenElsewhere[0];
    expect(FormsResearchSchema.safeParse({ ...data, seenElsewhere: [{ ...seen, dataCellsPerRow: 15 }] }).success).toBe(false);
  });
});
