import { z } from 'zod';
import { periodRange, assertPeriodKey, type IsoDate } from './periods';

/**
 * The cut-off window of a report (thời gian chốt số liệu): the days whose facts a report for a
 * period speaks of. Nghị định 09/2019/NĐ-CP Điều 12 sets windows that end on the 14th and
 * start on the 15th of the month before: the six-month report covers 15/12 of the previous
 * year to 14/6, the yearly report 15/12 to 14/12 (secondary source, see
 * electron/domain/reports/regime-nd09-2019.json: the decree's own text was not read).
 *
 * A form carries `cutoff: { day }`, set by the Sở: the window ends on that day of the
 * period's last month and starts the day after it, in the month before the period's first
 * month. A form without `cutoff` (every form saved before issue 13) covers the calendar
 * period (1/1–30/6), as before.
 */
export const CutoffSchema = z.strictObject({ day: z.number().int().min(1).max(28) });
export type Cutoff = z.infer<typeof CutoffSchema>;

/** NĐ 09/2019's cut-off day (the 14th), the default of the shipped forms. */
export const ND09_CUTOFF: Cutoff = { day: 14 };

export interface ReportWindow {
  start: IsoDate;
  end: IsoDate;
}

export function reportWindow(form: { cutoff?: Cutoff | undefined }, period: string): ReportWindow {
  const range = periodRange(period);
  if (!form.cutoff) return range;
  const [ey, em] = range.end.split('-').map(Number) as [number, number];
  const [sy, sm] = range.start.split('-').map(Number) as [number, number];
  const before = sm === 1 ? { y: sy - 1, m: 12 } : { y: sy, m: sm - 1 };
  return { start: iso(before.y, before.m, form.cutoff.day + 1), end: iso(ey, em, form.cutoff.day) };
}

/**
 * The poverty reviews a report may be prefilled from: the one of the year the window ends in,
 * or of the year before (the review done at the end of 2021 is the list a 2022 six-month
 * report speaks of until the 2022 review is recorded). An older review is not offered: the
 * 2026 six-month report must not be filled from the 2022 review.
 */
export function reviewYearsOf(window: ReportWindow): { from: number; to: number } {
  const to = Number(window.end.slice(0, 4));
  return { from: to - 1, to };
}

/** The period's year, for targets and titles: the year its key names, not the window's start. */
export function periodYear(period: string): number {
  return assertPeriodKey(period).year;
}

function iso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
