import { describe, expect, it } from 'vitest';
import { extractNotice, NoticeProposalSchema } from '../../../electron/domain/directives/extract';
import { parseOutline, type OutlineNode } from '../../../electron/domain/directives/extract/structure';
import { normalizeNotice } from '../../../electron/domain/directives/extract/normalize';
import { P } from './helpers';

/** The outline as "kind:text" with children indented, for readable expectations. */
function show(nodes: OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.kind}:${n.text.slice(0, 24)}`, ...show(n.children, depth + 1)]);
}

describe('parseOutline', () => {
  it('nests marker styles in order of appearance and closes back to a style seen before', () => {
    const lines = ['Yêu cầu thực hiện các nhiệm vụ sau:', 'I. NHIỆM VỤ', '1. Trường CĐN', 'a) Tuyển sinh', '- Mở lớp', '+ Lớp A', 'b) Khai giảng', '2. Trung tâm', 'II. TỔ CHỨC'];
    expect(show(parseOutline(lines))).toEqual([
      'para:Yêu cầu thực hiện các nh',
      '  roman:NHIỆM VỤ',
      '    num:Trường CĐN',
      '      alpha:Tuyển sinh',
      '        dash:Mở lớp',
      '          plus:Lớp A',
      '      alpha:Khai giảng',
      '    num:Trung tâm',
      '  roman:TỔ CHỨC',
    ]);
  });

  it('joins wrapped and page-broken lines, keeps a paragraph under a short heading, ends lists at the closing', () => {
    const lines = ['1. Mục đích', 'Nâng cao chất lượng đào tạo', 'nghề.', '- Việc một.', 'Trên đây là kế hoạch./.'];
    expect(show(parseOutline(lines))).toEqual([
      'num:Mục đích',
      '  para:Nâng cao chất lượng đào ',
      '  dash:Việc một.',
      'para:Trên đây là kế hoạch./.',
    ]);
  });

  it('reads Word markers: tabs, •, o, 1.1.', () => {
    const lines = normalizeNotice('Giao nhiệm vụ như sau:\n1.\tPhòng A\n1.1. Việc\n•\tÝ một\no\tChi tiết');
    expect(show(parseOutline(lines))).toEqual([
      'para:Giao nhiệm vụ như sau:',
      '  num:Phòng A',
      '    numNested:Việc',
      '      bullet:Ý một',
      '        circle:Chi tiết',
    ]);
  });
});

describe('tasks from a Word-style notice', () => {
  const text = [
    'UBND TỈNH LẠNG SƠN',
    'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
    'Số: 210/TB-SLĐTBXH\tLạng Sơn, ngày 10 tháng 10 năm 2022',
    'THÔNG BÁO',
    'Kết luận của Phó Giám đốc Sở tại buổi làm việc với huyện Bắc Sơn',
    'Ngày 07/10/2022, đồng chí Phó Giám đốc Sở làm việc với UBND huyện Bắc Sơn. Đồng chí kết luận như sau:',
    '1. Kết quả',
    'Huyện đã hoàn thành 9/10 chỉ tiêu.',
    '2. Nhiệm vụ thời gian tới',
    'a) Lĩnh vực giảm nghèo (hoàn thành trong quý IV/2022)',
    '- Rà soát hộ nghèo tại 5 xã.',
    '- Báo cáo kết quả, gồm các nội dung sau:',
    '+ Số hộ nghèo;',
    '+ Số hộ cận nghèo;',
    '+ Nguyên nhân tái nghèo.',
    'b) Lĩnh vực người có công:',
    'c) Phòng LĐTBXH huyện Bắc Sơn phối hợp với Trung tâm Dịch vụ việc làm mở 02 phiên giao dịch việc làm trước ngày 15/11/2022, hoàn thành báo cáo trong tháng 12/2022.',
    'Văn phòng Sở thông báo để các đơn vị biết, thực hiện./.',
    'Nơi nhận:',
    '- UBND huyện Bắc Sơn;',
    '- Lưu: VT.',
    'TL. GIÁM ĐỐC',
    'CHÁNH VĂN PHÒNG',
    'Nguyễn Mạnh Cường',
  ].join('\n');
  const r = extractNotice(text, P);
  const at = (i: number) => r.tasks[i];
  const warned = (code: string, i: number): boolean => r.warnings.some((w) => w.code === code && w.taskIndex === i);

  it('matches the schema and skips the assessment', () => {
    expect(() => NoticeProposalSchema.parse(r)).not.toThrow();
    expect(r.tasks.map((t) => t.content.slice(0, 20))).toEqual([
      'Rà soát hộ nghèo tại',
      'Báo cáo kết quả, gồm',
      'Phòng LĐTBXH huyện B',
    ]);
  });

  it('a heading deadline applies to its items, said in a warning', () => {
    expect(at(0)?.deadline).toMatchObject({ kind: 'date', date: '2022-12-31' });
    expect(warned('deadlineFromHeading', 0)).toBe(true);
    expect(at(0)?.field).toBe('GIAM_NGHEO_BTXH');
  });

  it('short sub-bullets become the required contents of their item', () => {
    expect(at(1)?.requiredContents).toEqual(['Số hộ nghèo', 'Số hộ cận nghèo', 'Nguyên nhân tái nghèo']);
  });

  it('a heading with nothing under it is reported, not made a task', () => {
    expect(r.warnings.some((w) => w.code === 'headingWithoutTasks' && w.params.text === 'Lĩnh vực người có công:')).toBe(true);
  });

  it('two deadlines in one item: none chosen, both offered', () => {
    expect(at(2)?.deadline).toEqual({ kind: 'none' });
    expect(warned('deadlineAmbiguous', 2)).toBe(true);
    expect(at(2)?.assignees).toEqual(['BACSON']);
    expect(at(2)?.partners).toEqual(['TTDVVL']);
  });

  it('no offices and no general request: empty with a warning', () => {
    expect(at(0)?.assignees).toEqual([]);
    expect(warned('assigneesMissing', 0)).toBe(true);
  });
});

describe('never throws, always a valid proposal', () => {
  it.each([
    ['empty', ''],
    ['blank lines', '\n\n\t\n'],
    ['markers only', '::::\n- \n+\n1.\n./.\nNơi nhận:'],
    ['one long line', 'đề nghị '.repeat(2000)],
    ['binary-ish', '\u0000\u0001\uffff\ud800 Số: /'],
  ])('%s', (_name, text) => {
    const r = extractNotice(text, P);
    expect(() => NoticeProposalSchema.parse(r)).not.toThrow();
  });
});

describe('fields the Sở added', () => {
  it('are matched like profile fields; profile aliases are kept', () => {
    const text = 'Yêu cầu các phòng chuyên môn thực hiện các nhiệm vụ sau:\n- Lĩnh vực an toàn vệ sinh lao động: Tổ chức Tháng hành động.\n- Lĩnh vực giảm nghèo: Rà soát hộ nghèo.';
    const r = extractNotice(text, P, {
      fields: [
        { code: 'GIAM_NGHEO_BTXH', name: 'Giảm nghèo, bảo trợ xã hội' },
        { code: 'f-atvsld', name: 'An toàn vệ sinh lao động' },
      ],
    });
    expect(r.tasks.map((t) => t.field)).toEqual(['f-atvsld', 'GIAM_NGHEO_BTXH']);
  });
});

describe('dated duties and deadline words (issue 11 corpus misses)', () => {
  it('cuts one sentence holding two report duties with different deadlines into two tasks', async () => {
    const { splitDatedDuties } = await import('../../../electron/domain/directives/extract/requests');
    expect(
      splitDatedDuties('Đồng thời báo cáo nhanh tình hình hỗ trợ Tết trước ngày 20/01/2025 và báo cáo kết quả thực hiện cả đợt trước ngày 10/3/2025 về Sở.'),
    ).toEqual(['Đồng thời báo cáo nhanh tình hình hỗ trợ Tết trước ngày 20/01/2025', 'báo cáo kết quả thực hiện cả đợt trước ngày 10/3/2025 về Sở.']);
    // Same date twice, or one date: one task.
    expect(splitDatedDuties('Gửi báo cáo trước ngày 20/01/2025 và gửi bản mềm trước ngày 20/01/2025.')).toHaveLength(1);
  });

  it('reads "chậm nhất là ngày …" as a deadline, not as a definition', async () => {
    const { isRequest } = await import('../../../electron/domain/directives/extract/requests');
    expect(isRequest('Đồng thời, gửi báo cáo chậm nhất là ngày 15 tháng 01 năm sau về Sở.')).toBe(true);
    expect(isRequest('Hộ nghèo là hộ có thu nhập bình quân đầu người dưới chuẩn nghèo.')).toBe(false);
    expect(isRequest('Sở Lao động - Thương binh và Xã hội hướng dẫn một số nội dung cụ thể như sau:')).toBe(false);
  });
});

describe('requests the corpus missed (issue 11 leftovers)', () => {
  it('a lead-in naming duties ("trách nhiệm … như sau:") makes each item a task', () => {
    const text = [
      'Theo quy định tại Nghị định 39/2016/NĐ-CP thì trách nhiệm báo cáo của Phòng Lao động - Thương binh và Xã hội huyện Văn Quan như sau:',
      '- Báo cáo nhanh các vụ tai nạn lao động chết người về Sở Lao động - Thương binh và Xã hội;',
      '- Tổng hợp tình hình tai nạn lao động trên địa bàn huyện trong 6 tháng đầu năm và cả năm.',
    ].join('\n');
    const r = extractNotice(text, P);
    expect(r.tasks.map((t) => t.content)).toEqual([
      'Báo cáo nhanh các vụ tai nạn lao động chết người về Sở Lao động - Thương binh và Xã hội;',
      'Tổng hợp tình hình tai nạn lao động trên địa bàn huyện trong 6 tháng đầu năm và cả năm.',
    ]);
  });

  it('a purpose clause opening the sentence with a capital ("Để bảo đảm …; … đề nghị …") does not hide the request', () => {
    const text = 'Để bảo đảm cung cấp thông tin kịp thời, chính xác cho hoạt động chỉ đạo, điều hành của UBND tỉnh; Giám đốc Sở Lao động - Thương binh và Xã hội đề nghị Trưởng các phòng, đơn vị trực thuộc Sở nghiên cứu các quy định về chế độ báo cáo định kỳ.';
    const r = extractNotice(text, P);
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0]?.content).toMatch(/^Giám đốc Sở .* đề nghị Trưởng các phòng/);
    expect(r.tasks[0]?.deadline).toEqual({ kind: 'none' });
  });
});
