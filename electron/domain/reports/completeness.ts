import type { ReportForm } from './form';
import { daysBetween, dueDate, toVietnamDate, type IsoDate } from './periods';
import { roundTo } from './values';

/**
 * Completeness and timeliness at the Sở (DHIS2's reporting-rate view): one cell per office ×
 * period with the state of its report, totals with percentages, and who to chase.
 *
 * Choices:
 * - At the Sở a report is on time when the Sở received it (imported its first complete
 *   version) on or before the due date, as a Vietnamese calendar date; both the sent and the
 *   received dates are shown (issue 13). Where no receipt is known (an office's own view,
 *   reports imported before receipts were kept) it is on time when it was sent (or, failing
 *   that, completed) by the due date. The first sending counts: correcting a returned
 *   report does not make it late. District clocks may run wrong, so a send date later than
 *   the receipt date is capped at the receipt date; a report with no date at all is given
 *   the benefit of the doubt.
 * - A review applies to the revision it saw (`review.reportRev`). Returned and then edited
 *   but not yet completed again stays "returned"; completed again, it is back to
 *   sentOnTime/sentLate awaiting a new review.
 * - Percentages use as denominator the cells that are due (asOf after the due date) or
 *   already submitted, so next period's reports do not lower this period's rate. Returned
 *   reports count as received (they arrived) and are listed to chase.
 */

