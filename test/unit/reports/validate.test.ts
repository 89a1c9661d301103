import { describe, expect, it } from 'vitest';
import { ReportFormSchema, type ReportFormInput } from '../../../electron/domain/reports/form';
import {
  canMarkComplete,
  renderRuleMessage,
  validateField,
  validateReport,
  type FieldError,
  type ValidateOptions,
} from '../../../electron/domain/reports/validate';
import { COMMUNES, TEST_FORM, TEST_FORM_INPUT, VALID_VALUES } from './fixtures';

type Expected = Pick<FieldError, 'indicatorId' | 'code'> & Partial<Pick<FieldError, 'row' | 'column' | 'severity' | 'ruleId'>>;

const opts: ValidateOptions = { communes: COMMUNES };

function run(patch: Record<string, unknown>, options: ValidateOptions = opts): Expected[] {
  return validateReport(TEST_FORM, { ...VALID_VALUES, ...patch }, options).map((e) => {
    const out: Expected = { indicatorId: e.indicatorId, code: e.code };
    if (e.row !== undefined) out.row = e.row;
    if (e.column !== undefined) out.column = e.column;
    if (e.ruleId !== undefined) out.ruleId = e.ruleId;
    if (e.severity === 'warning') out.severity = 'warning';
    return out;
  });
}

