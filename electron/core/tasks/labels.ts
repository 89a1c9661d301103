import { translator } from '../../domain/translate';
import { say } from '../../domain/i18n/keys';
import { vnDay } from '../../domain/calendar';
import { nextDueDate } from '../../domain/directives/recurrence';
import type { Deadline, Directive, ProgressStatus, DueStateName } from '../../contract/tasks';

/**
 * Vietnamese labels for exported files (Excel for the province is always in Vietnamese,
 * whatever the UI language; the UI itself translates through i18next).
 */
const vi = translator('vi');

/** In a file's "Văn bản" column "khac" reads "Văn bản số …", not the UI's "Khác". */
const TYPES: Record<Directive['type'], string> = {
  thongBaoKetLuan: 'Thông báo kết luận',
  keHoach: 'Kế hoạch',
  congVan: 'Công văn',
  quyetDinh: 'Quyết định',
  thongBao: 'Thông báo',
  chiThi: 'Chỉ thị',
  khac: 'Văn bản',
};

export const statusText = (s: ProgressStatus): string => say(vi, `tasks:status.${s}`);
export const directiveTypeText = (t: Directive['type']): string => TYPES[t];

export function dateVi(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function directiveLabel(d: Pick<Directive, 'type' | 'number' | 'symbol' | 'date' | 'title'>): string {
  const no = d.number || d.symbol ? `số ${d.number ?? ''}${d.symbol ? `/${d.symbol}` : ''}` : '';
  return [directiveTypeText(d.type), no, d.date ? `ngày ${dateVi(d.date)}` : ''].filter(Boolean).join(' ');
}

export function deadlineText(d: Deadline): string {
  if (d.kind === 'date') return dateVi(d.date);
  if (d.kind === 'ongoing') return say(vi, 'tasks:deadline.ongoing');
  if (d.kind === 'recurring') {
    return vi('tasks:deadline.nextDue', { every: say(vi, `tasks:deadline.every.${d.every}`), date: dateVi(nextDueDate(d, vnDay(new Date()))) });
  }
  return say(vi, 'tasks:deadline.none');
}

export function dueText(due: { state: DueStateName; days: number }): string {
  if (due.state === 'overdue') return `quá hạn ${due.days} ngày`;
  if (due.state === 'doneLate') return `chậm ${due.days} ngày`;
  return '';
}
