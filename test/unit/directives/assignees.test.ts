import { describe, expect, it } from 'vitest';
import {
  readOffices,
  resolveAssignees,
  type OfficeReading,
} from '../../../electron/domain/directives/extract/assignees';
import { ALL_DISTRICTS, P } from './helpers';

const read = (text: string): OfficeReading => readOffices(text, P, ['SO']);

describe('readOffices', () => {
  it.each<[string, string, string[], string[]]>([
    ['group by its usual name', 'đề nghị Phòng LĐTBXH các huyện triển khai', [], ['ALL_DISTRICTS']],
    ['group with -DT', 'Phòng LĐTBXH-DT các huyện thực hiện', [], ['ALL_DISTRICTS']],
    ['group spelled out', 'Phòng Lao động - Thương binh và Xã hội các huyện, thành phố', [], ['ALL_DISTRICTS']],
    ['bare "các huyện, thành phố"', 'Các huyện, thành phố rà soát', [], ['ALL_DISTRICTS']],
    ['"02 huyện" named, lower case', 'đối 02 huyện Văn quan và Bình Gia', ['VANQUAN', 'BINHGIA'], []],
    ['typed without diacritics', 'giao 02 huyen van quan va binh gia', ['VANQUAN', 'BINHGIA'], []],
    ['group followed by its members', 'Phòng LĐTBXH-DT các huyện: Tràng Định, Bình Gia, Đình Lập', ['TRANGDINH', 'BINHGIA', 'DINHLAP'], []],
    ['school by alias', 'Trường Cao đẳng nghề LS tổ chức tuyển sinh', ['CDN'], []],
    ['division needs "Phòng"', 'Phòng Người có công hoàn thành hỗ trợ nhà ở người có công', ['SO-NCC'], []],
    ['topic words are not a division', 'hỗ trợ người có công, giảm nghèo, bảo trợ xã hội', [], []],
    ['"phòng chống" is not an office', 'Phòng chống tệ nạn xã hội', [], []],
    ['a different word is not a district', 'xác định lập danh sách hộ nghèo', [], []],
    ['the issuer is never an assignee', 'báo cáo Sở Lao động - Thương binh và Xã hội', [], []],
    ['division and units groups', 'các phòng chuyên môn, các đơn vị trực thuộc', [], ['ALL_DIVISIONS', 'ALL_UNITS']],
  ])('%s', (_name, text, units, groups) => {
    const r = read(text);
    expect(r.units).toEqual(units);
    expect(r.groups).toEqual(groups);
  });

  it('a bare "các huyện" after named districts refers back to them, with a warning', () => {
    const r = read('đối 02 huyện Văn quan và Bình Gia. Các huyện quan tâm chỉ đạo tuyên truyền.');
    expect(r.units).toEqual(['VANQUAN', 'BINHGIA']);
    expect(r.groups).toEqual([]);
    expect(r.issues).toEqual([{ code: 'groupMentionNarrowed', params: { mention: 'Các huyện', units: 'VANQUAN, BINHGIA' } }]);
  });

  it('an explicit group stays whole beside a named district', () => {
    const r = read('Phòng LĐTBXH các huyện, đặc biệt là huyện Bình Gia, rà soát lại.');
    expect(r.groups).toEqual(['ALL_DISTRICTS']);
    expect(r.units).toEqual(['BINHGIA']);
  });

  it('"phối hợp (với)" marks partners, lists included', () => {
    const r = read('Phối hợp với Trường Cao đẳng nghề Lạng Sơn và Trung tâm Dịch vụ việc làm tuyên truyền.');
    expect(r.units).toEqual([]);
    expect(r.partners).toEqual(['TTDVVL', 'CDN']);
  });

  it('"tham mưu", "hướng dẫn", "qua" name the one served', () => {
    expect(read('tham mưu UBND các huyện, thành phố ban hành kế hoạch').groups).toEqual([]);
    expect(read('Chủ trì hướng dẫn Phòng LĐTBXH các huyện rà soát').groups).toEqual([]);
    expect(read('gửi về Sở (qua Phòng Bảo trợ xã hội - Giảm nghèo)').units).toEqual([]);
  });

  it('checks a stated count against the names', () => {
    expect(read('03 huyện Tràng Định, Bình Gia thực hiện').issues).toEqual([
      { code: 'assigneeCountMismatch', params: { stated: 3, found: 2 } },
    ]);
  });
});

describe('resolveAssignees', () => {
  const empty = read('');

  it('task words first', () => {
    const r = resolveAssignees(P, read('Riêng huyện Bình Gia: rà soát lại'), [], read('Phòng LĐTBXH các huyện'));
    expect(r).toMatchObject({ assignees: ['BINHGIA'], source: 'task' });
  });

  it('a heading naming offices assigns its items', () => {
    const r = resolveAssignees(P, read('Chủ trì hướng dẫn Phòng LĐTBXH các huyện'), [read('Phòng Lao động - Việc làm - Giáo dục nghề nghiệp')], null);
    expect(r).toMatchObject({ assignees: ['SO-LDVL'], source: 'heading' });
  });

  it('the task narrows its heading to the members it names', () => {
    const r = resolveAssignees(P, read('Đối với 02 huyện Đình Lập và Tràng Định: mở lớp'), [read('Phòng LĐTBXH các huyện, thành phố')], null);
    expect(r).toMatchObject({ assignees: ['TRANGDINH', 'DINHLAP'], source: 'task' });
  });

  it('falls back to the general request, with a warning', () => {
    const r = resolveAssignees(P, empty, [], read('yêu cầu các phòng chuyên môn, Phòng LĐTBXH các huyện'));
    expect(r.source).toBe('notice');
    expect(r.assignees).toHaveLength(8 + 11);
    expect(r.assignees.slice(-11)).toEqual(ALL_DISTRICTS);
    expect(r.issues.map((i) => i.code)).toEqual(['assigneesFromNotice']);
  });

  it('no office anywhere: empty with a warning', () => {
    const r = resolveAssignees(P, empty, [], null);
    expect(r).toMatchObject({ assignees: [], source: 'none' });
    expect(r.issues.map((i) => i.code)).toEqual(['assigneesMissing']);
  });
});
