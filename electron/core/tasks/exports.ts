import type { CoreContext } from '../runtime/context';
import type { FileOut, ProgressReportData, TaskRow, Directive } from '../../contract/tasks';
import { AppError } from '../../domain/errors';
import { parentBodyOf } from '../../domain/org';
import { vnDay } from '../../domain/calendar';
import { stripMarks } from '../../domain/text';
import { addToCounts, emptyCounts } from './assignment';
import { buildWorkbook, isoToExcelDate, type CellValue } from '../files/xlsx';
import { dashboard, directivesById, listRows } from './views';
import { progressId } from './ids';
import { asProgress } from './views';
import { directiveLabel, deadlineText, statusText, dueText } from './labels';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function asciiName(s: string): string {
  return stripMarks(s).replace(/[^A-Za-z0-9_-]+/g, '_');
}

/** Tasks × offices, one row per task, one column per office, as the Sở forwards it. */
export async function matrixXlsx(ctx: CoreContext, directiveId: string | undefined): Promise<FileOut> {
  const d = dashboard(ctx, directiveId);
  const headers = ['STT', 'Văn bản', 'Lĩnh vực', 'Nội dung nhiệm vụ', 'Thời hạn', ...d.offices.map((o) => o.name)];
  const rows: CellValue[][] = d.rows.map((r, i) => [
    i + 1,
    directiveLabel(r.directive),
    r.fieldName,
    r.task.content,
    r.task.deadline.kind === 'date' ? isoToExcelDate(r.task.deadline.date) : deadlineText(r.task.deadline),
    ...d.offices.map((o) => {
      const a = r.assignments.find((x) => x.office === o.code);
      return a ? `${statusText(a.status)}${a.due.state === 'overdue' || a.due.state === 'doneLate' ? ` (${dueText(a.due)})` : ''}` : '';
    }),
  ]);
  const t = d.total;
  const summary: CellValue[][] = [
    ['Được giao', t.assigned],
    ['Đến hạn', t.due],
    ['Hoàn thành đúng hạn', t.doneOnTime],
    ['Hoàn thành quá hạn', t.doneLate],
    ['Đang thực hiện (trong hạn)', t.inProgress],
    ['Quá hạn chưa hoàn thành', t.overdue],
    ['Chưa thực hiện', t.notStarted],
    ['Không thể thực hiện', t.cannotDo],
  ];
  const buffer = await buildWorkbook([
    { name: 'Theo dõi nhiệm vụ', title: 'BẢNG THEO DÕI THỰC HIỆN NHIỆM VỤ', headers, rows, dateColumns: [5], widths: [6, 28, 22, 60, 14, ...d.offices.map(() => 18)] },
    { name: 'Tổng hợp', headers: ['Chỉ tiêu', 'Số lượng'], rows: summary, widths: [32, 12] },
  ]);
  return { fileName: `theo-doi-nhiem-vu_${vnDay(ctx.now())}.xlsx`, mime: XLSX_MIME, base64: buffer.toString('base64'), personalData: false };
}

function officeOf(ctx: CoreContext, office: string | undefined): string {
  const s = ctx.session();
  const code = s.role === 'office' ? s.office.code : office;
  if (!code || !ctx.unit(code)) throw new AppError('UNKNOWN_OFFICE', 'tasks:errors.UNKNOWN_OFFICE', { code: code ?? '', task: 0 });
  return code;
}

/** One office's task list with its own progress. */
export async function officeTasksXlsx(ctx: CoreContext, office: string | undefined): Promise<FileOut> {
  const code = officeOf(ctx, office);
  const rows = listRows(ctx, { office: code });
  const headers = ['STT', 'Văn bản', 'Ngày văn bản', 'Lĩnh vực', 'Nội dung nhiệm vụ', 'Thời hạn', 'Trạng thái', 'Tiến độ (%)', 'Ngày hoàn thành', 'Kết quả thực hiện'];
  const out: CellValue[][] = rows.map((r, i) => {
    const p = ctx.store.getAs('progress', progressId(r.task.id, code));
    const progress = p ? asProgress(p) : null;
    const a = r.assignments[0];
    return [
      i + 1,
      directiveLabel(r.directive),
      isoToExcelDate(r.directive.date),
      r.fieldName,
      r.task.content,
      r.task.deadline.kind === 'date' ? isoToExcelDate(r.task.deadline.date) : deadlineText(r.task.deadline),
      a ? statusText(a.status) : '',
      a?.percent ?? null,
      isoToExcelDate(progress?.completedOn ?? null),
      progress?.narrative ?? '',
    ];
  });
  const unit = ctx.unit(code);
  const buffer = await buildWorkbook([
    { name: 'Nhiệm vụ', title: `DANH SÁCH NHIỆM VỤ — ${(unit?.name ?? code).toUpperCase()}`, headers, rows: out, dateColumns: [3, 6, 9], widths: [6, 28, 12, 22, 60, 14, 18, 10, 14, 60] },
  ]);
  return { fileName: `nhiem-vu_${asciiName(code)}_${vnDay(ctx.now())}.xlsx`, mime: XLSX_MIME, base64: buffer.toString('base64'), personalData: false };
}

/** Data for the printable BÁO CÁO (Nghị định 30/2020 layout is drawn by the renderer). */
export function progressReport(ctx: CoreContext, office: string | undefined, directiveId: string | undefined): ProgressReportData {
  const code = officeOf(ctx, office);
  const unit = ctx.unit(code);
  if (!unit) throw new AppError('UNKNOWN_OFFICE', 'tasks:errors.UNKNOWN_OFFICE', { code, task: 0 });
  const profile = ctx.profile();
  const rows: TaskRow[] = listRows(ctx, { office: code, ...(directiveId ? { directiveId } : {}) });
  const directives = directivesById(ctx);
  const counts = emptyCounts();
  const today = vnDay(ctx.now());
  const reportRows = rows.map((r) => {
    const a = r.assignments.find((x) => x.office === code);
    if (a) addToCounts(counts, a, r.task.deadline, today);
    const p = ctx.store.getAs('progress', progressId(r.task.id, code));
    const d = directives.get(r.task.directiveId) as Directive;
    return {
      task: r.task,
      directive: { type: d.type, number: d.number, symbol: d.symbol, date: d.date, title: d.title },
      fieldName: r.fieldName,
      progress: p ? asProgress(p) : null,
      review: a?.review ?? null,
      due: a?.due ?? { state: 'none' as const, days: 0 },
    };
  });
  const parentBody = parentBodyOf(profile, unit);
  return {
    office: { code, name: unit.name, parentBody, symbol: unit.symbol, place: unit.place ?? profile.province },
    parentBody,
    date: today,
    rows: reportRows,
    counts,
    // The head who signs is not in the organisation profile: the name is written by hand under
    // the signature (never the Sở's name, which is what this used to print for the Sở).
    signerName: '',
  };
}
