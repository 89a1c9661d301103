/**
 * The day a task was really finished, as the office records it. Offices work offline and
 * often enter their work weeks later, so the day of entry says nothing about timeliness: the
 * officer types the real day, and timeliness, the dashboard and every statistic count from it.
 * The day of entry stays in the record's updatedAt and the audit trail.
 */

export type CompletionProblem = 'future' | 'beforeAssignment';

/**
 * Why a completion day cannot be true, or null. `today` is the day in Vietnam now;
 * `assignedOn` the day the task was handed out (the directive's date), when known.
 * Both dates are 'YYYY-MM-DD', so text order is date order.
 */
export function completionProblem(completedOn: string, at: { today: string; assignedOn: string | null }): CompletionProblem | null {
  if (completedOn > at.today) return 'future';
  if (at.assignedOn !== null && completedOn < at.assignedOn) return 'beforeAssignment';
  return null;
}

/**
 * The completion day to store: the one the officer typed; else the one already recorded (so
 * re-saving a finished task does not move it); else today, for a task marked done the day it
 * is finished.
 */
export function completionDay(typed: string | null, recorded: string | null, today: string): string {
  return typed ?? recorded ?? today;
}
