import { describe, expect, it } from 'vitest';
import {
  canonicalEthnicity,
  findDuplicateIds,
  flagsFromDeprived,
  HouseholdSchema,
  isEthnicMinority,
  isValidIdNumber,
  type HouseholdInput,
} from '../../../electron/domain/households/household';

const base: HouseholdInput = {
  code: 'VQ-TRANGCAC-00001',
  headName: 'Hoàng Văn Long',
  idNumber: '020085001234',
  ethnicity: 'Tày',
  communeCode: 'VQ-TRANGCAC',
  village: 'Thôn Nà Lầu',
  area: 'rural',
  members: 4,
  incomePerPerson: 1_200_000,
  deprived: ['water', 'sanitation'],
  merit: false,
  notes: '',
  reviewYear: 2022,
  standardId: 'nd07-2021',
};

describe('HouseholdSchema', () => {
  it('accepts a household and normalises the ID number', () => {
    const h = HouseholdSchema.parse({ ...base, idNumber: '020 085 001 234' });
    expect(h.idNumber).toBe('020085001234');
    expect(h.deprived).toEqual(['sanitation', 'water']);
  });

  it('accepts a flags record for deprivations', () => {
    const h = HouseholdSchema.parse({ ...base, deprived: { water: true, sanitation: false, telecom: true } });
    expect(h.deprived).toEqual(['telecom', 'water']);
    expect(flagsFromDeprived(h.deprived, ['water', 'sanitation', 'telecom'])).toEqual({ water: true, sanitation: false, telecom: true });
  });

  it.each([
    ['idNumber', '02008500123'],
    ['idNumber', '0200850012345'],
    ['idNumber', '02008500123a'],
    ['members', 0],
    ['members', 2.5],
    ['incomePerPerson', -1],
    ['incomePerPerson', 1_200_000.5],
    ['headName', '   '],
    ['area', 'mountain'],
  ])('rejects %s = %j', (field, value) => {
    expect(HouseholdSchema.safeParse({ ...base, [field]: value }).success).toBe(false);
  });

  it('validates CCCD (12 digits) and CMND (9 digits)', () => {
    expect(isValidIdNumber('020085001234')).toBe(true);
    expect(isValidIdNumber('081234567')).toBe(true);
    expect(isValidIdNumber('0812345678')).toBe(false);
  });
});

describe('findDuplicateIds', () => {
  it('groups records sharing an ID number, however it was typed', () => {
    const records = [
      { idNumber: '020085001234', name: 'a' },
      { idNumber: '081234567', name: 'b' },
      { idNumber: '020 085 001 234', name: 'c' },
      { idNumber: '', name: 'd' },
      { idNumber: '', name: 'e' },
    ];
    expect(findDuplicateIds(records)).toEqual([{ idNumber: '020085001234', items: [records[0], records[2]] }]);
  });
});

describe('ethnicity', () => {
  it('spells known groups the standard way and keeps others as typed', () => {
    expect(canonicalEthnicity('tày')).toBe('Tày');
    expect(canonicalEthnicity('NUNG')).toBe('Nùng');
    expect(canonicalEthnicity("H'Mông")).toBe('Mông');
    expect(canonicalEthnicity('sán chay')).toBe('Sán Chay');
    expect(canonicalEthnicity('  Pà Thẻn ')).toBe('Pà Thẻn');
  });

  it('counts every group but Kinh as an ethnic minority', () => {
    expect(isEthnicMinority('Kinh')).toBe(false);
    expect(isEthnicMinority('kinh')).toBe(false);
    expect(isEthnicMinority('Tày')).toBe(true);
  });
});
