import { describe, expect, it } from 'vitest';
import { fold } from '../../../electron/domain/text';
import { LANG_SON_2022 } from '../../../electron/domain/profiles/builtIn';
import { DEFAULT_FORMS, SIX_MONTH_FORM, YEARLY_FORM } from '../../../electron/domain/reports/defaultForms';
import { findIndicator, formIndicators, formPeriodsOfYear, reportingOffices } from '../../../electron/domain/reports/form';
import { dueDate } from '../../../electron/domain/reports/periods';
import { renderRuleMessage, validateReport } from '../../../electron/domain/reports/validate';
import { indicatorCatalogue } from '../../../electron/domain/reports/versions';
import { VANQUAN_2022_H1 } from './samples';

/** Fields of the seed conclusion (22/7/2022) each default form must carry. */
const SEED_FIELDS = [
  'lao động được tạo việc làm mới',
  'đi làm việc ở nước ngoài theo hợp đồng',
  'tuyển sinh đào tạo nghề',
  'tỷ lệ lao động qua đào tạo',
  'tổng số hộ',
  'số hộ nghèo',
  'số hộ cận nghèo',
  'tỷ lệ hộ nghèo',
  'hộ người có công được hỗ trợ nhà ở',
  'số tiền hỗ trợ nhà ở',
  'hưởng trợ cấp hằng tháng',
  'trẻ em có hoàn cảnh đặc biệt được hỗ trợ',
  'cai nghiện ma túy tại cơ sở',
  'tại gia đình, cộng đồng',
  'quản lý sau cai nghiện',
  'giải quyết trực tuyến',
  'kết quả đạt được',
  'tồn tại, hạn chế và nguyên nhân',
  'phương hướng, nhiệm vụ',
  'đề xuất, kiến nghị',
];

describe.each([
  ['6 tháng', SIX_MONTH_FORM],
  ['năm', YEARLY_FORM],
])('mẫu báo cáo %s mặc định', (_name, form) => {
  it.each(SEED_FIELDS)('có chỉ tiêu "%s"', (field) => {
    expect(formIndicators(form).some((i) => fold(i.label).includes(fold(field)))).toBe(true);
  });

  it('11 phòng LĐTBXH huyện, thành phố phải báo cáo', () => {
    expect(reportingOffices(form, LANG_SON_2022)).toHaveLength(11);
  });

  it('bảng hộ nghèo, cận nghèo theo xã, điền sẵn từ rà soát', () => {
    const table = findIndicator(form, 'gn.theo_xa');
    expect(table?.table?.rows).toBe('communes');
    expect(table?.table?.columns.map((c) => c.prefill)).toEqual(['households.total', 'households.poor', 'households.nearPoor']);
    expect(findIndicator(form, 'gn.ho_ngheo')?.prefill).toBe('households.poor');
    expect(findIndicator(form, 'gn.ho_can_ngheo')?.prefill).toBe('households.nearPoor');
  });

  it('phần thuyết minh là văn bản dài', () => {
    const narrative = form.sections.find((s) => s.id === 'thuyet-minh')?.indicators ?? [];
    expect(narrative.map((i) => [i.type, i.long])).toEqual(Array(4).fill(['text', true]));
  });

  it('tỷ lệ trong khoảng 0-100', () => {
    const errs = validateReport(form, { ...VANQUAN_2022_H1, 'gdnn.ty_le_qua_dao_tao': 101, 'cds.ho_so_truc_tuyen': -5 });
    expect(errs.map((e) => [e.indicatorId, e.code])).toEqual([
      ['gdnn.ty_le_qua_dao_tao', 'percent'],
      ['cds.ho_so_truc_tuyen', 'percent'],
    ]);
  });
});

describe('mẫu mặc định: quy tắc và hạn nộp', () => {
  it('số hộ nghèo > tổng số hộ: báo bằng tiếng Việt', () => {
    const errs = validateReport(SIX_MONTH_FORM, {
      ...VANQUAN_2022_H1,
      'gn.ho_ngheo': 15_000,
      'gn.theo_xa': { VQ_A: { tong_so_ho: 14_000, ho_ngheo: 15_000, ho_can_ngheo: 0 } },
      'gn.ho_can_ngheo': 0,
    });
    expect(errs.map((e) => renderRuleMessage(e, 'vi'))).toEqual([
      'Số hộ nghèo của xã (15000) không được lớn hơn tổng số hộ của xã (14000)',
      'Số hộ nghèo cộng số hộ cận nghèo của xã (15000) không được lớn hơn tổng số hộ của xã (14000)',
      'Số hộ nghèo (15000) không được lớn hơn tổng số hộ (14000)',
      'Số hộ nghèo cộng số hộ cận nghèo (15000) không được lớn hơn tổng số hộ (14000)',
    ]);
  });

  it('số hộ nghèo phải khớp tổng bảng theo xã; nhiệm vụ hoàn thành không quá số được giao', () => {
    const errs = validateReport(SIX_MONTH_FORM, { ...VANQUAN_2022_H1, 'gn.ho_ngheo': 3_400, 'nv.hoan_thanh': 15 });
    expect(errs.map((e) => e.ruleId)).toEqual(['gn.bang-xa-ho-ngheo', 'nv.hoan-thanh-le-giao']);
  });

  it('báo cáo trống: liệt kê các chỉ tiêu bắt buộc', () => {
    const errs = validateReport(SIX_MONTH_FORM, {});
    expect(errs.every((e) => e.code === 'required')).toBe(true);
    expect(errs).toHaveLength(formIndicators(SIX_MONTH_FORM).filter((i) => i.required).length);
  });

  it('hạn: báo cáo 6 tháng 15/6, báo cáo năm 15/12; mẫu 6 tháng chỉ cho 6 tháng đầu năm', () => {
    expect(dueDate(SIX_MONTH_FORM.dueRule, '2022-H1')).toBe('2022-06-15');
    expect(dueDate(YEARLY_FORM.dueRule, '2022')).toBe('2022-12-15');
    expect(formPeriodsOfYear(SIX_MONTH_FORM, 2022)).toEqual(['2022-H1']);
    expect(formPeriodsOfYear(YEARLY_FORM, 2022)).toEqual(['2022']);
  });

  it('hai mẫu dùng chung mã chỉ tiêu, không xung đột', () => {
    const cat = indicatorCatalogue(DEFAULT_FORMS);
    expect(cat.conflicts).toEqual([]);
    expect(cat.entries.every((e) => e.forms.length === 2)).toBe(true);
    expect(findIndicator(YEARLY_FORM, 'tm.phuong_huong')?.label).toBe('Phương hướng, nhiệm vụ năm tới');
    expect(findIndicator(SIX_MONTH_FORM, 'tm.phuong_huong')?.label).toBe('Phương hướng, nhiệm vụ 6 tháng cuối năm');
  });
});
