import { ReportFormSchema, type ReportForm, type ReportFormInput } from './form';
import { ND09_CUTOFF } from './window';

/**
 * The default profile's two forms: the six-month and the yearly report of the labour and
 * social affairs sector, with the fields the seed conclusion (22/7/2022) talks about. Both
 * share indicator ids, so a district's six-month and yearly figures line up by id.
 *
 * Due dates: the sector's "báo cáo 6 tháng" reaches the Sở before the mid-year review, with
 * figures cut off in mid-June (Nghị định 09/2019/NĐ-CP cuts six-month figures at 14/6 and
 * yearly ones at 14/12) and the rest of the period estimated. So the six-month report is due
 * 15/6 and covers only H1 (the yearly report covers the whole year), and the yearly report
 * is due 15/12. The Sở changes either in a new version if its own schedule differs.
 */

type SectionInput = ReportFormInput['sections'][number];
type RuleInput = NonNullable<ReportFormInput['rules']>[number];

const count = (id: string, label: string, unit: string, extra: Partial<SectionInput['indicators'][number]> = {}) =>
  ({ id, label, type: 'integer', unit, required: true, min: 0, ...extra }) as const;

function sections(kind: 'half' | 'year'): SectionInput[] {
  return [
    {
      id: 'lao-dong',
      title: 'Lao động - Việc làm - Xuất khẩu lao động',
      indicators: [
        count('ld.vieclam.tao_moi', 'Số lao động được tạo việc làm mới', 'người'),
        count('ld.xkld.di_lam_viec', 'Số người đi làm việc ở nước ngoài theo hợp đồng', 'người'),
      ],
    },
    {
      id: 'gdnn',
      title: 'Giáo dục nghề nghiệp',
      indicators: [
        count('gdnn.tuyen_sinh', 'Số người được tuyển sinh đào tạo nghề', 'người'),
        // No parts on the form to weight it by, so the Sở sees each district's rate, not a sum.
        { id: 'gdnn.ty_le_qua_dao_tao', label: 'Tỷ lệ lao động qua đào tạo', type: 'percent', unit: '%', required: true, aggregate: 'none' },
      ],
    },
    {
      id: 'giam-ngheo',
      title: 'Giảm nghèo',
      indicators: [
        count('gn.tong_so_ho', 'Tổng số hộ', 'hộ', { prefill: 'households.total' }),
        count('gn.ho_ngheo', 'Số hộ nghèo', 'hộ', { prefill: 'households.poor' }),
        count('gn.ho_can_ngheo', 'Số hộ cận nghèo', 'hộ', { prefill: 'households.nearPoor' }),
        {
          id: 'gn.ty_le_ho_ngheo',
          label: 'Tỷ lệ hộ nghèo',
          type: 'percent',
          unit: '%',
          required: true,
          ratioOf: { numerator: 'gn.ho_ngheo', denominator: 'gn.tong_so_ho' },
        },
        {
          id: 'gn.ke_hoach_du_an',
          label:
            'Đã ban hành Kế hoạch thực hiện các dự án giảm nghèo trong năm, nêu đủ 5 nội dung (mục tiêu; đối tượng dự án; nội dung hỗ trợ; thời gian thực hiện; cơ quan chủ trì)',
          type: 'boolean',
          required: true,
        },
        {
          id: 'gn.theo_xa',
          label: 'Hộ nghèo, hộ cận nghèo theo xã (kết quả rà soát theo chuẩn nghèo đa chiều)',
          type: 'table',
          table: {
            rows: 'communes',
            columns: [
              { id: 'tong_so_ho', label: 'Tổng số hộ', type: 'integer', unit: 'hộ', required: true, min: 0, prefill: 'households.total' },
              { id: 'ho_ngheo', label: 'Số hộ nghèo', type: 'integer', unit: 'hộ', required: true, min: 0, prefill: 'households.poor' },
              { id: 'ho_can_ngheo', label: 'Số hộ cận nghèo', type: 'integer', unit: 'hộ', required: true, min: 0, prefill: 'households.nearPoor' },
            ],
            rules: [
              {
                id: 'xa.ngheo-le-tong',
                kind: 'compare',
                left: 'ho_ngheo',
                op: '<=',
                right: 'tong_so_ho',
                message: {
                  vi: 'Số hộ nghèo của xã ({{left}}) không được lớn hơn tổng số hộ của xã ({{right}})',
                  en: 'Poor households of the commune ({{left}}) cannot exceed its total households ({{right}})',
                },
              },
              {
                id: 'xa.ngheo-can-ngheo-le-tong',
                kind: 'compare',
                left: { sum: ['ho_ngheo', 'ho_can_ngheo'] },
                op: '<=',
                right: 'tong_so_ho',
                message: {
                  vi: 'Số hộ nghèo cộng số hộ cận nghèo của xã ({{left}}) không được lớn hơn tổng số hộ của xã ({{right}})',
                  en: 'Poor plus near-poor households of the commune ({{left}}) cannot exceed its total households ({{right}})',
                },
              },
            ],
          },
        },
      ],
    },
    {
      id: 'nguoi-co-cong',
      title: 'Người có công',
      indicators: [
        count('ncc.nha_o.so_ho', 'Số hộ người có công được hỗ trợ nhà ở', 'hộ'),
        { id: 'ncc.nha_o.so_tien', label: 'Số tiền hỗ trợ nhà ở cho hộ người có công', type: 'money', unit: 'đồng', required: true },
      ],
    },
    {
      id: 'bao-tro-xa-hoi',
      title: 'Bảo trợ xã hội',
      indicators: [count('btxh.tro_cap_hang_thang', 'Số đối tượng bảo trợ xã hội hưởng trợ cấp hằng tháng', 'người')],
    },
    {
      id: 'tre-em',
      title: 'Trẻ em',
      indicators: [count('te.hoan_canh_dac_biet.ho_tro', 'Số trẻ em có hoàn cảnh đặc biệt được hỗ trợ', 'trẻ em')],
    },
    {
      id: 'cai-nghien',
      title: 'Cai nghiện ma túy và quản lý sau cai nghiện',
      indicators: [
        count('cn.tai_co_so', 'Số người cai nghiện ma túy tại cơ sở cai nghiện', 'người'),
        count('cn.tai_gia_dinh_cong_dong', 'Số người cai nghiện ma túy tại gia đình, cộng đồng', 'người'),
        count('cn.quan_ly_sau_cai', 'Số người được quản lý sau cai nghiện', 'người'),
      ],
    },
    {
      id: 'chuyen-doi-so',
      title: 'Chuyển đổi số',
      indicators: [
        {
          id: 'cds.ho_so_truc_tuyen',
          label: 'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến',
          type: 'percent',
          unit: '%',
          required: true,
          // Plain average of the districts, shown as "bình quân": the form has no case counts to weight it.
          aggregate: 'mean',
        },
      ],
    },
    {
      id: 'nhiem-vu',
      title: 'Thực hiện nhiệm vụ được giao',
      indicators: [
        count('nv.duoc_giao', 'Số nhiệm vụ được giao trong kỳ', 'nhiệm vụ', { prefill: 'tasks.assigned', required: false }),
        count('nv.hoan_thanh', 'Số nhiệm vụ đã hoàn thành', 'nhiệm vụ', { prefill: 'tasks.done', required: false }),
      ],
    },
    {
      id: 'thuyet-minh',
      title: 'Phần thuyết minh',
      indicators: [
        { id: 'tm.ket_qua', label: 'Kết quả đạt được', type: 'text', long: true, required: true, minLength: 20 },
        { id: 'tm.ton_tai', label: 'Tồn tại, hạn chế và nguyên nhân', type: 'text', long: true, required: true, minLength: 20 },
        {
          id: 'tm.phuong_huong',
          label: kind === 'half' ? 'Phương hướng, nhiệm vụ 6 tháng cuối năm' : 'Phương hướng, nhiệm vụ năm tới',
          type: 'text',
          long: true,
          required: true,
          minLength: 20,
        },
        { id: 'tm.de_xuat', label: 'Đề xuất, kiến nghị', type: 'text', long: true },
      ],
    },
  ];
}

