import type { Core } from '../../electron/core';
import type { Doc } from '../../electron/domain/document';
import type { DirectiveInput, TaskInput } from '../../electron/contract/tasks';
import { formDocId, reportDocId } from '../../electron/contract/reports';
import { progressId } from '../../electron/core/tasks/ids';
import { seededRng } from '../../electron/core/households';
import { SIX_MONTH_FORM } from '../../electron/domain/reports/defaultForms';
import { ReportFormSchema, type ReportForm } from '../../electron/domain/reports/form';
import type { OrgProfile } from '../../electron/domain/org';

/**
 * A year of the Sở's work beside the households (issue 15): directives with their tasks saved
 * through `directives.save` as the Sở's editor saves them (audit entries included), each unit's
 * progress on its tasks as its monthly updates leave it (the current version, rev = updates),
 * and twelve monthly reports per unit on a monthly form — documents as the units' bundles put
 * them in the Sở's folder (store.putVersions; every record is checked against its kind's schema).
 */

const DIRECTIVE_TITLES = [
  'Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng',
  'Kế hoạch triển khai công tác giảm nghèo bền vững năm 2024',
  'Triển khai rà soát hộ nghèo, hộ cận nghèo năm 2024',
  'Tăng cường công tác chăm lo Tết Nguyên đán Giáp Thìn 2024 cho người có công và đối tượng bảo trợ xã hội',
  'Thực hiện chính sách hỗ trợ nhà ở cho người có công với cách mạng',
  'Đẩy mạnh giải quyết việc làm và đưa người lao động đi làm việc ở nước ngoài theo hợp đồng',
  'Tổ chức các hoạt động Tháng hành động vì trẻ em năm 2024',
  'Chấn chỉnh công tác quản lý đối tượng bảo trợ xã hội hưởng trợ cấp hằng tháng',
  'Triển khai dịch vụ công trực tuyến toàn trình lĩnh vực người có công',
  'Công tác cai nghiện ma túy và quản lý sau cai nghiện trên địa bàn',
];

const TASK_CONTENTS = [
  'Rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo trên địa bàn, báo cáo kết quả về Sở',
  'Tổ chức thăm hỏi, tặng quà gia đình chính sách, người có công với cách mạng',
  'Tổng hợp số lao động được tạo việc làm mới, lao động đi làm việc ở nước ngoài',
  'Kiểm tra việc chi trả trợ cấp xã hội hằng tháng cho đối tượng bảo trợ xã hội',
  'Tuyên truyền chính sách hỗ trợ học nghề cho lao động nông thôn',
  'Báo cáo tình hình trẻ em có hoàn cảnh đặc biệt được hỗ trợ',
  'Lập danh sách hộ người có công còn khó khăn về nhà ở đề nghị hỗ trợ',
  'Hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công',
  'Phối hợp Công an rà soát người nghiện ma túy, người sử dụng trái phép chất ma túy',
  'Đánh giá kết quả thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững',
];

const NARRATIVES = [
  'Đã triển khai đến các thôn, bản; đang tổng hợp số liệu.',
  'Đã hoàn thành rà soát tại 8/12 thôn, dự kiến xong trước ngày 25.',
  'Đã tổ chức hội nghị triển khai, phân công cán bộ phụ trách từng thôn.',
  'Hoàn thành, đã gửi báo cáo bằng văn bản về Sở.',
  'Chưa thực hiện được do thiếu kinh phí, đã báo cáo UBND xin ý kiến.',
];

const SIGNERS = ['Hoàng Văn Lợi', 'Nông Thị Hạnh', 'Lương Văn Bình', 'Triệu Thị Mai'];
const DIRECTIVE_TYPES: DirectiveInput['type'][] = ['thongBaoKetLuan', 'keHoach', 'congVan', 'quyetDinh', 'chiThi'];

