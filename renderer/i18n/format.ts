/**
 * Display formats for React: dd/mm/yyyy dates, Vietnam time, and numbers in the UI language's
 * style (1.234.567,5 in Vietnamese, 1,234,567.5 in English).
 * Thin wrappers: the numbers come from electron/domain/numbers.ts and the Vietnam day and time
 * from electron/domain/calendar.ts, the same code the core uses for exports and the CLI.
 */
import { systemClock, todayInVietnam, vnDay, vnTime, type Clock } from '../../electron/domain/calendar';
import { formatNumber as formatIn, type NumberLang } from '../../electron/domain/numbers';

/**
 * The UI language for numbers, kept in step with i18next by initI18n (languageChanged). A
 * module value rather than a hook so the dozens of render helpers and antd formatters need no
 * new argument; components re-render on a language change through useTranslation anyway.
 */
let uiNumberLang: NumberLang = 'vi';

export function setNumberLanguage(lang: string): void {
  uiNumberLang = lang === 'en' || lang.startsWith('en-') ? 'en' : 'vi';
}

export function numberLanguage(): NumberLang {
  return uiNumberLang;
}

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

export function formatNumber(n: number | null | undefined, lang: NumberLang = uiNumberLang): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '';
  return formatIn(n, lang);
}

export function formatMoney(n: number | null | undefined): string {
  const s = formatNumber(n);
  return s ? `${s} đ` : '';
}

/** Today's date in Vietnam as YYYY-MM-DD. */
export function todayVn(now: Clock = systemClock): string {
  return todayInVietnam(now);
}
