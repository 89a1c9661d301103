import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../electron/domain/errors';
import { LANG_SON_2022 } from '../../../electron/domain/profiles/builtIn';
import {
  ReportFormSchema,
  findIndicator,
  formIndicators,
  formPeriodsOfYear,
  parseReportForm,
  reportingOffices,
  ruleIndicatorIds,
  type ReportFormInput,
} from '../../../electron/domain/reports/form';
import { prefillValues } from '../../../electron/core/reports/prefill';
import { SIX_MONTH_FORM } from '../../../electron/domain/reports/defaultForms';
import { TEST_FORM, TEST_FORM_INPUT } from './fixtures';

type Mutate = (f: ReportFormInput) => void;

function variant(mutate: Mutate): ReportFormInput {
  const f = structuredClone(TEST_FORM_INPUT);
  mutate(f);
  return f;
}

function firstIndicator(f: ReportFormInput) {
  const ind = f.sections[0]?.indicators[0];
  if (!ind) throw new Error('fixture');
  return ind;
}

describe('ReportFormSchema: mẫu là dữ liệu, kiểm tra chặt', () => {
  it('mẫu thử nghiệm hợp lệ, giá trị mặc định được điền', () => {
    expect(TEST_FORM.version).toBe(1);
    expect(findIndicator(TEST_FORM, 'ld.thu_nhap')).toMatchObject({ required: false, aggregate: 'sum', long: false });
    expect(findIndicator(TEST_FORM, 'gdnn.ty_le')?.aggregate).toBe('none');
    expect(findIndicator(TEST_FORM, 'tm.ket_qua')).toMatchObject({ long: true, aggregate: 'none' });
    expect(TEST_FORM.rules.map((r) => r.severity)).toEqual(['error', 'error', 'error', 'warning']);
  });

  it('đọc lại mẫu đã đọc cho kết quả y hệt (mẫu đi qua gói nhiều lần)', () => {
    expect(ReportFormSchema.parse(JSON.parse(JSON.stringify(TEST_FORM)))).toEqual(TEST_FORM);
  });

  const bad: [string, Mutate][] = [
    ['trùng mã chỉ tiêu', (f) => { firstIndicator(f).id = 'ld.thu_nhap'; }],
    ['mã chỉ tiêu có chữ hoa, dấu', (f) => { firstIndicator(f).id = 'LĐ.việc làm'; }],
    ['min > max', (f) => { Object.assign(firstIndicator(f), { min: 10, max: 5 }); }],
    ['giới hạn số trên ô văn bản', (f) => { f.sections[0]?.indicators.push({ id: 'x.chu', label: 'Chữ', type: 'text', min: 1 }); }],
    ['độ dài trên ô số', (f) => { Object.assign(firstIndicator(f), { maxLength: 5 }); }],
    ['loại bảng nhưng thiếu định nghĩa bảng', (f) => { f.sections[0]?.indicators.push({ id: 'x.bang', label: 'Bảng', type: 'table' }); }],
    ['cộng dồn tỷ lệ', (f) => { f.sections[0]?.indicators.push({ id: 'x.tl', label: 'Tỷ lệ', type: 'percent', aggregate: 'sum' }); }],
    ['cộng dồn văn bản', (f) => { f.sections[0]?.indicators.push({ id: 'x.vb', label: 'Văn bản', type: 'text', aggregate: 'sum' }); }],
    ['điền sẵn vào ô tiền', (f) => { f.sections[0]?.indicators.push({ id: 'x.tien', label: 'Tiền', type: 'money', prefill: 'households.poor' }); }],
    ['quy tắc trỏ tới chỉ tiêu không có', (f) => { const r = f.rules?.[0]; if (r) r.left = 'gn.khong_co'; }],
    ['quy tắc so sánh chỉ tiêu văn bản', (f) => { const r = f.rules?.[0]; if (r) r.left = 'tm.ghi_chu'; }],
    ['quy tắc trỏ tới cột không có', (f) => { const r = f.rules?.[2]; if (r) r.right = { table: 'gn.theo_xa', column: 'khong_co' }; }],
    ['quy tắc dùng toán tử lạ', (f) => { const r = f.rules?.[0]; if (r) (r as { op: string }).op = '!='; }],
    ['quy tắc là biểu thức chuỗi (không eval)', (f) => { const r = f.rules?.[0]; if (r) (r as { left: unknown }).left = 'gn.ho_ngheo + gn.ho_can_ngheo'; }],
    ['trùng mã quy tắc', (f) => { const r = f.rules?.[1]; if (r) r.id = 'ngheo-le-tong'; }],
    ['quy tắc dòng trỏ tới cột chữ', (f) => {
      const t = f.sections[1]?.indicators.find((i) => i.id === 'te.theo_nhom')?.table;
      const r = t?.rules?.[0];
      if (r) r.left = 'ghi_chu';
    }],
    ['tỷ lệ ratioOf trỏ tới tỷ lệ', (f) => { f.sections[0]?.indicators.push({ id: 'x.tl', label: 'Tỷ lệ', type: 'percent', ratioOf: { numerator: 'gdnn.ty_le', denominator: 'gn.tong_so_ho' } }); }],
    ['không có đơn vị báo cáo', (f) => { f.reporters = {}; }],
    ['hạn nộp cố định trước khi kỳ bắt đầu', (f) => { f.dueRule = { kind: 'fixedDate', month: 3, day: 1 }; }],
    ['onlyPeriods ngoài số kỳ', (f) => { f.onlyPeriods = [3]; }],
    ['trường lạ', (f) => { (f as Record<string, unknown>)['script'] = 'alert(1)'; }],
  ];
  it.each(bad)('từ chối: %s', (_name, mutate) => {
    expect(ReportFormSchema.safeParse(variant(mutate)).success).toBe(false);
  });

  it('parseReportForm báo lỗi đọc được, chỉ rõ vị trí', () => {
    try {
      parseReportForm(variant((f) => { firstIndicator(f).id = 'ld.thu_nhap'; }));
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e)).toBe(true);
      if (isAppError(e)) {
        expect(e.messageKey).toBe('reports:form.invalid');
        expect(e.params['path']).toBe('sections.0.indicators.1.id');
        expect(e.params['issue']).toBe('duplicate indicator id ld.thu_nhap');
      }
    }
  });

  it('ruleIndicatorIds liệt kê chỉ tiêu của quy tắc', () => {
    expect(TEST_FORM.rules.map(ruleIndicatorIds)).toEqual([
      ['gn.ho_ngheo', 'gn.tong_so_ho'],
      ['gn.ho_ngheo', 'gn.ho_can_ngheo', 'gn.tong_so_ho'],
      ['gn.tong_so_ho', 'gn.theo_xa'],
      ['ld.vieclam.tao_moi'],
    ]);
  });
});

