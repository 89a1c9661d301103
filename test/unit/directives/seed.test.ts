import { describe, expect, it } from 'vitest';
import { extractNotice, NoticeProposalSchema, type NoticeProposal } from '../../../electron/domain/directives/extract';
import { ALL_DISTRICTS, P, readSeed, SEED_NOTICE_LEVEL } from './helpers';

const seed = readSeed();
const result = extractNotice(seed, P);

const NOTICE = SEED_NOTICE_LEVEL;
type Due = NoticeProposal['tasks'][number]['deadline'];
const date = (d: string): Due => ({ kind: 'date', date: d, text: expect.any(String) as unknown as string });
const ongoing: Due = { kind: 'ongoing', text: expect.any(String) as unknown as string };
const none: Due = { kind: 'none' };

const SEED_TASKS: Array<{
  field: string | null;
  heading: string;
  starts: string;
  assignees: string[];
  groups: string[];
  source: string;
  deadline: Due;
}> = [
  { field: 'GIAM_NGHEO_BTXH', heading: 'Lĩnh vực giảm nghèo, bảo trợ xã hội', starts: 'Đảm bảo có giải pháp', assignees: ALL_DISTRICTS, groups: ['ALL_DISTRICTS'], source: 'task', deadline: date('2022-07-30') },
  { field: 'GIAM_NGHEO_BTXH', heading: 'Lĩnh vực giảm nghèo, bảo trợ xã hội', starts: 'Tập trung điều tra, rà soát hộ nghèo', assignees: NOTICE, groups: ['ALL_DIVISIONS', 'ALL_UNITS', 'ALL_DISTRICTS'], source: 'notice', deadline: none },
  { field: 'GIAM_NGHEO_BTXH', heading: 'Lĩnh vực giảm nghèo, bảo trợ xã hội', starts: 'Tiếp tục thực hiện tốt các chính sách', assignees: NOTICE, groups: ['ALL_DIVISIONS', 'ALL_UNITS', 'ALL_DISTRICTS'], source: 'notice', deadline: ongoing },
  { field: 'GDNN', heading: 'Lĩnh vực giáo dục nghề nghiệp', starts: 'Đẩy mạnh công tác đào tạo nghề', assignees: NOTICE, groups: ['ALL_DIVISIONS', 'ALL_UNITS', 'ALL_DISTRICTS'], source: 'notice', deadline: none },
  { field: 'LAO_DONG_VL_BHXH', heading: 'Lĩnh vực Lao động, Việc làm – Bảo hiểm xã hội', starts: 'Tập trung triển khai công tác đưa người lao động', assignees: ['VANQUAN', 'BINHGIA'], groups: [], source: 'task', deadline: none },
  { field: 'LAO_DONG_VL_BHXH', heading: 'Lĩnh vực Lao động, Việc làm – Bảo hiểm xã hội', starts: 'Triển khai thu thập, lưu trữ', assignees: NOTICE, groups: ['ALL_DIVISIONS', 'ALL_UNITS', 'ALL_DISTRICTS'], source: 'notice', deadline: none },
  { field: 'NGUOI_CO_CONG', heading: 'Lĩnh vực người có công', starts: 'Tiếp tục thực hiện tốt các hoạt động kỷ niệm', assignees: NOTICE, groups: ['ALL_DIVISIONS', 'ALL_UNITS', 'ALL_DISTRICTS'], source: 'notice', deadline: ongoing },
  { field: 'CAI_NGHIEN', heading: 'Công tác cai nghiện', starts: 'Tăng cường công tác cai nghiện', assignees: NOTICE, groups: ['ALL_DIVISIONS', 'ALL_UNITS', 'ALL_DISTRICTS'], source: 'notice', deadline: none },
  { field: null, heading: 'Lĩnh vực Trẻ em, Bình đẳng giới; Thanh tra; Phòng chống tệ nạn xã hội; hành chính tổ chức triển khai theo kế hoạch.', starts: 'Lĩnh vực Trẻ em, Bình đẳng giới', assignees: NOTICE, groups: ['ALL_DIVISIONS', 'ALL_UNITS', 'ALL_DISTRICTS'], source: 'notice', deadline: none },
  { field: 'CHUYEN_DOI_SO', heading: 'Công tác chuyển đổi số', starts: 'Tiếp tục tổ chức thực hiện chuyển đổi số', assignees: NOTICE, groups: ['ALL_DIVISIONS', 'ALL_UNITS', 'ALL_DISTRICTS'], source: 'notice', deadline: ongoing },
];