const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const r = await core.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** The monthly form the Sở adds beside the default six-month and yearly ones (same indicators). */
export function monthlyForm(reportersGroup: string): ReportForm {
  const { onlyPeriods: _only, cutoff: _cutoff, ...rest } = SIX_MONTH_FORM;
  return ReportFormSchema.parse({
    ...rest,
    formId: 'ldtbxh-thang',
    title: 'Báo cáo kết quả công tác lao động, người có công và xã hội tháng',
    periodType: 'month',
    dueRule: { kind: 'daysAfterPeriodEnd', days: 5 },
    reporters: { group: reportersGroup },
  });
}

/** What a unit enters for the form: counts, money, percentages, yes/no and the narrative. */
function reportValues(form: ReportForm, rng: () => number): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const s of form.sections) {
    for (const ind of s.indicators) {
      const type: string = ind.type;
      if (type === 'integer') values[ind.id] = Math.floor(rng() * 400);
      else if (type === 'money') values[ind.id] = Math.floor(rng() * 2_000) * 1_000_000;
      else if (type === 'percent' || type === 'decimal') values[ind.id] = Math.round(rng() * 1000) / 10;
      else if (type === 'boolean') values[ind.id] = rng() < 0.8;
      else if (type === 'text') values[ind.id] = `${NARRATIVES[Math.floor(rng() * NARRATIVES.length)]} Các chỉ tiêu cơ bản đạt kế hoạch tháng; còn khó khăn ở các thôn vùng cao.`;
    }
  }
  return values;
}

export interface YearCounts {
  directives: number;
  tasks: number;
  progress: number;
  reports: number;
}

/**
 * The year's work at the Sở (`core` is the Sở's, set up): `directives` directives of ten tasks,
 * one in five assigned to every unit (`group`), the rest to one to three units; progress of every
 * assigned unit; twelve monthly reports per unit.
 */
