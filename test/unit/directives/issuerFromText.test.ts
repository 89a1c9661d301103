import { describe, expect, it } from 'vitest';
import { extractNotice } from '../../../electron/domain/directives/extract';
import { P } from './helpers';

/** Header-less texts (portal items relaying a notice): the issuer from the opening sentence. */
const issuerOf = (text: string) => {
  const p = extractNotice(text, P, { defaultYear: 2024 });
  return { body: p.directive.issuingBody, codes: p.warnings.map((w) => w.code) };
};

describe('issuer of a text without a header', () => {
  it('takes the body that issues or directs in the opening sentence, completed by the place the text names', () => {
    expect(issuerOf('Ngày 05/3, Ủy ban nhân dân huyện ban hành Kế hoạch rà soát hộ nghèo trên địa bàn huyện Bình Gia.\nGiao Phòng Lao động - Thương binh và Xã hội tổng hợp kết quả.').body).toBe(
      'Ủy ban nhân dân huyện Bình Gia',
    );
    expect(issuerOf('Văn phòng UBND tỉnh Cao Bằng thông báo ý kiến chỉ đạo về tổ chức Tết Trung thu cho trẻ em.').body).toBe('Văn phòng UBND tỉnh Cao Bằng');
    expect(issuerOf('Ngày 10/4/2024, Bộ Lao động - Thương binh và Xã hội ban hành Thông tư hướng dẫn rà soát hộ nghèo.').body).toBe('Bộ Lao động - Thương binh và Xã hội');
  });

  it('reads a body whose name a hard-wrapped copy broke over two lines, guiding ("hướng dẫn")', () => {
    const text = [
      'Nhằm đánh giá giữa kỳ kết quả thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững, Bộ Lao động',
      '- Thương binh và Xã hội hướng dẫn tổ chức đánh giá như sau:',
      '1. Ủy ban nhân dân các tỉnh báo cáo kết quả trước ngày 30/6/2024.',
    ].join('\n');
    expect(issuerOf(text).body).toBe('Bộ Lao động - Thương binh và Xã hội');
  });

  it('says so when a bare "UBND tỉnh" is read as the profile\'s own province', () => {
    const r = issuerOf('UBND tỉnh vừa chỉ đạo tăng cường công tác an toàn, vệ sinh lao động.\nCác sở, ngành tập trung thực hiện.');
    expect(r.body).toBe('UBND tỉnh Lạng Sơn');
    expect(r.codes).toContain('issuingBodyProvinceAssumed');
  });

  it('reads a national document named as the subject, and a legal site\'s "Nơi ban hành" row', () => {
    expect(issuerOf('(PL) - Theo Thông tư 17/2016/TT-BLĐTBXH thì việc rà soát hộ nghèo được thực hiện hằng năm.').body).toBe('Bộ Lao động - Thương binh và Xã hội');
    expect(issuerOf('Công văn 120/SLĐTBXH-BTXH năm 2024\nSố hiệu: | 120/SLĐTBXH-BTXH | Loại văn bản: | Công văn |\nNơi ban hành: | Sở Lao động - Thương binh và Xã hội tỉnh Cao Bằng | Người ký: | Nông Văn Tú |').body).toBe(
      'Sở Lao động - Thương binh và Xã hội tỉnh Cao Bằng',
    );
  });

  it('never overrides a header', () => {
    const text = 'UBND TỈNH LẠNG SƠN\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 15/KH-SLĐTBXH\nKẾ HOẠCH\nRà soát hộ nghèo\nUBND tỉnh vừa ban hành Kế hoạch số 120/KH-UBND.';
    expect(issuerOf(text).codes).not.toContain('issuingBodyFromText');
  });
});
