import { describe, expect, it } from 'vitest';
import { extractNotice } from '../../../electron/domain/directives/extract';
import { readFrame } from '../../../electron/domain/directives/extract/metadata';
import { readSymbol } from '../../../electron/domain/directives/extract/symbol';
import { normalizeNotice } from '../../../electron/domain/directives/extract/normalize';
import { P } from './helpers';

const frame = (text: string) => readFrame(normalizeNotice(text), P);
const codes = (text: string): string[] => frame(text).warnings.map((w) => w.code);

describe('số and ký hiệu', () => {
  it.each<[string, string | null, string | null]>([
    ['Số: 12/TB-SLĐTBXH', '12', 'TB-SLĐTBXH'],
    ['Số: /TB-SLĐTBXH', null, 'TB-SLĐTBXH'],
    ['Số:        /KH-SLĐTBXH', null, 'KH-SLĐTBXH'],
    ['Số: ......./KH-SLĐTBXH', null, 'KH-SLĐTBXH'],
    ['SỐ: 1845/SLĐTBXH-BTXH', '1845', 'SLĐTBXH-BTXH'],
    ['So: 7/TB-SLDTBXH', '7', 'TB-SLDTBXH'],
    ['Số: 15/2022/QĐ-UBND', '15', '2022/QĐ-UBND'],
    ['UBND TỈNH LẠNG SƠN\tSố: 98/TB-SLĐTBXH\tLạng Sơn, ngày 05 tháng 9 năm 2022', '98', 'TB-SLĐTBXH'],
  ])('%s', (line, number, symbol) => {
    const d = frame(line).directive;
    expect(d.number).toBe(number);
    expect(d.symbol).toBe(symbol);
  });

  it('an empty number is a warning, not a guess', () => {
    expect(codes('Số: /TB-SLĐTBXH')).toContain('numberMissing');
    expect(codes('Số: 12/TB-SLĐTBXH')).not.toContain('numberMissing');
    expect(codes('THÔNG BÁO')).toContain('symbolMissing');
  });

  it.each<[string, string | null, string | null, string | null]>([
    ['TB-SLĐTBXH', 'Thông báo', 'SO', null],
    ['KH-SLĐTBXH', 'Kế hoạch', 'SO', null],
    ['QĐ-SLĐTBXH', 'Quyết định', 'SO', null],
    ['SLĐTBXH-BTXH', null, 'SO', 'SO-BTXH'],
    ['SLĐTBXH-LĐVL', null, 'SO', 'SO-LDVL'],
    ['LĐTBXH-DT', null, null, null], // eleven district offices share it: undecided
  ])('symbol %s', (symbol, typeName, issuer, drafting) => {
    expect(readSymbol(symbol, P)).toMatchObject({ typeName, issuer, drafting });
  });
});

describe('place and date', () => {
  it.each<[string, string | null, string | null, string[]]>([
    ['Lạng Sơn, ngày 22 tháng 7 năm 2022', 'Lạng Sơn', '2022-07-22', []],
    ['*Lạng Sơn, ngày 05 tháng 01 năm 2022*', 'Lạng Sơn', '2022-01-05', []],
    ['Số: 135/KH-SLĐTBXH            Lạng Sơn, ngày 01 tháng 8 năm 2022', 'Lạng Sơn', '2022-08-01', []],
    ['Văn Quan, ngày 3 tháng 10 năm 2022', 'Văn Quan', '2022-10-03', []],
    ['Lạng Sơn, ngày      tháng 7 năm 2022', 'Lạng Sơn', null, ['dateMissing']],
    ['Lạng Sơn, ngày ... tháng ... năm 2022', 'Lạng Sơn', null, ['dateMissing']],
    ['Lạng Sơn, ngày 31 tháng 2 năm 2022', 'Lạng Sơn', null, ['dateInvalid']],
  ])('%s', (line, place, date, warns) => {
    const f = frame(line);
    expect(f.directive.place).toBe(place);
    expect(f.directive.date).toBe(date);
    for (const w of warns) expect(f.warnings.map((x) => x.code)).toContain(w);
  });
});