describe('validateReport: mỗi loại kiểm tra', () => {
  const cases: { name: string; patch: Record<string, unknown>; options?: ValidateOptions; expected: Expected[] }[] = [
    { name: 'báo cáo hợp lệ không có lỗi', patch: {}, expected: [] },
    // required
    { name: 'bắt buộc: để trống (null)', patch: { 'ld.vieclam.tao_moi': null }, expected: [{ indicatorId: 'ld.vieclam.tao_moi', code: 'required' }] },
    { name: 'bắt buộc: chưa có khóa', patch: { 'gn.ke_hoach': undefined }, expected: [{ indicatorId: 'gn.ke_hoach', code: 'required' }] },
    { name: 'bắt buộc: chỉ có khoảng trắng', patch: { 'gn.ke_hoach': '   ' }, expected: [{ indicatorId: 'gn.ke_hoach', code: 'required' }] },
    { name: 'không bắt buộc: để trống là được', patch: { 'ld.thu_nhap': null, 'tm.ghi_chu': '' }, expected: [] },
    // integer
    { name: 'số nguyên: 12,5 người', patch: { 'ld.vieclam.tao_moi': 12.5 }, expected: [{ indicatorId: 'ld.vieclam.tao_moi', code: 'integer' }] },
    { name: 'số nguyên: nhập chữ "1.250"', patch: { 'ld.vieclam.tao_moi': '1.250' }, expected: [{ indicatorId: 'ld.vieclam.tao_moi', code: 'notNumber' }] },
    { name: 'số nguyên: giá trị đúng 0', patch: { 'ld.vieclam.tao_moi': 0 }, expected: [] },
    // decimal
    { name: 'số thập phân: 4,75 hợp lệ', patch: { 'ld.thu_nhap': 4.75 }, expected: [] },
    { name: 'số thập phân: chữ "bốn"', patch: { 'ld.thu_nhap': 'bốn' }, expected: [{ indicatorId: 'ld.thu_nhap', code: 'notNumber' }] },
    { name: 'số thập phân: NaN', patch: { 'ld.thu_nhap': Number.NaN }, expected: [{ indicatorId: 'ld.thu_nhap', code: 'notNumber' }] },
    { name: 'số thập phân: Infinity', patch: { 'ld.thu_nhap': Number.POSITIVE_INFINITY }, expected: [{ indicatorId: 'ld.thu_nhap', code: 'notNumber' }] },
    // percent
    { name: 'tỷ lệ: 120%', patch: { 'gdnn.ty_le': 120 }, expected: [{ indicatorId: 'gdnn.ty_le', code: 'percent' }] },
    { name: 'tỷ lệ: âm', patch: { 'gdnn.ty_le': -1 }, expected: [{ indicatorId: 'gdnn.ty_le', code: 'percent' }] },
    { name: 'tỷ lệ: 100% đúng biên', patch: { 'gdnn.ty_le': 100 }, expected: [] },
    { name: 'tỷ lệ: dưới ngưỡng tối thiểu của mẫu (10)', patch: { 'gdnn.ty_le': 5 }, expected: [{ indicatorId: 'gdnn.ty_le', code: 'min' }] },
    // money
    { name: 'số tiền: âm', patch: { 'ncc.so_tien': -1 }, expected: [{ indicatorId: 'ncc.so_tien', code: 'money' }] },
    { name: 'số tiền: lẻ đồng', patch: { 'ncc.so_tien': 1500.5 }, expected: [{ indicatorId: 'ncc.so_tien', code: 'money' }] },
    { name: 'số tiền: 0 đồng', patch: { 'ncc.so_tien': 0 }, expected: [] },
    // boolean
    { name: 'có/không: chữ "có"', patch: { 'gn.ke_hoach': 'có' }, expected: [{ indicatorId: 'gn.ke_hoach', code: 'boolean' }] },
    { name: 'có/không: số 1', patch: { 'gn.ke_hoach': 1 }, expected: [{ indicatorId: 'gn.ke_hoach', code: 'boolean' }] },
    { name: 'có/không: false là câu trả lời', patch: { 'gn.ke_hoach': false }, expected: [] },
    // text
    { name: 'văn bản: quá ngắn', patch: { 'tm.ghi_chu': ' ab ' }, expected: [{ indicatorId: 'tm.ghi_chu', code: 'textTooShort' }] },
    { name: 'văn bản: quá dài', patch: { 'tm.ghi_chu': 'Hoàn thành vượt mức kế hoạch' }, expected: [{ indicatorId: 'tm.ghi_chu', code: 'textTooLong' }] },
    { name: 'văn bản: nhập số', patch: { 'tm.ghi_chu': 5 }, expected: [{ indicatorId: 'tm.ghi_chu', code: 'text' }] },
    { name: 'văn bản dài: vượt 50.000 ký tự mặc định', patch: { 'tm.ket_qua': 'x'.repeat(50_001) }, expected: [{ indicatorId: 'tm.ket_qua', code: 'textTooLong' }] },
    { name: 'văn bản dài: 10.000 ký tự vẫn được', patch: { 'tm.ket_qua': 'x'.repeat(10_000) }, expected: [] },
    // bounds
    { name: 'giới hạn: vượt tối đa', patch: { 'ld.vieclam.tao_moi': 100_001 }, expected: [{ indicatorId: 'ld.vieclam.tao_moi', code: 'max' }] },
    { name: 'giới hạn: dưới tối thiểu', patch: { 'ld.thu_nhap': -0.5 }, expected: [{ indicatorId: 'ld.thu_nhap', code: 'min' }] },
    // tables
    { name: 'bảng: không phải dạng bảng', patch: { 'te.theo_nhom': 5 }, expected: [{ indicatorId: 'te.theo_nhom', code: 'notTable' }] },
    {
      name: 'bảng: ô số nguyên có số lẻ',
      patch: { 'te.theo_nhom': { 'Trẻ em mồ côi': { so_tre: 3.5 } } },
      expected: [{ indicatorId: 'te.theo_nhom', code: 'integer', row: 'Trẻ em mồ côi', column: 'so_tre' }],
    },
    {
      name: 'bảng: thiếu ô bắt buộc trong dòng đã nhập',
      patch: { 'te.theo_nhom': { 'Trẻ em khuyết tật': { da_ho_tro: 3 } } },
      expected: [{ indicatorId: 'te.theo_nhom', code: 'required', row: 'Trẻ em khuyết tật', column: 'so_tre' }],
    },
    {
      name: 'bảng: ô tỷ lệ 150%, ô chữ quá dài',
      patch: { 'te.theo_nhom': { 'Trẻ em mồ côi': { so_tre: 4, ty_le: 150, ghi_chu: 'Đã hỗ trợ đầy đủ' } } },
      expected: [
        { indicatorId: 'te.theo_nhom', code: 'percent', row: 'Trẻ em mồ côi', column: 'ty_le' },
        { indicatorId: 'te.theo_nhom', code: 'textTooLong', row: 'Trẻ em mồ côi', column: 'ghi_chu' },
      ],
    },
    {
      name: 'bảng: dòng nhóm không có trong mẫu',
      patch: { 'te.theo_nhom': { 'Người cao tuổi': { so_tre: 4 } } },
      expected: [{ indicatorId: 'te.theo_nhom', code: 'unknownRow', row: 'Người cao tuổi' }],
    },
    {
      name: 'bảng: quy tắc trên từng dòng',
      patch: { 'te.theo_nhom': { 'Trẻ em mồ côi': { so_tre: 40, da_ho_tro: 50 } } },
      expected: [{ indicatorId: 'te.theo_nhom', code: 'rule', row: 'Trẻ em mồ côi', column: 'da_ho_tro', ruleId: 'nhom.ho-tro-le-so-tre' }],
    },
    {
      name: 'bảng theo xã: xã không thuộc huyện',
      patch: { 'gn.theo_xa': { ...VALID_VALUES['gn.theo_xa'], XA_C: { tong_so_ho: 0 } } },
      expected: [{ indicatorId: 'gn.theo_xa', code: 'unknownRow', row: 'XA_C' }],
    },
    {
      name: 'bảng theo xã: không biết danh sách xã thì không kiểm tra mã xã',
      patch: { 'gn.theo_xa': { ...VALID_VALUES['gn.theo_xa'], XA_C: { tong_so_ho: 0 } } },
      options: {},
      expected: [],
    },
    // cross-field rules
    {
      name: 'liên chỉ tiêu: số hộ nghèo > tổng số hộ',
      patch: { 'gn.ho_ngheo': 13_000 },
      expected: [
        { indicatorId: 'gn.ho_ngheo', code: 'rule', ruleId: 'ngheo-le-tong' },
        { indicatorId: 'gn.ho_ngheo', code: 'rule', ruleId: 'ngheo-can-ngheo-le-tong' },
      ],
    },
    {
      name: 'liên chỉ tiêu: nghèo + cận nghèo > tổng số hộ (tổng của nhiều chỉ tiêu)',
      patch: { 'gn.ho_can_ngheo': 10_000 },
      expected: [{ indicatorId: 'gn.ho_ngheo', code: 'rule', ruleId: 'ngheo-can-ngheo-le-tong' }],
    },
    {
      name: 'liên chỉ tiêu: nghèo + cận nghèo = tổng số hộ vẫn đúng (<=)',
      patch: { 'gn.ho_can_ngheo': 9_900 },
      expected: [],
    },
    {
      name: 'liên chỉ tiêu: tổng số hộ khác tổng cột bảng theo xã',
      patch: { 'gn.theo_xa': { XA_A: { tong_so_ho: 7000 }, XA_B: { tong_so_ho: 4000 } } },
      expected: [{ indicatorId: 'gn.tong_so_ho', code: 'rule', ruleId: 'bang-xa-khop-tong' }],
    },
    {
      name: 'liên chỉ tiêu: thiếu số liệu thì quy tắc chờ (không báo lỗi)',
      patch: { 'gn.tong_so_ho': null, 'gn.theo_xa': null },
      expected: [],
    },
    {
      name: 'liên chỉ tiêu: số sai kiểu không được đem so sánh',
      patch: { 'gn.ho_ngheo': 13_000.5 },
      expected: [{ indicatorId: 'gn.ho_ngheo', code: 'integer' }],
    },
    {
      name: 'liên chỉ tiêu với chỉ tiêu giao: cảnh báo khi vượt xa',
      patch: {},
      options: { ...opts, targets: { 'ld.vieclam.tao_moi': 500 } },
      expected: [{ indicatorId: 'ld.vieclam.tao_moi', code: 'rule', ruleId: 'vuot-chi-tieu', severity: 'warning' }],
    },
    {
      name: 'liên chỉ tiêu với chỉ tiêu giao: trong mức cho phép',
      patch: {},
      options: { ...opts, targets: { 'ld.vieclam.tao_moi': 1000 } },
      expected: [],
    },
  ];

  it.each(cases)('$name', ({ patch, options, expected }) => {
    expect(run(patch, options ?? opts)).toEqual(expected);
  });
});

