import { describe, expect, it } from 'vitest';
import { extractNotice } from '../../../electron/domain/directives/extract';
import { leadOf } from '../../../electron/domain/directives/extract/lead';
import { isRequest } from '../../../electron/domain/directives/extract/requests';
import { P } from './helpers';

describe('requests to act, on word boundaries of the diacritic text', () => {
  it('reads giao / đề nghị / chủ trì as requests but not Giáo dục, giao ban or Theo đề nghị', () => {
    expect(isRequest('Giao Sở Lao động - Thương binh và Xã hội chủ trì tổ chức hội nghị.')).toBe(true);
    expect(isRequest('Sở Giáo dục và Đào tạo tổ chức khai giảng năm học mới.')).toBe(true); // a unit acting
    expect(isRequest('Phối hợp tốt giữa ngành Giáo dục và các địa phương trong năm qua.')).toBe(true);
    expect(isRequest('Nâng cao chất lượng giáo dục nghề nghiệp cho thanh niên.')).toBe(false);
    expect(isRequest('Duy trì họp giao ban hằng tuần của lãnh đạo.')).toBe(false);
    expect(isRequest('Theo đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội.')).toBe(false);
    expect(isRequest('Hộ nghèo: Là hộ gia đình có mức thu nhập bình quân đầu người dưới 200 ngàn đồng.')).toBe(false);
    expect(isRequest('Chánh Văn phòng UBND tỉnh, Giám đốc các Sở chịu trách nhiệm thi hành Quyết định này.')).toBe(false);
    expect(isRequest('Báo cáo kết quả về Sở trước ngày 15/12/2024.')).toBe(true);
  });

  it('keeps the lead unit as written, apart from the partners', () => {
    expect(leadOf('Giao Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Sở Tài chính triển khai.')).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(leadOf('Điều 2. Sở Y tế tỉnh Bình Định chủ trì, phối hợp với các sở, ngành liên quan.')).toBe('Sở Y tế tỉnh Bình Định');
    expect(leadOf('Đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo thực hiện các nội dung sau:')).toBe(
      'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
    );
    expect(leadOf('Tăng cường tuyên truyền về an toàn lao động.')).toBeNull();
  });
});

describe('a header pasted from a web page or PDF', () => {
  const text = [
    'UBND TỈNH HÀ TĨNH',
    'SỞ LAO ĐỘNG - THƯƠNG',
    'BINH VÀ XÃ HỘI',
    '-------',
    '|',
    'CỘNG HÒA XÃ',
    'HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '|',
    'Số:',
    '2455 / SLĐTBXH - BTXH',
    '|',
    'Hà Tĩnh, ngày',
    '29 / tháng 04 năm 2021',
    '|',
    'KẾ HOẠCH',
    'RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO',
    'NĂM 2021 TRÊN ĐỊA BÀN TỈNH',
    'Căn cứ Quyết định số 24/2021/QĐ-TTg của Thủ tướng Chính phủ;',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Rà soát đúng quy trình, công khai, dân chủ.',
    'II. TỔ CHỨC THỰC HIỆN',
    '1. Giao Phòng Lao động - Thương binh và Xã hội các huyện chủ trì, phối hợp với UBND cấp xã tổ chức rà soát, báo cáo kết quả trước ngày 15/11/2021.',
  ].join('\n');
  const p = extractNotice(text, P);

  it('reads the Sở of another province as printed, without resolving it to the profile', () => {
    expect(p.directive.parentBody).toBe('UBND TỈNH HÀ TĨNH');
    expect(p.directive.issuingBody?.replace(/\s+/g, ' ')).toBe('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
    expect(p.directive.issuerUnit).toBeNull();
  });

  it('reads the number, the split date and the wrapped title', () => {
    expect(`${p.directive.number}/${p.directive.symbol}`).toBe('2455/SLĐTBXH-BTXH');
    expect(p.directive.place).toBe('Hà Tĩnh');
    expect(p.directive.type).toBe('Kế hoạch');
    expect(p.directive.title).toBe('RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2021 TRÊN ĐỊA BÀN TỈNH');
  });

  it('takes the task from Tổ chức thực hiện, not from Mục đích, yêu cầu', () => {
    expect(p.tasks.map((t) => t.content)).toEqual([expect.stringContaining('tổ chức rà soát')]);
    expect(p.tasks[0]?.lead).toBe('Phòng Lao động - Thương binh và Xã hội các huyện');
  });
});

describe('a task table (synthetic fixture: the corpus holds no real task table)', () => {
  const text = [
    'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
    'Số: 15/KH-SLĐTBXH',
    'Lạng Sơn, ngày 02 tháng 3 năm 2024',
    'KẾ HOẠCH',
    'Rà soát hộ nghèo, hộ cận nghèo năm 2024',
    'III. TỔ CHỨC THỰC HIỆN',
    'TT | Nội dung | Chủ trì | Phối hợp | Thời gian',
    '1 | Tổng hợp kết quả rà soát hộ nghèo | Phòng Bảo trợ xã hội - Giảm nghèo | Phòng LĐTBXH các huyện | trước ngày 15/12/2024',
    '2\tTập huấn điều tra viên\tVăn phòng Sở\tPhòng Kế hoạch - Tài chính\tQuý II/2024',
  ].join('\n');
  const p = extractNotice(text, P);

  it('reads each row as a task with its lead, partners and deadline, and not the header row', () => {
    expect(p.tasks.map((t) => t.content)).toEqual(['Tổng hợp kết quả rà soát hộ nghèo', 'Tập huấn điều tra viên']);
    expect(p.tasks[0]?.lead).toBe('Phòng Bảo trợ xã hội - Giảm nghèo');
    expect(p.tasks[0]?.deadline).toMatchObject({ kind: 'date', text: expect.stringContaining('15/12/2024') });
    expect(p.tasks[0]?.partners.length).toBeGreaterThan(0);
    expect(p.tasks[1]?.deadline).toMatchObject({ kind: 'date', date: '2024-06-30' });
  });
});
