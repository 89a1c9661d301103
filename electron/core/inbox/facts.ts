import type { ReportFact } from '../../domain/inbox/reminders';
import type { TaskFact } from '../../domain/inbox/select';
import { daysBetween, dateInVietnam } from '../../domain/reports/periods';
import type { CoreContext } from '../runtime/context';
import { reviewOf } from '../reports/docs';
import { dueList } from '../reports/views';
import { reviewId } from '../tasks/ids';
import { listRows } from '../tasks/views';

/** The rows the inbox and the reminders select from (domain/inbox), gathered from the store. */

/** Every office's position on every task this PC sees. */
export function taskFacts(ctx: CoreContext): TaskFact[] {
  return listRows(ctx, {}).flatMap((r) =>
    r.assignments.map((a): TaskFact => {
      const review = a.review === 'returned' ? ctx.store.getAs('review', reviewId(r.task.id, a.office)) : undefined;
      return {
        taskId: r.task.id,
        content: r.task.content,
        directiveTitle: r.directive.title,
        office: a.office,
        officeName: a.officeName,
        status: a.status,
        due: a.due,
        review: a.review,
        changedSinceReview: a.changedSinceReview,
        returnComment: review && !review.deleted ? review.data.comment : null,
      };
    }),
  );
}

/** This office's report cells, as the inbox and the reminders select from them. */
export function reportFacts(ctx: CoreContext): ReportFact[] {
  const today = dateInVietnam(ctx.now());
  const me = ctx.session().office.code;
  return dueList(ctx).map((d): ReportFact => {
    const review = d.state === 'returned' ? reviewOf(ctx, d.formId, d.period, me) : null;
    const comments = review ? [review.comment, ...Object.values(review.fieldComments)].filter((c) => c.trim()) : [];
    return {
      formId: d.formId,
      formTitle: d.formTitle,
      period: d.period,
      dueDate: d.dueDate,
      state: d.state,
      overdue: d.overdue,
      daysLeft: d.overdue ? -d.daysOverdue : daysBetween(today, d.dueDate),
      comment: comments.length > 0 ? comments.join(' · ') : null,
    };
  });
}