describe('đơn vị phải báo cáo và kỳ', () => {
  it('nhóm ALL_DISTRICTS là 11 phòng LĐTBXH', () => {
    const offices = reportingOffices(TEST_FORM, LANG_SON_2022);
    expect(offices).toHaveLength(11);
    expect(offices).toContain('VANQUAN');
    expect(offices).toContain('BINHGIA');
    expect(offices).not.toContain('SO');
  });

  it('nhóm cộng mã lẻ, không trùng, theo thứ tự hồ sơ tổ chức', () => {
    const offices = reportingOffices({ reporters: { codes: ['CDN', 'VANQUAN', 'KHONG_CO'] } }, LANG_SON_2022);
    expect(offices).toEqual(['CDN', 'VANQUAN']);
  });

  it('kỳ của mẫu trong năm: mẫu 6 tháng chỉ có 6 tháng đầu năm', () => {
    expect(formPeriodsOfYear(TEST_FORM, 2022)).toEqual(['2022-H1', '2022-H2']);
    expect(formPeriodsOfYear(SIX_MONTH_FORM, 2022)).toEqual(['2022-H1']);
  });
});

describe('điền sẵn số liệu đã có', () => {
  it('điền số hộ và bảng theo xã, không ghi đè số đã nhập', () => {
    const { values, filled } = prefillValues(
      SIX_MONTH_FORM,
      {
        totals: { 'households.total': 12_000, 'households.poor': 2_100, 'households.nearPoor': 1_500, 'tasks.done': 13, 'tasks.assigned': 14 },
        perCommune: { XA_A: { 'households.total': 7_000, 'households.poor': 1_200, 'households.nearPoor': 800 } },
      },
      { 'gn.ho_ngheo': 2_000 },
    );
    expect(values['gn.tong_so_ho']).toBe(12_000);
    expect(values['gn.ho_ngheo']).toBe(2_000);
    expect(values['gn.ho_can_ngheo']).toBe(1_500);
    expect(values['nv.hoan_thanh']).toBe(13);
    expect(values['nv.duoc_giao']).toBe(14);
    expect(values['gn.theo_xa']).toEqual({ XA_A: { tong_so_ho: 7_000, ho_ngheo: 1_200, ho_can_ngheo: 800 } });
    expect(filled).toEqual(['gn.tong_so_ho', 'gn.ho_can_ngheo', 'gn.theo_xa', 'nv.duoc_giao', 'nv.hoan_thanh']);
    expect(formIndicators(SIX_MONTH_FORM).filter((i) => i.prefill).map((i) => i.id)).toHaveLength(5);
  });
});