export async function yearOfWork(core: Core, profile: OrgProfile, units: readonly string[], group: string, directives: number, year: number): Promise<YearCounts> {
  const rng = seededRng(year);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const fields = profile.fields.map((f) => f.code);
  const so = profile.units.find((u) => u.type === 'department');
  const tasks: Array<{ id: string; assignees: string[]; month: number; rc: string[] }> = [];
  for (let i = 0; i < directives; i++) {
    const month = 1 + (i % 12);
    const directive: DirectiveInput = {
      type: pick(DIRECTIVE_TYPES),
      number: String(100 + i * 7),
      symbol: `TB-${so?.symbol ?? 'SO'}`,
      date: iso(year, month, 3 + (i % 20)),
      place: 'Lạng Sơn',
      issuingBody: so?.name ?? 'Sở',
      parentBody: 'UBND TỈNH LẠNG SƠN',
      title: `${pick(DIRECTIVE_TITLES)} (${i + 1})`,
      signer: pick(SIGNERS),
      signerTitle: 'Phó Giám đốc',
      recipients: ['Các đơn vị cơ sở', 'Lưu: VT'],
      text: `Thực hiện chỉ đạo của UBND tỉnh, ${so?.shortName ?? 'Sở'} đề nghị các đơn vị triển khai các nội dung sau. ${TASK_CONTENTS.join('. ')}.`,
    };
    const taskInputs: TaskInput[] = Array.from({ length: 10 }, (_v, k) => {
      const all = k % 5 === 0;
      const some = [...new Set(Array.from({ length: 1 + Math.floor(rng() * 3) }, () => pick(units)))];
      return {
        field: pick(fields),
        content: `${pick(TASK_CONTENTS)} (nhiệm vụ ${k + 1})`,
        assignees: all ? [...units] : some,
        assigneeGroups: all ? [group] : [],
        partners: [],
        deadline: k % 4 === 3 ? { kind: 'recurring', every: 'month', day: 25 } : { kind: 'date', date: iso(year, Math.min(12, month + 1 + (k % 3)), 25) },
        requiredContents: k % 2 === 0 ? ['Số hộ đã rà soát', 'Khó khăn, vướng mắc'] : [],
      };
    });
    const saved = await call<{ tasks: Array<{ id: string; assignees: string[] }> }>(core, 'directives.save', { directive, tasks: taskInputs });
    for (const [k, t] of saved.tasks.entries()) tasks.push({ id: t.id, assignees: t.assignees, month, rc: taskInputs[k]?.requiredContents ?? [] });
  }
  await call(core, 'reports.installDefaults', {});
  const form = monthlyForm(group);
  const soCode = so?.code ?? 'SO';
  await core.context.store.write([{ id: formDocId(form.formId, form.version), kind: 'reportForm' as const, owner: soCode, data: form }]);

  // The units' documents, stamped as their own PCs stamped them (after the Sở's, in clock order).
  let clock = 1_735_000_000_000;
  const node = (i: number): string => `u${String(i).padStart(7, '0')}`;
  const nodeOf = new Map(units.map((u, i) => [u, node(i)]));
  const version = (id: string, kind: Doc['kind'], owner: string, rev: number, data: Record<string, unknown>): Doc => ({
    id,
    kind,
    owner,
    rev,
    hlc: `${String(++clock).padStart(15, '0')}-000000-${nodeOf.get(owner) ?? 'u'}`,
    author: nodeOf.get(owner) ?? 'u',
    data,
  });
  const docs: Doc[] = [];
  for (const t of tasks) {
    for (const office of t.assignees) {
      const updates = Math.max(1, 12 - t.month + 1 - Math.floor(rng() * 3));
      const r = rng();
      const status = r < 0.45 ? 'done' : r < 0.85 ? 'inProgress' : r < 0.95 ? 'notStarted' : 'cannotDo';
      docs.push(
        version(progressId(t.id, office), 'progress', office, updates, {
          taskId: t.id,
          office,
          status,
          percent: status === 'done' ? 100 : status === 'inProgress' ? 10 * (1 + Math.floor(rng() * 9)) : null,
          narrative: pick(NARRATIVES),
          reason: status === 'cannotDo' ? 'Thiếu kinh phí thực hiện, đã đề nghị UBND bổ sung.' : '',
          figures: [{ label: 'Số hộ đã rà soát', value: Math.floor(rng() * 900), unit: 'hộ' }],
          requiredContents: Object.fromEntries(t.rc.map((c) => [c, `${c}: ${Math.floor(rng() * 500)}`])),
          attachments: [],
          completedOn: status === 'done' ? iso(year, Math.min(12, t.month + 1), 10 + Math.floor(rng() * 15)) : null,
          reportRef: status === 'done' ? { number: `${Math.floor(rng() * 300)}/BC-UBND`, date: iso(year, Math.min(12, t.month + 1), 28) } : undefined,
          updatedBy: pick(SIGNERS),
          updatedAt: `${iso(year, 12, 1)}T02:00:00.000Z`,
        }),
      );
    }
  }
  const progress = docs.length;
  for (const office of units) {
    for (let m = 1; m <= 12; m++) {
      const period = `${year}-${String(m).padStart(2, '0')}`;
      docs.push(
        version(reportDocId(form.formId, period, office), 'report', office, 1 + Math.floor(rng() * 3), {
          formId: form.formId,
          version: form.version,
          period,
          office,
          values: reportValues(form, rng),
          status: 'complete',
          completedOn: iso(m === 12 ? year + 1 : year, m === 12 ? 1 : m + 1, 4),
          completedAt: `${iso(m === 12 ? year + 1 : year, m === 12 ? 1 : m + 1, 4)}T03:00:00.000Z`,
          updatedBy: pick(SIGNERS),
          updatedAt: `${iso(m === 12 ? year + 1 : year, m === 12 ? 1 : m + 1, 4)}T03:00:00.000Z`,
        }),
      );
    }
  }
  for (const d of docs) if (d.data['reportRef'] === undefined) delete d.data['reportRef'];
  await core.context.store.putVersions(docs);
  return { directives, tasks: tasks.length, progress, reports: docs.length - progress };
}
