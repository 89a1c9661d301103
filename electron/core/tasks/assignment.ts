import type { Assignment, Deadline, Progress, Review, ProgressStatus, DashboardCounts } from '../../contract/tasks';
import { dueState } from '../../domain/directives/dueState';

/**
 * A completion counts as done unless the Sở returned it and the office has not changed it
 * since: a returned task is back in the office's hands.
 */
export function effectiveStatus(progress: Progress | undefined, review: Review | undefined): ProgressStatus {
  const status = progress?.status ?? 'notStarted';
  if (status === 'done' && review?.outcome === 'returned' && review.progressHlc === progress?.hlc) return 'inProgress';
  return status;
}

export function toDueInput(deadline: Deadline): Parameters<typeof dueState>[0] {
  if (deadline.kind === 'date') return { kind: 'date', date: deadline.date, text: deadline.text ?? '' };
  if (deadline.kind === 'ongoing') return { kind: 'ongoing', text: deadline.text ?? '' };
  if (deadline.kind === 'recurring') return { ...deadline, text: deadline.text ?? '' };
  return { kind: 'none' };
}

/** One office's position on one task: status, countdown, review outcome. Pure. */
export function assignmentOf(
  deadline: Deadline,
  office: { code: string; name: string },
  progress: Progress | undefined,
  review: Review | undefined,
  now: Date,
): Assignment {
  const status = effectiveStatus(progress, review);
  const done = status === 'done' ? (progress?.completedOn ?? progress?.updatedAt ?? null) : null;
  const due = dueState(toDueInput(deadline), done, now);
  return {
    office: office.code,
    officeName: office.name,
    status,
    percent: progress?.percent ?? null,
    due: { state: due.state, days: due.days },
    review: review?.outcome ?? null,
    changedSinceReview: Boolean(review && progress && review.progressHlc !== progress.hlc),
    updatedAt: progress?.updatedAt ?? null,
  };
}

export function emptyCounts(): DashboardCounts {
  return { assigned: 0, due: 0, doneOnTime: 0, doneLate: 0, inProgress: 0, overdue: 0, notStarted: 0, cannotDo: 0 };
}

/**
 * Add one assignment to the counts the national task-tracking system reports:
 * assigned; due (deadline on or before today, done or not); done on time; done late;
 * in progress (not late); overdue (not done, deadline passed); not started (not late);
 * cannot be done.
 */
export function addToCounts(c: DashboardCounts, a: Assignment, deadline: Deadline, today: string): void {
  c.assigned++;
  if (deadline.kind === 'date' && deadline.date <= today) c.due++;
  const s = a.due.state;
  if (s === 'doneOnTime') c.doneOnTime++;
  else if (s === 'doneLate') c.doneLate++;
  else if (a.status === 'cannotDo') c.cannotDo++;
  else if (s === 'overdue') c.overdue++;
  else if (a.status === 'inProgress') c.inProgress++;
  else c.notStarted++;
}
