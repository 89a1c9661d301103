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
  it('ships sample lists for Văn Quan and Bình Gia, marked as samples', () => {
    expect(SAMPLE_COMMUNE_TREES.map((t) => t.office)).toEqual(['VANQUAN', 'BINHGIA']);
    expect(SAMPLE_COMMUNE_TREES.every((t) => t.sample)).toBe(true);
    const vq = sampleCommunes('VANQUAN').map(communeLabel);
    expect(vq).toContain('Thị trấn Văn Quan');
    expect(vq).toContain('Xã Tràng Các');
    expect(sampleCommunes('BINHGIA').map(communeLabel)).toContain('Xã Hoàng Văn Thụ');
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
