import type { ReportState } from '../reports/completeness';
import { dueWithin, returnedTasks, type TaskFact } from './select';

/**
 * Reminders (issue 13): what an office is told at start and each morning, as a notification
 * (Electron) or a banner (the web harness). Only two things remind: work the Sở returned and
 * deadlines within the next days. Done work never reminds (a finished task due tomorrow is
 * finished), and neither does long-overdue work: the inbox lists it, but a notification every
 * morning for a deadline four years gone would teach people to ignore notifications.
 * Pure: facts and today's day counts come in.
 */

/** One report cell of this office, as the selection needs it. */
export interface ReportFact {
  formId: string;
  formTitle: string;
  period: string;
  dueDate: string;
  state: ReportState;
  overdue: boolean;
  /** Days from today to the deadline (0 = today; negative once past). */
  daysLeft: number;
  /** The Sở's comments when it returned the report. */
  comment: string | null;
}

export interface Reminder {
  kind: 'returned' | 'dueSoon';
  subject: 'task' | 'report';
  /** A task id, or `<formId>/<period>` for a report. */
  ref: string;
  title: string;
  /** Days left for `dueSoon` (0 = today); 0 for `returned`. */
  days: number;
  comment: string | null;
}

/** Reports the Sở returned and the office has not completed again. */
export function returnedReports(reports: readonly ReportFact[]): ReportFact[] {
  return reports.filter((r) => r.state === 'returned');
}

/** Reports not yet sent whose deadline is today or within `withinDays`, soonest first. */
export function reportsDueWithin(reports: readonly ReportFact[], withinDays: number): ReportFact[] {
  return reports
    .filter((r) => (r.state === 'notStarted' || r.state === 'draft') && !r.overdue && r.daysLeft >= 0 && r.daysLeft <= withinDays)
    .sort((a, b) => a.daysLeft - b.daysLeft);
}

const reportRef = (r: ReportFact): string => `${r.formId}/${r.period}`;

/** Returned work first, then deadlines, soonest first. */
export function remindersOf(tasks: readonly TaskFact[], reports: readonly ReportFact[], withinDays: number): Reminder[] {
  const returned: Reminder[] = [
    ...returnedTasks(tasks).map((t): Reminder => ({ kind: 'returned', subject: 'task', ref: t.taskId, title: t.content, days: 0, comment: t.comment })),
    ...returnedReports(reports).map((r): Reminder => ({ kind: 'returned', subject: 'report', ref: reportRef(r), title: r.formTitle, days: 0, comment: r.comment })),
  ];
  const soon: Reminder[] = [
    ...dueWithin(tasks, withinDays).map((t): Reminder => ({ kind: 'dueSoon', subject: 'task', ref: t.taskId, title: t.content, days: t.days, comment: null })),
    ...reportsDueWithin(reports, withinDays).map((r): Reminder => ({ kind: 'dueSoon', subject: 'report', ref: reportRef(r), title: r.formTitle, days: r.daysLeft, comment: null })),
  ].sort((a, b) => a.days - b.days);
  return [...returned, ...soon];
}