const sumCheck = (id: string, column: string, indicator: string, what: { vi: string; en: string }): RuleInput => ({
  id,
  kind: 'compare',
  left: indicator,
  op: '==',
  right: { table: 'gn.theo_xa', column },
  message: {
    vi: `${what.vi} ({{left}}) phải bằng tổng cột tương ứng của bảng theo xã ({{right}})`,
    en: `${what.en} ({{left}}) must equal the column total of the per-commune table ({{right}})`,
  },
});

const RULES: RuleInput[] = [
  {
    id: 'gn.ngheo-le-tong',
    kind: 'compare',
    left: 'gn.ho_ngheo',
    op: '<=',
    right: 'gn.tong_so_ho',
    message: {
      vi: 'Số hộ nghèo ({{left}}) không được lớn hơn tổng số hộ ({{right}})',
      en: 'Poor households ({{left}}) cannot exceed total households ({{right}})',
    },
  },
  {
    id: 'gn.ngheo-can-ngheo-le-tong',
    kind: 'compare',
    left: { sum: ['gn.ho_ngheo', 'gn.ho_can_ngheo'] },
    op: '<=',
    right: 'gn.tong_so_ho',
    message: {
      vi: 'Số hộ nghèo cộng số hộ cận nghèo ({{left}}) không được lớn hơn tổng số hộ ({{right}})',
      en: 'Poor plus near-poor households ({{left}}) cannot exceed total households ({{right}})',
    },
  },
  sumCheck('gn.bang-xa-tong-so-ho', 'tong_so_ho', 'gn.tong_so_ho', { vi: 'Tổng số hộ', en: 'Total households' }),
  sumCheck('gn.bang-xa-ho-ngheo', 'ho_ngheo', 'gn.ho_ngheo', { vi: 'Số hộ nghèo', en: 'Poor households' }),
  sumCheck('gn.bang-xa-ho-can-ngheo', 'ho_can_ngheo', 'gn.ho_can_ngheo', { vi: 'Số hộ cận nghèo', en: 'Near-poor households' }),
  {
    id: 'nv.hoan-thanh-le-giao',
    kind: 'compare',
    left: 'nv.hoan_thanh',
    op: '<=',
    right: 'nv.duoc_giao',
    message: {
      vi: 'Số nhiệm vụ đã hoàn thành ({{left}}) không được lớn hơn số nhiệm vụ được giao ({{right}})',
      en: 'Tasks done ({{left}}) cannot exceed tasks assigned ({{right}})',
    },
  },
];

