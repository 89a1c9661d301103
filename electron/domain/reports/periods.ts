import { addDays, differenceInCalendarDays, format, getDaysInMonth } from 'date-fns';
import { z } from 'zod';
import { vnDay, vnDayOfStamp } from '../calendar';
import { AppError } from '../errors';

/**
 * Reporting periods as keys: '2022' (year), '2022-H1' (half), '2022-Q3' (quarter), '2022-07'
 * (month). Keys sort correctly within one period type and travel in documents as plain text.
 *
 * Dates are calendar dates 'YYYY-MM-DD' in Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 with no
 * daylight saving since 1975, so an instant becomes a Vietnamese date by adding 7 hours:
 * no time-zone database is needed, and the PC's own zone never matters.
 */

export const PERIOD_TYPES = ['month', 'quarter', 'half', 'year'] as const;
export const PeriodTypeSchema = z.enum(PERIOD_TYPES);
export type PeriodType = z.infer<typeof PeriodTypeSchema>;

export const IsoDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'isoDate');
/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

export const DueRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('daysAfterPeriodEnd'),
    /** Negative values mean "before the period ends" (reports with estimated figures). */
    days: z.number().int().min(-180).max(366),
  }),
  z.strictObject({
    kind: z.literal('fixedDate'),
    month: z.number().int().min(1).max(12),
    /** Clamped to the month's length (31 in a 30-day month means its last day). */
    day: z.number().int().min(1).max(31),
    /** Added to the year in which the period ends: 1 = "15/01 of the following year". */
    relativeYear: z.number().int().min(-1).max(1).optional(),
  }),
]);
export type DueRule = z.infer<typeof DueRuleSchema>;

export interface Period {
  key: string;
  type: PeriodType;
  year: number;
  /** 1-based position in the year: month 1-12, quarter 1-4, half 1-2, year 1. */
  index: number;
}

const PERIODS_PER_YEAR: Record<PeriodType, number> = { month: 12, quarter: 4, half: 2, year: 1 };
const MONTHS_PER_PERIOD: Record<PeriodType, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export const PeriodKeySchema = z.string().refine((k) => parsePeriodKey(k) !== null, 'periodKey');

export function parsePeriodKey(key: string): Period | null {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2999) return null;
  const part = m[2];
  if (part === undefined) return { key, type: 'year', year, index: 1 };
  if (part.startsWith('H')) return { key, type: 'half', year, index: Number(part.slice(1)) };
  if (part.startsWith('Q')) return { key, type: 'quarter', year, index: Number(part.slice(1)) };
  return { key, type: 'month', year, index: Number(part) };
}

/** Like parsePeriodKey, but a bad key is an error the user can read. */
export function assertPeriodKey(key: string): Period {
  const p = parsePeriodKey(key);
  if (!p) throw new AppError('REPORT_PERIOD_INVALID', 'reports:periods.invalidKey', { key });
  return p;
}

export function periodKey(type: PeriodType, year: number, index = 1): string {
  if (!Number.isInteger(index) || index < 1 || index > PERIODS_PER_YEAR[type]) {
    throw new AppError('REPORT_PERIOD_INVALID', 'reports:periods.invalidKey', { key: `${year}/${type}/${index}` });
  }
  switch (type) {
    case 'year':
      return String(year);
    case 'half':
      return `${year}-H${index}`;
    case 'quarter':
      return `${year}-Q${index}`;
    case 'month':
      return `${year}-${String(index).padStart(2, '0')}`;
  }
}

/** Every period of a type in a year, in order. */
export function periodsOfYear(type: PeriodType, year: number): string[] {
  return Array.from({ length: PERIODS_PER_YEAR[type] }, (_, i) => periodKey(type, year, i + 1));
}

/** The period of a type that contains a date. */
export function periodOfDate(type: PeriodType, date: IsoDate): string {
  const { y, m } = splitDate(date);
  return periodKey(type, y, Math.floor((m - 1) / MONTHS_PER_PERIOD[type]) + 1);
}

/** First and last day (both inclusive). */
export function periodRange(key: string): { start: IsoDate; end: IsoDate } {
  const p = assertPeriodKey(key);
  const span = MONTHS_PER_PERIOD[p.type];
  const firstMonth = (p.index - 1) * span + 1;
  const lastMonth = firstMonth + span - 1;
  const lastDay = getDaysInMonth(new Date(p.year, lastMonth - 1, 1));
  return { start: isoDate(p.year, firstMonth, 1), end: isoDate(p.year, lastMonth, lastDay) };
}

/** i18n key and parameters of a period's name ("reports:period.quarter" + { roman: 'III', year }). */
export function periodLabel(key: string): { messageKey: string; params: Record<string, string | number> } {
  const p = assertPeriodKey(key);
  switch (p.type) {
    case 'year':
      return { messageKey: 'reports:period.year', params: { year: p.year } };
    case 'half':
      return { messageKey: `reports:period.half${p.index}`, params: { year: p.year } };
    case 'quarter':
      return { messageKey: 'reports:period.quarter', params: { quarter: p.index, roman: ROMAN[p.index - 1] ?? '', year: p.year } };
    case 'month':
      return { messageKey: 'reports:period.month', params: { month: p.index, year: p.year } };
  }
}

/**
 * The Vietnamese name as written in reports ("6 tháng đầu năm 2022", "Quý III/2022",
 * "Tháng 7/2022", "Năm 2022"). Printing and Excel export need it without the i18n runtime;
 * the strings match renderer/i18n/locales/vi/reports.json.
 */
export function periodLabelVi(key: string): string {
  const p = assertPeriodKey(key);
  switch (p.type) {
    case 'year':
      return `Năm ${p.year}`;
    case 'half':
      return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'quarter':
      return `Quý ${ROMAN[p.index - 1] ?? ''}/${p.year}`;
    case 'month':
      return `Tháng ${p.index}/${p.year}`;
  }
}

/** The last day on which a report for the period is on time. */
export function dueDate(rule: DueRule, key: string): IsoDate {
  const { end } = periodRange(key);
  if (rule.kind === 'daysAfterPeriodEnd') return format(addDays(toLocalDate(end), rule.days), 'yyyy-MM-dd');
  const year = splitDate(end).y + (rule.relativeYear ?? 0);
  const day = Math.min(rule.day, getDaysInMonth(new Date(year, rule.month - 1, 1)));
  return isoDate(year, rule.month, day);
}

/** Calendar days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return differenceInCalendarDays(toLocalDate(b), toLocalDate(a));
}

/** The date in Vietnam at an instant (ms since epoch or a Date); the one calendar's vnDay. */
export const dateInVietnam: (instant: number | Date) => IsoDate = vnDay;

/** A stamp (day, HLC or ISO instant) as a Vietnamese date; the one calendar's vnDayOfStamp. */
export const toVietnamDate: (stamp: string) => IsoDate | null = vnDayOfStamp;

function isoDate(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function splitDate(date: IsoDate): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
}

/** Local midnight of a date: date-fns works in local time, and day arithmetic is exact there. */
function toLocalDate(date: IsoDate): Date {
  const { y, m, d } = splitDate(date);
  return new Date(y, m - 1, d);
}
