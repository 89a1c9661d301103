/**
 * "Việc cần xử lý" (issue 13): what needs each person now, picked from plain rows the core
 * gathers. Pure: no store, no clock (today comes in).
 */

/** One office's position on one task, as the selection needs it. */
export interface TaskFact {
  taskId: string;
  content: string;
  directiveTitle: string;
  office: string;
  officeName: string;
  status: 'notStarted' | 'inProgress' | 'done' | 'cannotDo';
  due: { state: string; days: number };
  review: 'accepted' | 'returned' | null;
  changedSinceReview: boolean;
  /** The Sở's comment when it returned the task. */
  returnComment: string | null;
}

export interface TaskItem {
  taskId: string;
  content: string;
  directiveTitle: string;
  office: string;
  officeName: string;
  days: number;
  comment: string | null;
}

const item = (f: TaskFact, days = 0): TaskItem => ({
  taskId: f.taskId,
  content: f.content,
  directiveTitle: f.directiveTitle,
  office: f.office,
  officeName: f.officeName,
  days,
  comment: f.returnComment,
});

/** At the Sở: done and not reviewed, or changed by the office after the last review. */
export function progressToReview(facts: readonly TaskFact[]): TaskItem[] {
  return facts.filter((f) => f.status === 'done' && (f.review === null || f.changedSinceReview)).map((f) => item(f));
}

/** At an office: returned by the Sở and not changed since. */
export function returnedTasks(facts: readonly TaskFact[]): TaskItem[] {
  return facts.filter((f) => f.review === 'returned' && !f.changedSinceReview).map((f) => item(f));
}

/** Not finished and due within `withinDays` (today included), soonest first. */
export function dueWithin(facts: readonly TaskFact[], withinDays: number): TaskItem[] {
  return facts
    .filter((f) => f.status !== 'done' && f.status !== 'cannotDo')
    .filter((f) => f.due.state === 'dueToday' || ((f.due.state === 'dueSoon' || f.due.state === 'upcoming') && f.due.days <= withinDays))
    .map((f) => item(f, f.due.state === 'dueToday' ? 0 : f.due.days))
    .sort((a, b) => a.days - b.days);
}

/** Past the deadline and not finished, longest overdue first. */
export function overdueTasks(facts: readonly TaskFact[]): TaskItem[] {
  return facts
    .filter((f) => f.due.state === 'overdue' && f.status !== 'cannotDo')
    .map((f) => item(f, f.due.days))
    .sort((a, b) => b.days - a.days);
}

/** Offices whose last bundle came more than `days` days before today (or never). */
export function silentOffices(
  peers: ReadonlyArray<{ office: string; officeName: string; lastReceivedOn: string | null }>,
  today: string,
  days: number,
  daysBetween: (a: string, b: string) => number,
): Array<{ office: string; officeName: string; lastReceivedOn: string | null; days: number | null }> {
  const latest = new Map<string, { office: string; officeName: string; lastReceivedOn: string | null }>();
  for (const p of peers) {
    const prev = latest.get(p.office);
    if (!prev || (p.lastReceivedOn ?? '') > (prev.lastReceivedOn ?? '')) latest.set(p.office, p);
  }
  return [...latest.values()]
    .map((p) => ({ ...p, days: p.lastReceivedOn === null ? null : daysBetween(p.lastReceivedOn, today) }))
    .filter((p) => p.days === null || p.days > days)
    .sort((a, b) => (b.days ?? Infinity) - (a.days ?? Infinity));
}
