/**
 * Vietnamese display formats for React: dd/mm/yyyy dates, 1.234.567 numbers, Vietnam time.
 * Thin wrappers: the numbers come from electron/domain/numbers.ts and the Vietnam day and time
 * from electron/domain/calendar.ts, the same code the core uses for exports and the CLI.
 */
import { systemClock, todayInVietnam, vnDay, vnTime, type Clock } from '../../electron/domain/calendar';
import { formatNumberVi } from '../../electron/domain/numbers';

function toInstant(value: string | Date): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const date = toInstant(value);
  return date ? formatDate(vnDay(date)) : '';
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = toInstant(value);
  return date ? `${vnTime(date)} ${formatDate(date)}` : '';
}

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '';
  return formatNumberVi(n);
}

export function formatMoney(n: number | null | undefined): string {
  const s = formatNumber(n);
  return s ? `${s} đ` : '';
}

/** Today's date in Vietnam as YYYY-MM-DD. */
export function todayVn(now: Clock = systemClock): string {
  return todayInVietnam(now);
}