describe('seed notice: Thông báo kết luận 22/7/2022', () => {
  it('matches the proposal schema', () => {
    expect(() => NoticeProposalSchema.parse(result)).not.toThrow();
  });

  it('reads the directive metadata', () => {
    expect(result.directive).toEqual({
      type: 'Thông báo kết luận',
      number: null,
      symbol: 'TB-SLĐTBXH',
      date: '2022-07-22',
      place: 'Lạng Sơn',
      title:
        'Kết luận tại Hội nghị sơ kết công tác lao động, người có công và xã hội 6 tháng đầu năm 2022, triển khai chương trình mục tiêu Quốc gia giảm nghèo giai đoạn 2021-2025',
      signer: 'Nguyễn Mạnh Cường',
      signerTitle: 'TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG',
      recipients: [
        'Lãnh đạo sở',
        'Phòng LĐTBXH-DT các huyện',
        'Phòng LĐTBXH TP',
        'Các phòng và tương đương thuộc Sở',
        'Trường Cao đẳng nghề LS',
        'Các đơn vị trực thuộc Sở',
        'Lưu: VT, KH-TC.',
      ],
      addressees: [],
      issuingBody: 'Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn',
      parentBody: null,
      issuerUnit: 'SO',
      draftingUnit: 'SO-KHTC',
    });
  });

  it('says what it could not read from the header', () => {
    const codes = result.warnings.filter((w) => w.taskIndex === undefined).map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['numberMissing', 'issuingBodyFromSymbol']));
    expect(codes).not.toContain('dateMissing');
    expect(codes).not.toContain('signerMissing');
  });

  it('finds the ten tasks of part 3 and none from the assessment in parts 1-2', () => {
    expect(result.tasks).toHaveLength(SEED_TASKS.length);
  });

  it.each(SEED_TASKS.map((t, i) => ({ i, ...t })))(
    'task $i: $field, $source assignees, deadline $deadline.kind',
    ({ i, field, heading, starts, assignees, groups, source, deadline }) => {
      const t = result.tasks[i];
      expect(t).toBeDefined();
      expect(t?.field).toBe(field);
      expect(t?.fieldHeading).toBe(heading);
      expect(t?.content.startsWith(starts)).toBe(true);
      expect(t?.assignees).toEqual(assignees);
      expect(t?.assigneeGroups).toEqual(groups);
      expect(t?.assigneeSource).toBe(source);
      expect(t?.deadline).toEqual(deadline);
    },
  );

  it('the poverty plan task carries the five required contents and its deadline wording', () => {
    const t = result.tasks[0];
    expect(t?.requiredContents).toEqual([
      'Mục tiêu',
      'đối tượng dự án',
      'nội dung hỗ trợ',
      'thời gian thực hiện',
      'cơ quan chủ trì',
    ]);
    expect(t?.deadline).toEqual({ kind: 'date', date: '2022-07-30', text: 'Thời gian 30/7/2022 thực hiện xong' });
    expect(result.tasks.slice(1).every((x) => x.requiredContents.length === 0)).toBe(true);
  });

  it('labour export goes to Văn Quan and Bình Gia only, and says how "Các huyện" was read', () => {
    const w = result.warnings.filter((x) => x.taskIndex === 4).map((x) => x.code);
    expect(w).toContain('groupMentionNarrowed');
    expect(w).not.toContain('assigneeCountMismatch');
  });

  it('flags every task whose offices came from the general request', () => {
    const flagged = result.warnings.filter((w) => w.code === 'assigneesFromNotice').map((w) => w.taskIndex);
    expect(flagged).toEqual([1, 2, 3, 5, 6, 7, 8, 9]);
  });

  it('offers the four fields of the mixed line instead of picking one', () => {
    expect(result.tasks[8]?.fieldCandidates).toEqual(['TRE_EM_BDG', 'THANH_TRA', 'PCTNXH', 'HANH_CHINH']);
    expect(result.warnings.some((w) => w.code === 'fieldAmbiguous' && w.taskIndex === 8)).toBe(true);
  });

  it('"phối hợp UBND các huyện" makes the districts partners, not the doers', () => {
    const t = result.tasks[6];
    expect(t?.assigneeSource).toBe('notice');
  });

  it('every warning carries an i18n key and, for tasks, the task number', () => {
    for (const w of result.warnings) {
      expect(w.messageKey).toBe(`directives:extract.warnings.${w.code}`);
      if (w.taskIndex !== undefined) expect(w.params.task).toBe(w.taskIndex + 1);
    }
  });
});

describe('seed notice pasted in other shapes gives the same proposal', () => {
  const plain = seed
    .split('\n')
    .map((l) => l.replace(/^#+\s*/, '').replace(/\*+/g, '').trimEnd())
    .join('\n');
  const word = plain
    .split('\n')
    .map((l) => l.replace(/^- /, '•\t').replace(/^\+ /, 'o\t'))
    .join('\n');
  const variants: Array<[string, string]> = [
    ['plain text without Markdown', plain],
    ['Word bullets (• and o) and CRLF', word.replace(/\n/g, '\r\n')],
    ['decomposed Unicode (NFD)', seed.normalize('NFD')],
    ['no blank lines', plain.replace(/\n\s*\n/g, '\n')],
  ];
  it.each(variants)('%s', (_name, text) => {
    const other = extractNotice(text, P);
    expect(other.directive).toEqual(result.directive);
    expect(other.tasks).toEqual(result.tasks);
  });
});
