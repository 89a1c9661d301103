import { describe, expect, it } from 'vitest';
import { generateHouseholds, sampleCommunes } from '../../../electron/core/households';
import { classOfDoc, communeCodeFor, householdDocData, householdDocId, maskIdNumber } from '../../../electron/core/households/store/docs';

const [h] = generateHouseholds({ seed: 3, count: 1, communes: sampleCommunes('VANQUAN') });

describe('household documents', () => {
  it('store the class and the reason the rule gives, with who and when', () => {
    const base = { ...h!, area: 'rural' as const, incomePerPerson: 1_200_000, deprived: ['water', 'telecom', 'nutrition', 'sanitation'] };
    const data = householdDocData(base, 'Hoàng Thị Lan', new Date('2022-08-01T02:00:00Z'));
    expect(data.class).toBe('poor');
    expect(data.reasonText).toBe('thu nhập 1.200.000 đ ≤ 1.500.000 đ; thiếu hụt 4 chỉ số');
    expect(data.updatedBy).toBe('Hoàng Thị Lan');
    expect(classOfDoc(data)).toBe('poor');
    // A record without a stored class is classified by the rule.
    const { class: _c, ...bare } = data;
    expect(classOfDoc({ ...bare, incomePerPerson: 1_600_000 })).toBe('medium');
    expect(classOfDoc({ code: 'x' })).toBeUndefined();
  });

  it('have ids that name office, year and code', () => {
    expect(householdDocId('VANQUAN', 2022, 'VQ-1')).toBe('household:VANQUAN:2022:VQ-1');
  });

  it('make commune codes from names, unique in the list', () => {
    expect(communeCodeFor('Tràng Các', new Set())).toBe('TRANGCAC');
    expect(communeCodeFor('Tràng Các', new Set(['TRANGCAC']))).toBe('TRANGCAC-2');
    expect(communeCodeFor('Đồng Giáp', new Set())).toBe('DONGGIAP');
  });

  it('mask ID numbers on screen', () => {
    expect(maskIdNumber('020085123456')).toBe('0200******56');
    expect(maskIdNumber('080123456')).toBe('0801***56');
  });
});
