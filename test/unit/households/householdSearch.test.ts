import { describe, expect, it } from 'vitest';
import { fold } from '../../../electron/domain/text';
import { buildPredicate, compareEntries, FoldCache, type HouseholdEntry } from '../../../electron/core/households/store/search';

function entry(code: string, data: Record<string, unknown>, cls: HouseholdEntry['cls'] = 'poor', owner = 'VANQUAN'): HouseholdEntry {
  return { id: `household:${owner}:2022:${code}`, owner, year: 2022, code, cls, basis: 'income', idNumber: String(data['idNumber'] ?? ''), headName: String(data['headName'] ?? ''), d: { code, ...data } };
}

const rows = [
  entry('VQ-TRANGCAC-00002', { headName: 'Lương Văn Bình', idNumber: '020085123456', communeCode: 'VQ-TRANGCAC', village: 'Thôn Nà Lầu', ethnicity: 'Tày', deprived: ['water', 'telecom'], merit: true }),
  entry('VQ-TRANGCAC-00001', { headName: 'Hoàng Thị Đào', idNumber: '020190000111', communeCode: 'VQ-TRANGCAC', village: 'Thôn Pác Mạ', ethnicity: 'Nùng', deprived: [], merit: false }, 'nearPoor'),
  entry('VQ-TTVANQUAN-00001', { headName: 'Nguyễn Văn Đức', idNumber: '080123456', communeCode: 'VQ-TTVANQUAN', village: 'Khối 1', ethnicity: 'Kinh', deprived: ['water'], merit: false }, 'above'),
];
const find = (f: Parameters<typeof buildPredicate>[0]) => rows.filter(buildPredicate(f)).map((e) => e.code);

describe('household list search and filters', () => {
  it('finds names typed without diacritics or case, in any word order of the parts', () => {
    expect(find({ q: 'luong van binh' })).toEqual(['VQ-TRANGCAC-00002']);
    expect(find({ q: 'DAO' })).toEqual(['VQ-TRANGCAC-00001']);
    expect(find({ q: 'binh luong' })).toEqual(['VQ-TRANGCAC-00002']);
    expect(find({ q: 'duc' })).toEqual(['VQ-TTVANQUAN-00001']);
  });

  it('finds ID numbers by digits (dots and spaces ignored) and households by code', () => {
    expect(find({ q: '0201 9000' })).toEqual(['VQ-TRANGCAC-00001']);
    expect(find({ q: '123456' })).toEqual(['VQ-TRANGCAC-00002', 'VQ-TTVANQUAN-00001']);
    expect(find({ q: 'vq-ttvanquan' })).toEqual(['VQ-TTVANQUAN-00001']);
  });

  it('filters by commune, village, class, indicator, ethnicity and merit', () => {
    expect(find({ communeCode: 'VQ-TRANGCAC' })).toHaveLength(2);
    expect(find({ village: 'thon na lau' })).toEqual(['VQ-TRANGCAC-00002']);
    expect(find({ class: 'nearPoor' })).toEqual(['VQ-TRANGCAC-00001']);
    expect(find({ indicator: 'water' })).toEqual(['VQ-TRANGCAC-00002', 'VQ-TTVANQUAN-00001']);
    expect(find({ ethnicity: 'tay' })).toEqual(['VQ-TRANGCAC-00002']);
    expect(find({ merit: true })).toEqual(['VQ-TRANGCAC-00002']);
    expect(find({ merit: false, communeCode: 'VQ-TRANGCAC' })).toEqual(['VQ-TRANGCAC-00001']);
    expect(find({})).toHaveLength(3);
  });

  it('orders by household code, then office', () => {
    const sorted = [...rows, entry('VQ-TRANGCAC-00001', {}, 'poor', 'BINHGIA')].sort(compareEntries).map((e) => `${e.owner}/${e.code}`);
    expect(sorted).toEqual(['BINHGIA/VQ-TRANGCAC-00001', 'VANQUAN/VQ-TRANGCAC-00001', 'VANQUAN/VQ-TRANGCAC-00002', 'VANQUAN/VQ-TTVANQUAN-00001']);
  });

  it('folds word by word exactly as fold() does', () => {
    const keys = new FoldCache();
    for (const name of ['Lương  Văn Bình', 'ĐẶNG THỊ HỒNG', ' Hà Thị  Ơn ', 'Nông']) expect(keys.name(name)).toBe(fold(name));
    expect(keys.code('VQ-TRANGCAC-00001')).toBe('vq-trangcac-00001');
    expect(keys.code('Hộ 12')).toBe('ho 12');
  });
});
