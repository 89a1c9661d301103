import { AppError } from '../errors';
import { formPeriodsOfYear, type ReportForm } from './form';
import { assertPeriodKey, daysBetween, dueDate, periodRange, type IsoDate } from './periods';

/** A period key the form is used for (right type, and one of its `onlyPeriods`), or an error. */
export function assertFormPeriod(form: Pick<ReportForm, 'periodType' | 'onlyPeriods' | 'title'>, period: string): void {
  const p = assertPeriodKey(period);
  if (p.type !== form.periodType || !formPeriodsOfYear(form, p.year).includes(period)) {
    throw new AppError('REPORT_PERIOD_NOT_OF_FORM', 'reports:errors.periodNotOfForm', { period, form: form.title });
  }
}

/**
 * The periods an office is asked about on `today`, newest first: this year's that have begun,
 * last year's still within `graceDays` of their due date (a yearly report due 15/12 is still
 * chased in January; one from before the app was installed is not), and any it has a report for.
 */
export function periodsToShow(
  form: Pick<ReportForm, 'periodType' | 'onlyPeriods' | 'dueRule'>,
  today: IsoDate,
  withReports: readonly string[] = [],
  graceDays = 90,
): string[] {
  const year = Number(today.slice(0, 4));
  const lastYear = formPeriodsOfYear(form, year - 1).filter((p) => daysBetween(dueDate(form.dueRule, p), today) <= graceDays);
  const begun = [...lastYear, ...formPeriodsOfYear(form, year)].filter((p) => periodRange(p).start <= today);
  const own = withReports.filter((p) => assertPeriodKey(p).type === form.periodType);
  return [...new Set([...begun, ...own])].sort().reverse();
}

/** Periods of one type sorted, the last `count` of them up to and including `upTo`. */
export function periodsUpTo(periods: readonly string[], upTo: string, count: number): string[] {
  return [...new Set([...periods, upTo])]
    .filter((p) => p <= upTo)
    .sort()
    .slice(-count);
}

/**
 * A form's title joined with a period's name without saying the period twice:
 * "Báo cáo … 6 tháng đầu năm" + "6 tháng đầu năm 2022" -> "Báo cáo … 6 tháng đầu năm 2022";
 * "Báo cáo … năm" + "Năm 2022" -> "Báo cáo … năm 2022".
 */
export function titleWithPeriod(title: string, periodName: string): string {
  const t = title.trim();
  const words = periodName.trim().split(/\s+/);
  for (let n = words.length - 1; n >= 1; n--) {
    const head = words.slice(0, n).join(' ');
    if (t.toLocaleLowerCase('vi').endsWith(` ${head.toLocaleLowerCase('vi')}`)) return `${t} ${words.slice(n).join(' ')}`;
  }
  return `${t} ${periodName.trim().charAt(0).toLocaleLowerCase('vi')}${periodName.trim().slice(1)}`;
}
