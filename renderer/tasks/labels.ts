import type { TFunction } from 'i18next';
import { formatNumber } from '../../electron/domain/numbers';
import { numberLanguage } from '../i18n/format';
import type {
  Deadline,
  Directive,
  DirectiveType,
  DueStateName,
  ProgressStatus,
  ReviewOutcome,
} from '../../electron/contract/tasks';
import { say } from '../../electron/domain/i18n/keys';
import { formatDate } from '../i18n/format';
import { vnDay } from '../../electron/domain/calendar';
import { nextDueDate } from '../../electron/domain/directives/recurrence';

/**
 * Words shared by the task screens. Keys are full ("tasks:...") so this file works whatever
 * namespace its caller uses; `say` makes the type checker check keys built from a union.
 */

export function directiveTypeLabel(t: TFunction, type: DirectiveType): string {
  return say(t, `tasks:types.${type}`);
}

export function statusLabel(t: TFunction, status: ProgressStatus): string {
  return say(t, `tasks:status.${status}`);
}

export function reviewLabel(t: TFunction, outcome: ReviewOutcome): string {
  return say(t, `tasks:review.${outcome}`);
}

/** "125/TB-SLĐTBXH", "/TB-SLĐTBXH" while the number is not given yet, or "". */
export function numberSymbol(d: Pick<Directive, 'number' | 'symbol'>): string {
  if (!d.number && !d.symbol) return '';
  return `${d.number}${d.symbol ? `/${d.symbol}` : ''}`;
}

/** "Thông báo kết luận số 125/TB-SLĐTBXH ngày 22/07/2022". */
export function directiveRef(t: TFunction, d: Pick<Directive, 'type' | 'number' | 'symbol' | 'date'>): string {
  const no = numberSymbol(d);
  return [
    directiveTypeLabel(t, d.type),
    no ? t('tasks:directive.numberShort', { no }) : '',
    d.date ? t('tasks:directive.dateShort', { date: formatDate(d.date) }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function deadlineLabel(t: TFunction, d: Deadline): string {
  if (d.kind === 'date') return formatDate(d.date);
  if (d.kind === 'ongoing') return t('tasks:deadline.ongoing');
  if (d.kind === 'recurring') {
    return t('tasks:deadline.nextDue', { every: t(`tasks:deadline.every.${d.every}`), date: formatDate(nextDueDate(d, vnDay(new Date()))) });
  }
  return t('tasks:deadline.none');
}

/** Plain countdown: "còn 3 ngày", "quá hạn 5 ngày", "hôm nay đến hạn", "thường xuyên". */
export function countdownText(t: TFunction, due: { state: DueStateName; days: number }): string {
  switch (due.state) {
    case 'upcoming':
    case 'dueSoon':
      return t('directives:due.remaining', { count: due.days });
    case 'dueToday':
      return t('directives:due.dueToday');
    case 'overdue':
      return t('directives:due.overdue', { count: due.days });
    case 'ongoing':
      return t('directives:due.ongoing');
    case 'none':
      return t('directives:due.none');
    case 'doneOnTime':
      return t('directives:due.doneOnTime', { count: due.days });
    case 'doneLate':
      return t('directives:due.doneLate', { count: due.days });
  }
}

/** "1,5 MB", "820 KB", "12 B". */
export function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / 1024 / 1024, numberLanguage(), 1)} MB`;
  if (bytes >= 1024) return `${formatNumber(Math.round(bytes / 1024), numberLanguage(), 0)} KB`;
  return `${bytes} B`;
}
