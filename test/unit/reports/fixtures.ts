import { ReportFormSchema, type ReportForm, type ReportFormInput } from '../../../electron/domain/reports/form';

/** A small form with one indicator of every kind, for table-driven tests. */
export const TEST_FORM_INPUT: ReportFormInput = {
  formId: 'thu-nghiem',
  version: 1,
  title: 'Báo cáo thử nghiệm',
  periodType: 'half',
  dueRule: { kind: 'daysAfterPeriodEnd', days: 10 },
  reporters: { group: 'ALL_DISTRICTS' },
  sections: [
    {
      id: 'chung',
      title: 'Chỉ tiêu chung',
      indicators: [
        { id: 'ld.vieclam.tao_moi', label: 'Số lao động được tạo việc làm mới', type: 'integer', unit: 'người', required: true, min: 0, max: 100000 },
        { id: 'ld.thu_nhap', label: 'Thu nhập bình quân', type: 'decimal', unit: 'triệu đồng', min: 0 },
        { id: 'gdnn.ty_le', label: 'Tỷ lệ lao động qua đào tạo', type: 'percent', unit: '%', min: 10 },
        { id: 'ncc.so_tien', label: 'Số tiền hỗ trợ nhà ở', type: 'money', unit: 'đồng' },
        { id: 'gn.ke_hoach', label: 'Đã ban hành kế hoạch giảm nghèo', type: 'boolean', required: true },
        { id: 'tm.ghi_chu', label: 'Ghi chú', type: 'text', minLength: 3, maxLength: 20 },
        { id: 'tm.ket_qua', label: 'Kết quả đạt được', type: 'text', long: true },
      ],
    },
    {
      id: 'ngheo',
      title: 'Giảm nghèo',
      indicators: [
        { id: 'gn.tong_so_ho', label: 'Tổng số hộ', type: 'integer', unit: 'hộ', min: 0 },
        { id: 'gn.ho_ngheo', label: 'Số hộ nghèo', type: 'integer', unit: 'hộ', min: 0 },
        { id: 'gn.ho_can_ngheo', label: 'Số hộ cận nghèo', type: 'integer', unit: 'hộ', min: 0 },
        {
          id: 'te.theo_nhom',
          label: 'Trẻ em được hỗ trợ theo nhóm',
          type: 'table',
          table: {
            rows: { groups: ['Trẻ em mồ côi', 'Trẻ em khuyết tật'] },
            columns: [
              { id: 'so_tre', label: 'Số trẻ em', type: 'integer', required: true, min: 0 },
              { id: 'da_ho_tro', label: 'Đã được hỗ trợ', type: 'integer', min: 0 },
              { id: 'ty_le', label: 'Tỷ lệ', type: 'percent' },
              { id: 'ghi_chu', label: 'Ghi chú', type: 'text', maxLength: 10 },
            ],
            rules: [
              {
                id: 'nhom.ho-tro-le-so-tre',
                kind: 'compare',
                left: 'da_ho_tro',
                op: '<=',
                right: 'so_tre',
                message: { vi: 'Số trẻ được hỗ trợ ({{left}}) không được lớn hơn số trẻ ({{right}})', en: 'Supported ({{left}}) > children ({{right}})' },
              },
            ],
          },
        },
        {
          id: 'gn.theo_xa',
          label: 'Hộ nghèo theo xã',
          type: 'table',
          table: {
            rows: 'communes',
            columns: [
              { id: 'tong_so_ho', label: 'Tổng số hộ', type: 'integer', min: 0 },
              { id: 'ho_ngheo', label: 'Số hộ nghèo', type: 'integer', min: 0 },
            ],
          },
        },
      ],
    },
  ],
  rules: [
    {
      id: 'ngheo-le-tong',
      kind: 'compare',
      left: 'gn.ho_ngheo',
      op: '<=',
      right: 'gn.tong_so_ho',
      message: { vi: 'Số hộ nghèo ({{left}}) không được lớn hơn tổng số hộ ({{right}})', en: 'Poor ({{left}}) > total ({{right}})' },
    },
    {
      id: 'ngheo-can-ngheo-le-tong',
      kind: 'compare',
      left: { sum: ['gn.ho_ngheo', 'gn.ho_can_ngheo'] },
      op: '<=',
      right: 'gn.tong_so_ho',
      message: { vi: 'Số hộ nghèo cộng cận nghèo ({{left}}) không được lớn hơn tổng số hộ ({{right}})', en: 'Poor + near-poor > total' },
    },
    {
      id: 'bang-xa-khop-tong',
      kind: 'compare',
      left: 'gn.tong_so_ho',
      op: '==',
      right: { table: 'gn.theo_xa', column: 'tong_so_ho' },
      message: { vi: 'Tổng số hộ phải bằng tổng cột của bảng theo xã', en: 'Total must equal the commune table' },
    },
    {
      id: 'vuot-chi-tieu',
      kind: 'compare',
      left: 'ld.vieclam.tao_moi',
      op: '<=',
      right: { sum: [{ target: 'ld.vieclam.tao_moi' }, 500] },
      message: { vi: 'Số lao động được tạo việc làm vượt xa chỉ tiêu, đề nghị kiểm tra lại', en: 'Far above target' },
      severity: 'warning',
    },
  ],
};

export const TEST_FORM: ReportForm = ReportFormSchema.parse(TEST_FORM_INPUT);

/** Values that pass every check of TEST_FORM. */
export const VALID_VALUES = {
  'ld.vieclam.tao_moi': 1250,
  'ld.thu_nhap': 4.5,
  'gdnn.ty_le': 62.5,
  'ncc.so_tien': 40_000_000,
  'gn.ke_hoach': true,
  'tm.ghi_chu': 'Đạt kế hoạch',
  'tm.ket_qua': 'Hoàn thành cơ bản các chỉ tiêu 6 tháng đầu năm.',
  'gn.tong_so_ho': 12000,
  'gn.ho_ngheo': 2100,
  'gn.ho_can_ngheo': 1500,
  'te.theo_nhom': { 'Trẻ em mồ côi': { so_tre: 40, da_ho_tro: 35, ty_le: 87.5 } },
  'gn.theo_xa': { XA_A: { tong_so_ho: 7000, ho_ngheo: 1200 }, XA_B: { tong_so_ho: 5000, ho_ngheo: 900 } },
};

export const COMMUNES = [
  { code: 'XA_A', name: 'Xã Tân Đoàn' },
  { code: 'XA_B', name: 'Xã Tràng Phái' },
];
