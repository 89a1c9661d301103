import { describe, expect, it } from 'vitest';
import { communesFromRows, splitCommuneName, villageKindOf } from '../../../electron/core/households/store/communeSheet';

describe('commune list from a sheet of names', () => {
  it('tells the kind from the prefix; a bare name is a xã', () => {
    expect(splitCommuneName('Xã Tràng Các')).toEqual({ name: 'Tràng Các', kind: 'xa' });
    expect(splitCommuneName('TT. Văn Quan')).toEqual({ name: 'Văn Quan', kind: 'thiTran' });
    expect(splitCommuneName('thị trấn  Bình Gia')).toEqual({ name: 'Bình Gia', kind: 'thiTran' });
    expect(splitCommuneName('Phường Chi Lăng')).toEqual({ name: 'Chi Lăng', kind: 'phuong' });
    expect(splitCommuneName('Tân Đoàn')).toEqual({ name: 'Tân Đoàn', kind: 'xa' });
    expect(villageKindOf('Bản Làng Giàng')).toBe('ban');
    expect(villageKindOf('Khối 3')).toBe('khoi');
    expect(villageKindOf('Nà Lầu')).toBe('thon');
  });

  it('reads a header, villages under their commune (blank or repeated commune cells), and skips totals', () => {
    const rows = [
      ['DANH MỤC XÃ, THÔN HUYỆN VĂN QUAN', ''],
      ['STT', 'Tên xã', 'Tên thôn'],
      ['1', 'Xã Tràng Các', 'Thôn Nà Lầu'],
      ['2', '', 'Thôn Pác Mạ'],
      ['3', 'Xã Tràng Các', 'Thôn Khòn Cải'],
      ['4', 'Thị trấn Văn Quan', 'Khối 1'],
      ['', 'Tổng cộng', ''],
    ];
    expect(communesFromRows(rows)).toEqual([
      { name: 'Tràng Các', kind: 'xa', villages: ['Thôn Nà Lầu', 'Thôn Pác Mạ', 'Thôn Khòn Cải'] },
      { name: 'Văn Quan', kind: 'thiTran', villages: ['Khối 1'] },
    ]);
  });

  it('without a header takes column A as communes and B as villages; a data row is never a header', () => {
    expect(communesFromRows([['Xã Tân Đoàn'], ['Xã Tú Xuyên', 'Thôn Bản Chặng']])).toEqual([
      { name: 'Tân Đoàn', kind: 'xa', villages: [] },
      { name: 'Tú Xuyên', kind: 'xa', villages: ['Thôn Bản Chặng'] },
    ]);
  });
});
