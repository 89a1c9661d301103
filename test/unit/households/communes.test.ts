import { describe, expect, it } from 'vitest';
import {
  CommuneIndex,
  CommuneSchema,
  communeArea,
  communeLabel,
  findVillage,
  SAMPLE_COMMUNE_TREES,
  sampleCommunes,
} from '../../../electron/domain/households/communes';

describe('communes', () => {
  it('ships the cited 2022 list of all 11 districts, with no commune merged away in 2020', () => {
    expect(SAMPLE_COMMUNE_TREES.map((t) => t.office).sort()).toEqual(['BACSON', 'BINHGIA', 'CAOLOC', 'CHILANG', 'DINHLAP', 'HUULUNG', 'LOCBINH', 'TPLS', 'TRANGDINH', 'VANLANG', 'VANQUAN']);
    expect(SAMPLE_COMMUNE_TREES.reduce((n, t) => n + t.communes.length, 0)).toBe(200);
    // Nghị quyết 818/NQ-UBTVQH14: Văn Quan 17 units (16 xã, 1 thị trấn), Bình Gia 19 (18 xã, 1 thị trấn).
    expect(sampleCommunes('VANQUAN')).toHaveLength(17);
    expect(sampleCommunes('BINHGIA')).toHaveLength(19);
    const vq = sampleCommunes('VANQUAN').map(communeLabel);
    expect(vq).toContain('Thị trấn Văn Quan');
    expect(vq).toContain('Xã Tràng Các');
    for (const gone of ['Xã Văn An', 'Xã Việt Yên']) expect(vq).not.toContain(gone);
    const bg = sampleCommunes('BINHGIA').map(communeLabel);
    expect(bg).toContain('Xã Hoàng Văn Thụ');
    expect(bg).not.toContain('Xã Tô Hiệu');
    expect(sampleCommunes('VANQUAN').every((c) => /^\d{5}$/.test(c.officialCode ?? ''))).toBe(true);
    expect(sampleCommunes('NOWHERE')).toEqual([]);
  });

  it('finds communes however they are written', () => {
    const index = new CommuneIndex(sampleCommunes('VANQUAN'));
    for (const text of ['Tràng Các', 'xã Tràng Các', 'XA TRANG CAC', 'trang  cac', 'VQ-TRANGCAC']) {
      expect(index.find(text)?.code).toBe('VQ-TRANGCAC');
    }
    for (const text of ['Thị trấn Văn Quan', 'TT Văn Quan', 'tt. van quan', 'Văn Quan']) {
      expect(index.find(text)?.code).toBe('VQ-TTVANQUAN');
    }
    expect(index.find('Xã Không Có')).toBeUndefined();
  });

  it('tells a commune heading from a name', () => {
    const index = new CommuneIndex(sampleCommunes('VANQUAN'));
    expect(index.findHeading('I. Xã Tràng Các')?.code).toBe('VQ-TRANGCAC');
    expect(index.findHeading('2. Thị trấn Văn Quan')?.code).toBe('VQ-TTVANQUAN');
    expect(index.findHeading('Xã Tân Đoàn')?.code).toBe('VQ-TANDOAN');
    expect(index.findHeading('Vi Văn Quan')).toBeUndefined();
    expect(index.findHeading('Tràng Các')).toBeUndefined();
  });

  it('puts thị trấn and phường in the urban area, xã in the rural', () => {
    expect(communeArea({ kind: 'xa' })).toBe('rural');
    expect(communeArea({ kind: 'thiTran' })).toBe('urban');
    expect(communeArea({ kind: 'phuong' })).toBe('urban');
  });

  it('matches villages of a commune that lists them', () => {
    const c = CommuneSchema.parse({
      code: 'X-1',
      name: 'Thử',
      kind: 'xa',
      villages: [{ code: 'V-1', name: 'Nà Lầu', kind: 'thon' }],
    });
    expect(findVillage(c, 'Thôn Nà Lầu')?.name).toBe('Nà Lầu');
    expect(findVillage(c, 'na lau')?.name).toBe('Nà Lầu');
    expect(findVillage(c, 'Khòn Pịt')).toBeUndefined();
  });
});