const SIX_MONTH_INPUT: ReportFormInput = {
  formId: 'ldtbxh-6-thang',
  version: 1,
  title: 'Báo cáo kết quả công tác lao động, người có công và xã hội 6 tháng đầu năm',
  periodType: 'half',
  onlyPeriods: [1],
  // Set by the Sở: the province's deadline (no source found for Lạng Sơn; editable per form).
  dueRule: { kind: 'fixedDate', month: 6, day: 15 },
  // NĐ 09/2019 Điều 12 (secondary source): 15/12 of the previous year to 14/6.
  cutoff: ND09_CUTOFF,
  reporters: { group: 'ALL_DISTRICTS' },
  sections: sections('half'),
  rules: RULES,
};

const YEARLY_INPUT: ReportFormInput = {
  formId: 'ldtbxh-nam',
  version: 1,
  title: 'Báo cáo kết quả công tác lao động, người có công và xã hội năm',
  periodType: 'year',
  // Set by the Sở, as above.
  dueRule: { kind: 'fixedDate', month: 12, day: 15 },
  // NĐ 09/2019 Điều 12 (secondary source): 15/12 of the previous year to 14/12.
  cutoff: ND09_CUTOFF,
  reporters: { group: 'ALL_DISTRICTS' },
  sections: sections('year'),
  rules: RULES,
};

export const SIX_MONTH_FORM: ReportForm = ReportFormSchema.parse(SIX_MONTH_INPUT);
export const YEARLY_FORM: ReportForm = ReportFormSchema.parse(YEARLY_INPUT);
export const DEFAULT_FORMS: readonly ReportForm[] = [SIX_MONTH_FORM, YEARLY_FORM];
