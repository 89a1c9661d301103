import { describe, expect, it } from 'vitest';
import {
  extractNotice,
  NoticeProposalSchema,
  type DirectiveProposal,
  type NoticeProposal,
} from '../../../electron/domain/directives/extract';
import { ALL_DISTRICTS, P, readFixture } from './helpers';

type Due = NoticeProposal['tasks'][number]['deadline'];
const on = (date: string, text: string): Due => ({ kind: 'date', date, text });
const ongoing = (text: string): Due => ({ kind: 'ongoing', text });
const none: Due = { kind: 'none' };

interface ExpectedTask {
  field: string | null;
  candidates?: string[];
  assignees: string[];
  source: 'task' | 'heading' | 'notice' | 'none';
  deadline: Due;
  partners?: string[];
  required?: string[];
  starts: string;
}

interface Case {
  file: string;
  directive: Partial<DirectiveProposal>;
  tasks: ExpectedTask[];
  /** Warnings (code@taskIndex) that must be present. */
  warns: string[];
}

const THREE = ['TRANGDINH', 'BINHGIA', 'DINHLAP'];

const CASES: Case[] = [
  {
    file: 'ke-hoach-dao-tao-nghe-2022-08-01.txt',
    directive: {
      type: 'Kế hoạch',
      number: '135',
      symbol: 'KH-SLĐTBXH',
      date: '2022-08-01',
      place: 'Lạng Sơn',
      title: 'Tổ chức đào tạo nghề trình độ sơ cấp và đào tạo dưới 3 tháng cho lao động nông thôn năm 2022',
      issuingBody: 'Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn',
      parentBody: 'UBND TỈNH LẠNG SƠN',
      issuerUnit: 'SO',
      draftingUnit: 'SO-LDVL',
      signer: 'Hoàng Văn Thắng',
      signerTitle: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC',
      recipients: ['UBND tỉnh (b/c)', 'Lãnh đạo Sở', 'Như mục III', 'Lưu: VT, LĐVL.'],
      addressees: [],
    },
    tasks: [
      { field: null, candidates: ['GDNN', 'LAO_DONG_VL_BHXH'], assignees: ['SO-LDVL'], source: 'heading', deadline: on('2022-08-14', 'trước ngày 15/8/2022'), starts: 'Chủ trì hướng dẫn' },
      { field: 'GDNN', assignees: ['SO-LDVL'], source: 'heading', deadline: on('2022-12-31', 'trong quý IV/2022'), starts: 'Kiểm tra, giám sát' },
      { field: null, candidates: ['GDNN', 'LAO_DONG_VL_BHXH'], assignees: ['CDN'], source: 'heading', deadline: on('2022-08-20', 'chậm nhất ngày 20/8/2022'), starts: 'Xây dựng chương trình' },
      { field: 'GDNN', assignees: ['CDN'], source: 'heading', deadline: on('2022-09-30', 'trong tháng 9/2022'), starts: 'Tổ chức khai giảng' },
      { field: 'GDNN', assignees: ['SO-KHTC'], source: 'heading', deadline: on('2022-08-30', 'hoàn thành trước 31/8/2022'), starts: 'Thẩm định dự toán' },
      { field: null, candidates: ['GDNN', 'LAO_DONG_VL_BHXH'], assignees: ALL_DISTRICTS, source: 'heading', deadline: on('2022-08-14', 'trước ngày 15/8/2022'), partners: ['CDN'], starts: 'Phối hợp với Trường' },
      { field: 'GDNN', assignees: ['TRANGDINH', 'DINHLAP'], source: 'task', deadline: on('2022-11-30', 'đến ngày 30/11/2022'), starts: 'Đối với 02 huyện Đình Lập và Tràng Định' },
      { field: 'GDNN', assignees: ALL_DISTRICTS, source: 'heading', deadline: ongoing('định kỳ'), starts: 'Báo cáo kết quả đào tạo nghề' },
    ],
    warns: ['fieldAmbiguous@0', 'fieldFromContent@1'],
  },
  {
    file: 'cong-van-ra-soat-ho-ngheo-2022-09-12.txt',
    directive: {
      type: 'Công văn',
      number: '1845',
      symbol: 'SLĐTBXH-BTXH',
      date: '2022-09-12',
      place: 'Lạng Sơn',
      title: 'đôn đốc tiến độ rà soát hộ nghèo, hộ cận nghèo năm 2022 theo chuẩn nghèo đa chiều',
      issuingBody: 'Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn',
      parentBody: 'UBND TỈNH LẠNG SƠN',
      issuerUnit: 'SO',
      draftingUnit: 'SO-BTXH',
      signer: 'Lương Thị Hạnh',
      signerTitle: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC',
      recipients: ['Như trên', 'Giám đốc Sở (b/c)', 'Phòng BTXH-GN', 'Lưu: VT, BTXH.'],
      addressees: [
        'UBND các huyện: Tràng Định, Bình Gia, Đình Lập',
        'Phòng Lao động, Thương binh, Xã hội - Dân tộc các huyện: Tràng Định, Bình Gia, Đình Lập',
      ],
    },
    tasks: [
      { field: 'GIAM_NGHEO_BTXH', assignees: THREE, source: 'notice', deadline: on('2022-12-31', 'trong quý IV/2022'), starts: 'Tham mưu UBND huyện' },
      {
        field: 'GIAM_NGHEO_BTXH',
        assignees: THREE,
        source: 'notice',
        deadline: on('2022-12-14', 'trước ngày 15 tháng 12 năm 2022'),
        required: ['số hộ nghèo', 'số hộ cận nghèo', 'số hộ thoát nghèo', 'số hộ có mức sống trung bình'],
        starts: 'Tổng hợp kết quả rà soát',
      },
      { field: 'GIAM_NGHEO_BTXH', assignees: THREE, source: 'notice', deadline: ongoing('Thường xuyên'), starts: 'Thường xuyên cập nhật' },
      { field: 'GIAM_NGHEO_BTXH', assignees: ['BINHGIA'], source: 'task', deadline: on('2022-10-31', 'chậm nhất ngày 31/10/2022'), starts: 'Riêng huyện Bình Gia' },
      { field: 'GIAM_NGHEO_BTXH', assignees: ['SO-BTXH'], source: 'task', deadline: none, starts: 'Phòng Bảo trợ xã hội - Giảm nghèo thuộc Sở' },
    ],
    warns: ['fieldFromDraftingUnit@0', 'assigneesFromNotice@0', 'assigneesFromNotice@2'],
  },
  {
    file: 'thong-bao-ket-luan-giao-ban-2022-09-05.txt',
    directive: {
      type: 'Thông báo kết luận',
      number: '98',
      symbol: 'TB-SLĐTBXH',
      date: '2022-09-05',
      place: 'Lạng Sơn',
      title: 'Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 8 năm 2022',
      issuingBody: 'Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn',
      parentBody: 'UBND TỈNH LẠNG SƠN',
      issuerUnit: 'SO',
      draftingUnit: null,
      signer: 'Hoàng Thị Mai',
      signerTitle: 'TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG',
      recipients: ['Giám đốc, các PGĐ Sở', 'Các phòng chuyên môn, đơn vị trực thuộc Sở', 'Trường Cao đẳng nghề Lạng Sơn', 'Lưu: VT.'],
    },
    tasks: [
      { field: null, assignees: ['CDN'], source: 'heading', deadline: on('2022-09-29', 'trước ngày 30/9/2022'), starts: 'Hoàn thành công tác tuyển sinh' },
      { field: 'LAO_DONG_VL_BHXH', assignees: ['CDN'], source: 'heading', deadline: on('2022-09-24', 'thời gian tổ chức dự kiến ngày 24/9/2022'), partners: ['TTDVVL'], starts: 'Phối hợp với Trung tâm' },
      { field: 'LAO_DONG_VL_BHXH', assignees: ['TTDVVL'], source: 'heading', deadline: ongoing('định kỳ'), starts: 'Tổ chức các phiên giao dịch' },
      { field: 'LAO_DONG_VL_BHXH', assignees: ['TTDVVL'], source: 'heading', deadline: on('2022-09-30', 'hoàn thành trong tháng 9/2022'), starts: 'Tham mưu cho Sở' },
      { field: 'NGUOI_CO_CONG', assignees: ['SO-VP'], source: 'task', deadline: on('2022-09-19', 'trước ngày 20/9/2022'), starts: 'Văn phòng Sở: hoàn thiện' },
      { field: 'NGUOI_CO_CONG', assignees: ['SO-NCC'], source: 'task', deadline: on('2022-09-30', 'trong quý III/2022'), starts: 'Phòng Người có công' },
      { field: null, assignees: ['SO-KHTC'], source: 'task', deadline: on('2022-09-14', 'trước ngày 15/9/2022'), starts: 'Phòng Kế hoạch - Tài chính chủ trì' },
    ],
    warns: ['fieldMissing@0', 'deadlineTentative@1', 'fieldFromContent@4'],
  },
];

