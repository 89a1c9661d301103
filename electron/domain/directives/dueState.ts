import { dayNumber, vnDay } from '../calendar';
import { nextDueDate } from './recurrence';
import type { Deadline } from './deadlineSchema';

export type DueStateKind =
  | 'ongoing'
  | 'none'
  | 'upcoming'
  | 'dueSoon'
  | 'dueToday'
  | 'overdue'
  | 'doneOnTime'
  | 'doneLate';

/**
 * `days` is always >= 0 and means: days left (upcoming, dueSoon), days late (overdue,
 * doneLate), days early (doneOnTime with a dated deadline); 0 otherwise.
 */
export interface DueState {
  state: DueStateKind;
  days: number;
}

/** "Due soon" = due within this many days (today excluded: that is dueToday). */
export const DEFAULT_DUE_SOON_DAYS = 3;

/**
 * When a task was completed: a 'YYYY-MM-DD' day already in Vietnamese local time (as an
 * officer types it), an instant (Date or ISO timestamp text such as a saved `updatedAt`), or
 * null while not done.
 */
export type DoneAt = string | Date | null;

function toVnDayNumber(at: string | Date): number | null {
  if (at instanceof Date) return Number.isNaN(at.getTime()) ? null : dayNumber(vnDay(at));
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return dayNumber(at);
  const instant = new Date(at);
  return Number.isNaN(instant.getTime()) ? null : dayNumber(vnDay(instant));
}

/**
 * Where a task stands against its deadline, counted in whole calendar days in
 * Asia/Ho_Chi_Minh (see VN_OFFSET_MS). A task done without a dated deadline counts as done on
 * time: there was nothing to be late against.
 */
export function dueState(
  deadline: Deadline,
  doneAt: DoneAt,
  now: Date,
  opts: { dueSoonDays?: number } = {},
): DueState {
  // A recurring duty is due at its next period's date.
  const due =
    deadline.kind === 'date'
      ? dayNumber(deadline.date)
      : deadline.kind === 'recurring'
        ? dayNumber(nextDueDate(deadline, vnDay(now)))
        : null;
  const done = doneAt === null ? null : toVnDayNumber(doneAt);

  // An unreadable completion date still means done; it just cannot be compared.
  if (doneAt !== null && done === null) return { state: 'doneOnTime', days: 0 };
  if (done !== null) {
    if (due === null) return { state: 'doneOnTime', days: 0 };
    return done <= due ? { state: 'doneOnTime', days: due - done } : { state: 'doneLate', days: done - due };
  }
  if (deadline.kind === 'ongoing') return { state: 'ongoing', days: 0 };
  if (due === null) return { state: 'none', days: 0 };

  const today = toVnDayNumber(now);
  if (today === null) return { state: 'none', days: 0 };
  const left = due - today;
  if (left < 0) return { state: 'overdue', days: -left };
  if (left === 0) return { state: 'dueToday', days: 0 };
  const soon = opts.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  return { state: left <= soon ? 'dueSoon' : 'upcoming', days: left };
}

/** An i18n key ("namespace:key") and the count to interpolate, for countdown labels. */
export interface CountdownLabel {
  key: string;
  count: number;
}

/**
 * Countdown wording for a due state. Vietnamese texts the keys stand for:
 * remaining "còn {{count}} ngày", dueToday "hôm nay đến hạn", overdue "quá hạn {{count}} ngày",
 * ongoing "thường xuyên", none "không có hạn", doneOnTime "hoàn thành đúng hạn",
 * doneLate "hoàn thành chậm {{count}} ngày".
 */
export function countdownLabel(s: DueState): CountdownLabel {
  switch (s.state) {
    case 'upcoming':
    case 'dueSoon':
      return { key: 'directives:due.remaining', count: s.days };
    case 'dueToday':
      return { key: 'directives:due.dueToday', count: 0 };
    case 'overdue':
      return { key: 'directives:due.overdue', count: s.days };
    case 'ongoing':
      return { key: 'directives:due.ongoing', count: 0 };
    case 'none':
      return { key: 'directives:due.none', count: 0 };
    case 'doneOnTime':
      return { key: 'directives:due.doneOnTime', count: s.days };
    case 'doneLate':
      return { key: 'directives:due.doneLate', count: s.days };
  }
}
