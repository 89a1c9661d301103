import { describe, expect, it } from 'vitest';
import { chooseField, matchFields, splitFieldLabel } from '../../../electron/domain/directives/extract/fields';
import { contentsFromChildren, extractRequiredContents } from '../../../electron/domain/directives/extract/requiredContents';
import { P } from './helpers';

describe('matchFields', () => {
  it.each<[string, string[]]>([
    ['Lĩnh vực giảm nghèo, bảo trợ xã hội', ['GIAM_NGHEO_BTXH']],
    ['Lĩnh vực Lao động, Việc làm – Bảo hiểm xã hội', ['LAO_DONG_VL_BHXH']],
    ['Lĩnh vực giáo dục nghề nghiệp', ['GDNN']],
    ['Công tác cai nghiện', ['CAI_NGHIEN']],
    ['Công tác chuyển đổi số', ['CHUYEN_DOI_SO']],
    ['LINH VUC NGUOI CO CONG', ['NGUOI_CO_CONG']],
    ['Lĩnh vực Trẻ em, Bình đẳng giới; Thanh tra; Phòng chống tệ nạn xã hội; hành chính tổ chức', ['TRE_EM_BDG', 'THANH_TRA', 'PCTNXH', 'HANH_CHINH']],
    ['Sở Lao động - Thương binh và Xã hội', []],
    ['Tổ chức tuyển sinh năm học mới', []],
  ])('%s', (text, codes) => {
    expect(matchFields(text, P)).toEqual(codes);
  });
});

describe('splitFieldLabel', () => {
  const noOffice = (): boolean => false;
  it.each<[string, string | null, string]>([
    ['Lĩnh vực giáo dục nghề nghiệp: Đẩy mạnh đào tạo.', 'Lĩnh vực giáo dục nghề nghiệp', 'Đẩy mạnh đào tạo.'],
    ['Công tác cai nghiện: Tăng cường quản lý.', 'Công tác cai nghiện', 'Tăng cường quản lý.'],
    ['Về người có công: hoàn thành hỗ trợ nhà ở.', 'Về người có công', 'hoàn thành hỗ trợ nhà ở.'],
    ['Thời gian thực hiện: tháng 9/2022', null, 'Thời gian thực hiện: tháng 9/2022'],
    ['Lĩnh vực trẻ em triển khai theo kế hoạch.', 'Lĩnh vực trẻ em triển khai theo kế hoạch.', 'Lĩnh vực trẻ em triển khai theo kế hoạch.'],
  ])('%s', (text, heading, content) => {
    expect(splitFieldLabel(text, P, noOffice)).toEqual({ heading, content });
  });

  it('an office label is not a field heading', () => {
    expect(splitFieldLabel('Phòng Người có công: hoàn thành hỗ trợ.', P, () => true).heading).toBeNull();
  });
});

describe('chooseField', () => {
  it('takes the first source that names fields; several are candidates, not a pick', () => {
    expect(chooseField(P, [{ source: 'heading', texts: [] }, { source: 'content', texts: ['rà soát hộ nghèo để giảm nghèo'] }])).toEqual({
      field: 'GIAM_NGHEO_BTXH',
      candidates: ['GIAM_NGHEO_BTXH'],
      source: 'content',
    });
    expect(chooseField(P, [{ source: 'title', texts: ['đào tạo nghề cho lao động nông thôn'] }])).toEqual({
      field: null,
      candidates: ['GDNN', 'LAO_DONG_VL_BHXH'],
      source: 'title',
    });
    expect(chooseField(P, [{ source: 'content', texts: ['tuyển sinh'] }])).toEqual({ field: null, candidates: [], source: null });
  });
});

describe('required contents', () => {
  it.each<[string, string[], number | null]>([
    [
      'trong đó nêu đủ 5 nội dung cụ thể ( Mục tiêu; đối tượng dự án; nội dung hỗ trợ; thời gian thực hiện; cơ quan chủ trì). Thời gian 30/7/2022 thực hiện xong.',
      ['Mục tiêu', 'đối tượng dự án', 'nội dung hỗ trợ', 'thời gian thực hiện', 'cơ quan chủ trì'],
      5,
    ],
    ['nêu rõ ba nội dung (mục tiêu, giải pháp, kinh phí)', ['mục tiêu', 'giải pháp', 'kinh phí'], 3],
    ['báo cáo gồm các nội dung: số hộ nghèo; số hộ cận nghèo; kiến nghị.', ['số hộ nghèo', 'số hộ cận nghèo', 'kiến nghị'], null],
    ['thực hiện một số nội dung sau:', [], null],
    ['tổng hợp kết quả rà soát (theo biểu mẫu tại Phụ lục)', [], null],
  ])('%s', (text, items, stated) => {
    const r = extractRequiredContents(text);
    expect(r.items).toEqual(items);
    expect(r.stated).toBe(stated);
  });

  it('short sub-bullets under "... gồm các nội dung sau:" are a checklist', () => {
    expect(contentsFromChildren('Xây dựng báo cáo, gồm các nội dung sau:', ['Kết quả đạt được;', 'Khó khăn, vướng mắc;', 'Đề xuất, kiến nghị.'])).toEqual([
      'Kết quả đạt được',
      'Khó khăn, vướng mắc',
      'Đề xuất, kiến nghị',
    ]);
    expect(contentsFromChildren('Lĩnh vực giảm nghèo', ['Tập trung rà soát.', 'Tiếp tục thực hiện.'])).toBeNull();
  });
});