describe.each(CASES)('fixture $file', ({ file, directive, tasks, warns }) => {
  const result = extractNotice(readFixture(file), P);

  it('matches the proposal schema', () => {
    expect(() => NoticeProposalSchema.parse(result)).not.toThrow();
  });

  it('reads the directive metadata', () => {
    expect(result.directive).toMatchObject(directive);
  });

  it(`finds ${tasks.length} tasks`, () => {
    expect(result.tasks.map((t) => t.content.slice(0, 40))).toHaveLength(tasks.length);
  });

  it.each(tasks.map((t, i) => ({ i, ...t })))(
    'task $i: $field, $assignees, $deadline.kind',
    ({ i, field, candidates, assignees, source, deadline, partners, required, starts }) => {
      const t = result.tasks[i];
      expect(t?.content.startsWith(starts)).toBe(true);
      expect(t?.field).toBe(field);
      if (candidates) expect(t?.fieldCandidates).toEqual(candidates);
      expect(t?.assignees).toEqual(assignees);
      expect(t?.assigneeSource).toBe(source);
      expect(t?.deadline).toEqual(deadline);
      expect(t?.partners).toEqual(partners ?? []);
      expect(t?.requiredContents).toEqual(required ?? []);
    },
  );

  it('warns where it decided by rule or could not decide', () => {
    const got = result.warnings.map((w) => `${w.code}@${w.taskIndex ?? '-'}`);
    expect(got).toEqual(expect.arrayContaining(warns));
    // Every task without a field says so.
    result.tasks.forEach((t, i) => {
      if (t.field === null) expect(got.some((g) => g === `fieldAmbiguous@${i}` || g === `fieldMissing@${i}`)).toBe(true);
    });
  });
});