export const REPORT_STATES = ['notStarted', 'draft', 'sentOnTime', 'sentLate', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export interface ReportStatusInput {
  office: string;
  period: string;
  formVersion?: number;
  status: 'draft' | 'complete';
  /** The owner's revision of the report document. */
  rev?: number;
  /** HLC, ISO instant or 'YYYY-MM-DD': read as a date in Vietnam. */
  completedAt?: string;
  /** When the report first left the office complete (bundle creation). */
  sentAt?: string;
  /** When the Sở imported it (the Sở's own clock). */
  receivedAt?: string;
  review?: { state: 'accepted' | 'returned'; reportRev?: number };
}

export interface CompletenessCell {
  office: string;
  period: string;
  state: ReportState;
  dueDate: IsoDate;
  /** Date the report counts as sent; null while not sent or when unknown. */
  submittedOn: IsoDate | null;
  /** Date the Sở received it; null where no receipt is known. */
  receivedOn: IsoDate | null;
  /** Whether the report came on time; null when it has not come. */
  onTime: boolean | null;
  /** Days after the due date it came (0 when on time); null when it has not come. */
  daysLate: number | null;
  /** Not sent and past the due date. */
  overdue: boolean;
  daysOverdue: number;
  formVersion: number | null;
}

export interface CompletenessTotals {
  cells: number;
  /** Cells that count in the percentages: due by asOf, or already sent. */
  expected: number;
  counts: Record<ReportState, number>;
  /** Sent at least once: sentOnTime + sentLate + accepted + returned. */
  received: number;
  onTime: number;
  late: number;
  completenessPct: number | null;
  timelinessPct: number | null;
  acceptedPct: number | null;
}

export interface ChaseItem {
  office: string;
  period: string;
  reason: 'overdue' | 'returned';
  state: ReportState;
  dueDate: IsoDate;
  daysOverdue: number;
  /** "reports:chase.overdue" (count = days overdue) or "reports:chase.returned". */
  messageKey: string;
  params: Record<string, string | number>;
}

export interface CompletenessResult {
  /** Office-major: all periods of the first office, then the next. */
  cells: CompletenessCell[];
  totals: CompletenessTotals;
  byOffice: Record<string, CompletenessTotals>;
  byPeriod: Record<string, CompletenessTotals>;
  /** Returned first (they wait on the office), then overdue, longest overdue first. */
  chase: ChaseItem[];
}

export interface CompletenessInput {
  form: Pick<ReportForm, 'dueRule'>;
  offices: readonly string[];
  periods: readonly string[];
  reports: readonly ReportStatusInput[];
  /** Today in Vietnam (periods.dateInVietnam(Date.now())); passed in to keep this pure. */
  asOf: IsoDate;
}

export function completeness(input: CompletenessInput): CompletenessResult {
  const byCell = new Map<string, ReportStatusInput>();
  for (const r of input.reports) {
    const key = cellKey(r.office, r.period);
    const prev = byCell.get(key);
    if (!prev || preferred(r, prev)) byCell.set(key, r);
  }

  const cells: CompletenessCell[] = [];
  for (const office of input.offices) {
    for (const period of input.periods) {
      cells.push(cellOf(office, period, byCell.get(cellKey(office, period)), dueDate(input.form.dueRule, period), input.asOf));
    }
  }

  const byOffice: Record<string, CompletenessTotals> = {};
  for (const office of input.offices) byOffice[office] = totalsOf(cells.filter((c) => c.office === office), input.asOf);
  const byPeriod: Record<string, CompletenessTotals> = {};
  for (const period of input.periods) byPeriod[period] = totalsOf(cells.filter((c) => c.period === period), input.asOf);

  const chase: ChaseItem[] = cells
    .filter((c) => c.state === 'returned' || c.overdue)
    .map((c): ChaseItem => ({
      office: c.office,
      period: c.period,
      reason: c.state === 'returned' ? ('returned' as const) : ('overdue' as const),
      state: c.state,
      dueDate: c.dueDate,
      daysOverdue: c.daysOverdue,
      messageKey: c.state === 'returned' ? 'reports:chase.returned' : 'reports:chase.overdue',
      params: c.state === 'returned' ? {} : { count: c.daysOverdue },
    }))
    .sort((a, b) => (a.reason === b.reason ? b.daysOverdue - a.daysOverdue : a.reason === 'returned' ? -1 : 1));

  return { cells, totals: totalsOf(cells, input.asOf), byOffice, byPeriod, chase };
}

/** i18n key of a state's name. */
export function stateMessageKey(state: ReportState): string {
  return `reports:state.${state}`;
}

/**
 * What an office's own screens show. reportState() answers for the Sở, where every report
 * arrived in a bundle; at the office a completed report may still be waiting on this PC, and
 * calling it "Gửi muộn" / "Đã gửi đúng hạn" before it left would be wrong (issue 13). So a
 * completed report not yet sent says "Hoàn thành, chưa gửi", or "Quá hạn, chưa gửi" once its
 * due date has passed. `sent` is false only when the sync status says it never left.
 */
export const SHOWN_STATES = [...REPORT_STATES, 'completedNotSent', 'overdueNotSent'] as const;
export type ShownState = (typeof SHOWN_STATES)[number];

export function shownState(state: ReportState, sent: boolean, due: IsoDate, asOf: IsoDate): ShownState {
  if (sent || (state !== 'sentOnTime' && state !== 'sentLate')) return state;
  return asOf > due ? 'overdueNotSent' : 'completedNotSent';
}

/** The state of one report, as the Sở sees it. */
export function reportState(report: ReportStatusInput | undefined, due: IsoDate): ReportState {
  if (!report) return 'notStarted';
  const review = report.review;
  const reviewCurrent =
    review !== undefined && (review.reportRev === undefined || report.rev === undefined || review.reportRev >= report.rev);
  if (review && reviewCurrent) return review.state;
  if (review?.state === 'returned' && report.status === 'draft') return 'returned';
  if (report.status === 'draft') return 'draft';
  const measured = measuredOn(report);
  return measured !== null && measured > due ? 'sentLate' : 'sentOnTime';
}

/** The date timeliness is measured by: the Sở's receipt when known, else the sending. */
function measuredOn(report: ReportStatusInput): IsoDate | null {
  return receivedOn(report) ?? submittedOn(report);
}

export function receivedOn(report: ReportStatusInput): IsoDate | null {
  return report.receivedAt !== undefined ? toVietnamDate(report.receivedAt) : null;
}

function cellOf(office: string, period: string, report: ReportStatusInput | undefined, due: IsoDate, asOf: IsoDate): CompletenessCell {
  const state = reportState(report, due);
  const came = state === 'sentOnTime' || state === 'sentLate' || state === 'accepted' || state === 'returned';
  const sent = came && report ? submittedOn(report) : null;
  const received = came && report ? receivedOn(report) : null;
  const measured = received ?? sent;
  const daysLate = came ? (measured === null ? 0 : Math.max(0, daysBetween(due, measured))) : null;
  const overdue = !came && asOf > due;
  return {
    office,
    period,
    state,
    dueDate: due,
    submittedOn: sent,
    receivedOn: received,
    onTime: came ? daysLate === 0 : null,
    daysLate,
    overdue,
    daysOverdue: overdue ? daysBetween(due, asOf) : 0,
    formVersion: report?.formVersion ?? null,
  };
}

/** The date a report counts as sent: sentAt, else completedAt, never after the Sở received it. */
export function submittedOn(report: ReportStatusInput): IsoDate | null {
  const sent = report.sentAt ?? report.completedAt;
  const date = sent !== undefined ? toVietnamDate(sent) : null;
  const received = report.receivedAt !== undefined ? toVietnamDate(report.receivedAt) : null;
  if (date === null) return received;
  return received !== null && received < date ? received : date;
}

function totalsOf(cells: readonly CompletenessCell[], asOf: IsoDate): CompletenessTotals {
  const counts = Object.fromEntries(REPORT_STATES.map((s) => [s, 0])) as Record<ReportState, number>;
  let expected = 0;
  let received = 0;
  let onTime = 0;
  for (const c of cells) {
    counts[c.state] += 1;
    if (c.onTime !== null) {
      received += 1;
      if (c.onTime) onTime += 1;
    }
    if (c.onTime !== null || asOf > c.dueDate) expected += 1;
  }
  return {
    cells: cells.length,
    expected,
    counts,
    received,
    onTime,
    late: received - onTime,
    completenessPct: pct(received, expected),
    timelinessPct: pct(onTime, expected),
    acceptedPct: pct(counts.accepted, expected),
  };
}

function pct(n: number, d: number): number | null {
  return d === 0 ? null : roundTo((n / d) * 100, 1);
}

function cellKey(office: string, period: string): string {
  return `${office}\u0000${period}`;
}

/** Two PCs of one office may both hold a report: the complete one, then the newer revision, wins. */
function preferred(a: ReportStatusInput, b: ReportStatusInput): boolean {
  if (a.status !== b.status) return a.status === 'complete';
  return (a.rev ?? 0) > (b.rev ?? 0);
}