describe('validateReport: thông điệp và hành vi', () => {
  it('lỗi liên chỉ tiêu mang câu tiếng Việt của mẫu, có số liệu hai vế', () => {
    const [err] = validateReport(TEST_FORM, { ...VALID_VALUES, 'gn.ho_ngheo': 12_500, 'gn.ho_can_ngheo': 0 }, opts);
    expect(err).toBeDefined();
    if (!err) return;
    expect(err.related).toEqual(['gn.ho_ngheo', 'gn.tong_so_ho']);
    expect(renderRuleMessage(err, 'vi')).toBe('Số hộ nghèo (12500) không được lớn hơn tổng số hộ (12000)');
    const vn = (n: number): string => new Intl.NumberFormat('vi-VN').format(n);
    expect(renderRuleMessage(err, 'vi', vn)).toBe('Số hộ nghèo (12.500) không được lớn hơn tổng số hộ (12.000)');
    expect(err.params).toMatchObject({ left: 12_500, right: 12_000, op: '<=' });
  });

  it('lỗi thường có khóa thông điệp và tham số', () => {
    const [err] = validateReport(TEST_FORM, { ...VALID_VALUES, 'tm.ghi_chu': 'ab' }, opts);
    expect(err).toMatchObject({
      messageKey: 'reports:validation.textTooShort',
      params: { label: 'Ghi chú', count: 3, length: 2 },
      severity: 'error',
    });
  });

  it('chỉ còn cảnh báo thì được đánh dấu hoàn thành', () => {
    const warnings = validateReport(TEST_FORM, VALID_VALUES, { ...opts, targets: { 'ld.vieclam.tao_moi': 100 } });
    expect(warnings).toHaveLength(1);
    expect(canMarkComplete(warnings)).toBe(true);
    expect(canMarkComplete(validateReport(TEST_FORM, { ...VALID_VALUES, 'gn.ho_ngheo': 20_000 }, opts))).toBe(false);
  });

  it('validateField trả lỗi của ô và của quy tắc có đọc ô đó', () => {
    const values = { ...VALID_VALUES, 'gn.ho_ngheo': 13_000, 'ld.thu_nhap': -1 };
    const forTotal = validateField(TEST_FORM, 'gn.tong_so_ho', values, opts);
    expect(forTotal.map((e) => e.ruleId)).toEqual(['ngheo-le-tong', 'ngheo-can-ngheo-le-tong']);
    expect(validateField(TEST_FORM, 'ld.thu_nhap', values, opts).map((e) => e.code)).toEqual(['min']);
  });

  it('missing = zero: ô trống tính là 0', () => {
    const input: ReportFormInput = {
      ...TEST_FORM_INPUT,
      rules: [
        {
          id: 'tong-bang-0',
          kind: 'compare',
          left: { sum: ['gn.ho_ngheo', 'gn.ho_can_ngheo'] },
          op: '>',
          right: 0,
          missing: 'zero',
          message: { vi: 'Phải có ít nhất một hộ nghèo hoặc cận nghèo', en: 'At least one' },
        },
      ],
    };
    const form = ReportFormSchema.parse(input);
    expect(validateReport(form, { ...VALID_VALUES, 'gn.ho_ngheo': null, 'gn.ho_can_ngheo': 0 }, opts).map((e) => e.ruleId)).toEqual(['tong-bang-0']);
    expect(validateReport(form, { ...VALID_VALUES, 'gn.ho_ngheo': null, 'gn.ho_can_ngheo': 3 }, opts)).toEqual([]);
  });

  it('bảng bắt buộc: báo từng dòng nhóm còn thiếu', () => {
    const input = structuredClone(TEST_FORM_INPUT);
    const table = input.sections[1]?.indicators.find((i) => i.id === 'te.theo_nhom');
    if (table) table.required = true;
    const form = ReportFormSchema.parse(input);
    const errs = validateReport(form, VALID_VALUES, opts);
    expect(errs.map((e) => [e.code, e.row])).toEqual([['missingRow', 'Trẻ em khuyết tật']]);
    expect(validateReport(form, { ...VALID_VALUES, 'te.theo_nhom': {} }, opts).map((e) => e.code)).toEqual(['required']);
  });

  it('bảng theo xã bắt buộc: thiếu xã nào báo xã đó, bằng tên xã', () => {
    const input = structuredClone(TEST_FORM_INPUT);
    const table = input.sections[1]?.indicators.find((i) => i.id === 'gn.theo_xa');
    if (table) table.required = true;
    const form = ReportFormSchema.parse(input);
    const errs = validateReport(form, { ...VALID_VALUES, 'gn.tong_so_ho': 7000, 'gn.theo_xa': { XA_A: { tong_so_ho: 7000 } } }, opts);
    expect(errs).toEqual([expect.objectContaining({ code: 'missingRow', row: 'XA_B', params: expect.objectContaining({ row: 'Xã Tràng Phái' }) })]);
  });

  it('chạy giống hệt ở phòng và ở Sở (mẫu, số liệu đi qua JSON trong gói)', () => {
    const values = { ...VALID_VALUES, 'gn.ho_ngheo': 13_000, 'tm.ghi_chu': 'ab', 'te.theo_nhom': { 'Trẻ em mồ côi': { so_tre: 1.5 } } };
    const atOffice = validateReport(TEST_FORM, values, opts);
    const carried = JSON.parse(JSON.stringify({ form: TEST_FORM, values })) as { form: unknown; values: Record<string, unknown> };
    const atSo = validateReport(ReportFormSchema.parse(carried.form), carried.values, opts);
    expect(atSo).toEqual(atOffice);
    expect(atOffice.length).toBeGreaterThan(2);
  });

  it('số liệu thừa (từ phiên bản mẫu khác) không gây lỗi', () => {
    expect(validateReport(TEST_FORM, { ...VALID_VALUES, 'chi_tieu.da_bo': 'x' }, opts)).toEqual([]);
  });
});
