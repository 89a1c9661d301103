import { describe, expect, it } from 'vitest';
import { modernTones } from '../../../electron/domain/text';
import { matchPhrases, phrase, tokenize } from '../../../electron/domain/directives/extract/words';

describe('modernTones: one place for the tone mark', () => {
  it.each([
    ['hoà', 'hòa'],
    ['thuỷ', 'thủy'],
    ['uỷ ban', 'ủy ban'],
    ['UỶ BAN NHÂN DÂN', 'ỦY BAN NHÂN DÂN'],
    ['sức khoẻ', 'sức khỏe'],
    ['Toà án nhân dân huyện Hoà An', 'Tòa án nhân dân huyện Hòa An'],
    ['phòng chống thiên tai, thảm hoạ', 'phòng chống thiên tai, thảm họa'],
  ])('%s → %s', (old, modern) => {
    expect(modernTones(old)).toBe(modern);
    expect(modernTones(old)).toHaveLength(old.length);
  });

  it.each(['Hoàng Văn Thắng', 'thuyền', 'quý IV', 'quỳ', 'Đoàn kết', 'thuở', 'hòa', 'thủy lợi'])('leaves "%s" as it is', (w) => {
    expect(modernTones(w)).toBe(w);
  });
});

describe('the extractor\'s phrase matching ignores where the tone sits', () => {
  const names = [phrase('xã Hòa Bình', 'HOABINH'), phrase('Ủy ban nhân dân huyện Thủy Nguyên', 'THUYNGUYEN')];
  const find = (s: string) => matchPhrases(s, tokenize(s), names).map((m) => m.payload);

  it('old and new spellings name the same office', () => {
    expect(find('giao xã Hoà Bình chủ trì')).toEqual(['HOABINH']);
    expect(find('đề nghị Uỷ ban nhân dân huyện Thuỷ Nguyên báo cáo')).toEqual(['THUYNGUYEN']);
  });

  it('a different mark is still a different word', () => {
    expect(find('giao xã Hoà Binh chủ trì')).toEqual(['HOABINH']); // "Binh" without marks may stand for any spelling
    expect(find('giao xã Hoà Bính chủ trì')).toEqual([]);
  });
});