describe('type and trích yếu', () => {
  it.each<[string, string | null, string | null]>([
    ['Số: /TB-SLĐTBXH\nTHÔNG BÁO\nKết luận tại Hội nghị giao ban', 'Thông báo kết luận', 'Kết luận tại Hội nghị giao ban'],
    ['THÔNG BÁO KẾT LUẬN\nCủa Giám đốc Sở tại cuộc họp', 'Thông báo kết luận', 'Của Giám đốc Sở tại cuộc họp'],
    ['Số: 3/TB-SLĐTBXH\nTHÔNG BÁO\nLịch tiếp công dân tháng 10', 'Thông báo', 'Lịch tiếp công dân tháng 10'],
    ['KẾ HOẠCH\nKiểm tra công tác trẻ em\nnăm 2022\nCăn cứ ...', 'Kế hoạch', 'Kiểm tra công tác trẻ em năm 2022'],
    ['## QUYẾT ĐỊNH\n**Về việc thành lập Tổ kiểm tra**', 'Quyết định', 'Về việc thành lập Tổ kiểm tra'],
    ['Số: 1845/SLĐTBXH-BTXH\nV/v đôn đốc rà soát hộ nghèo,\nhộ cận nghèo năm 2022', 'Công văn', 'đôn đốc rà soát hộ nghèo, hộ cận nghèo năm 2022'],
    ['Số: 12/KH-SLĐTBXH\nKính gửi: Phòng LĐTBXH các huyện', 'Kế hoạch', null],
    ['Đề nghị các huyện thực hiện.', null, null],
  ])('%s', (text, type, title) => {
    const d = frame(text).directive;
    expect(d.type).toBe(type);
    expect(d.title).toBe(title);
  });

  it('a heading that contradicts the symbol keeps the heading and warns', () => {
    const f = frame('Số: 12/TB-SLĐTBXH\nKẾ HOẠCH\nKiểm tra');
    expect(f.directive.type).toBe('Kế hoạch');
    expect(f.warnings.map((w) => w.code)).toContain('typeConflict');
  });

  it('no type anywhere: null with a warning', () => {
    expect(codes('Đề nghị các huyện thực hiện.')).toContain('typeMissing');
  });
});

describe('issuing body', () => {
  it('from the header, wrapped over two lines, beside the national motto', () => {
    const d = frame('UBND TỈNH LẠNG SƠN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ LAO ĐỘNG - THƯƠNG BINH\tĐộc lập - Tự do - Hạnh phúc\nVÀ XÃ HỘI\nSố: 1/KH-SLĐTBXH').directive;
    expect(d).toMatchObject({
      parentBody: 'UBND TỈNH LẠNG SƠN',
      issuingBody: 'Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn',
      issuerUnit: 'SO',
    });
  });

  it('a body outside the profile is kept as printed', () => {
    const d = frame('UBND TỈNH LẠNG SƠN\nSỞ Y TẾ\nSố: 5/KH-SYT').directive;
    expect(d.issuingBody).toBe('SỞ Y TẾ');
    expect(d.issuerUnit).toBeNull();
  });

  it('from the symbol only when there is no header, with a warning', () => {
    const f = frame('Số: /TB-SLĐTBXH');
    expect(f.directive.issuingBody).toBe('Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn');
    expect(f.warnings.map((w) => w.code)).toContain('issuingBodyFromSymbol');
  });
});

describe('Kính gửi, nơi nhận, signature', () => {
  const text = [
    'Số: 7/SLĐTBXH-NCC',
    'V/v hỗ trợ nhà ở người có công',
    'Kính gửi:',
    '- Phòng LĐTBXH huyện Văn Quan;',
    '- Phòng LĐTBXH huyện Bình Gia.',
    'Đề nghị các huyện báo cáo trước ngày 10/10/2022./.',
    'Nơi nhận:\tKT. GIÁM ĐỐC',
    '- Như trên;\tPHÓ GIÁM ĐỐC',
    '- Lưu: VT, NCC.\t',
    '\t[daky]',
    '\tNGUYỄN VĂN AN',
  ].join('\n');

  it('reads addressees, recipients, an upper-case signer and the drafting division', () => {
    expect(frame(text).directive).toMatchObject({
      type: 'Công văn',
      addressees: ['Phòng LĐTBXH huyện Văn Quan', 'Phòng LĐTBXH huyện Bình Gia'],
      recipients: ['Như trên', 'Lưu: VT, NCC.'],
      signerTitle: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC',
      signer: 'NGUYỄN VĂN AN',
      draftingUnit: 'SO-NCC',
    });
  });

  it('tasks of a công văn without a list fall back to its addressees', () => {
    const r = extractNotice(text, P);
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0]).toMatchObject({ assignees: ['VANQUAN', 'BINHGIA'], deadline: { kind: 'date', date: '2022-10-09' } });
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['taskListNotFound', 'groupMentionNarrowed']));
  });

  it('normalises "TL.GIÁM ĐỐC"', () => {
    expect(frame('xong./.\nTL.GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\nNguyễn Mạnh Cường').directive).toMatchObject({
      signerTitle: 'TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG',
      signer: 'Nguyễn Mạnh Cường',
    });
  });

  it('missing parts are warnings', () => {
    expect(codes('Đề nghị thực hiện.')).toEqual(
      expect.arrayContaining(['recipientsMissing', 'signerMissing', 'signerTitleMissing', 'dateMissing', 'titleMissing']),
    );
  });
});
