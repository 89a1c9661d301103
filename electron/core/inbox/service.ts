import type { ServiceOf } from '../../contract/define';
import type { Inbox, inboxOps, OfficeInbox, ReportItem, SoInbox } from '../../contract/inbox';
import type { CoreContext } from '../runtime/context';
import { reportFacts, taskFacts } from './facts';
import { currentReminders } from './reminders';
import { reportsDueWithin, returnedReports, type ReportFact } from '../../domain/inbox/reminders';
import { dueWithin, overdueTasks, progressToReview, returnedTasks, silentOffices } from '../../domain/inbox/select';
import { reportState } from '../../domain/reports/completeness';
import { daysBetween, dueDate, dateInVietnam } from '../../domain/reports/periods';
import { latestForm } from '../../domain/reports/versions';
import { allForms, asReport, isReviewCurrent, receiptOf, reviewOf, statusInput } from '../reports/docs';
import { officeName, type SyncDeps } from '../sync/deps';
import { syncStatus } from '../sync/status';

/** "Việc cần xử lý" for the home page: gathered here, picked by domain/inbox/select.ts. */
export function createInboxService(ctx: CoreContext, deps: SyncDeps): ServiceOf<typeof inboxOps> {
  return {
    'inbox.get': async ({ silentDays, withinDays }): Promise<Inbox> =>
      ctx.session().role === 'so' ? soInbox(ctx, await syncStatus(deps), silentDays) : officeInbox(ctx, withinDays, await lastImportAt(deps)),
    'reminders.get': async () => currentReminders(ctx),
  };
}

function soInbox(ctx: CoreContext, status: Awaited<ReturnType<typeof syncStatus>>, silentDays: number): SoInbox {
  const today = dateInVietnam(ctx.now());
  const forms = allForms(ctx);
  const reportsToAccept: ReportItem[] = [];
  for (const doc of ctx.store.listAs('report')) {
    const report = asReport(doc);
    if (report.status !== 'complete') continue;
    const review = reviewOf(ctx, report.formId, report.period, report.office);
    if (isReviewCurrent(report, review)) continue;
    const form = latestForm(forms, report.formId);
    if (!form) continue;
    const receipt = receiptOf(ctx, report.id);
    const due = dueDate(form.dueRule, report.period);
    const state = reportState(statusInput(report, review, receipt), due);
    const received = receipt ? dateInVietnam(new Date(receipt.receivedAt)) : null;
    reportsToAccept.push({
      formId: report.formId,
      formTitle: form.title,
      period: report.period,
      office: report.office,
      officeName: officeName(ctx, report.office),
      dueDate: due,
      days: state === 'sentLate' && received ? Math.max(0, daysBetween(due, received)) : 0,
      late: state === 'sentLate',
      comment: null,
      receivedAt: receipt?.receivedAt ?? null,
    });
  }
  const offices = status.peers.filter((p) => !p.ownOffice);
  const receipts = ctx.store.listAs('receipt').filter((d) => d.data.kind !== 'directive');
  const lastAt = receipts.reduce<string | null>((m, d) => (m === null || d.data.receivedAt > m ? d.data.receivedAt : m), null);
  const last = lastAt === null ? [] : receipts.filter((d) => d.data.receivedAt === lastAt);
  return {
    role: 'so',
    progressToReview: progressToReview(taskFacts(ctx)),
    reportsToAccept: reportsToAccept.sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    conflicts: status.openConflicts,
    gaps: offices.filter((p) => p.gaps.length > 0).map((p) => ({ office: p.office, officeName: p.officeName, missing: p.gaps })),
    silent: silentOffices(
      offices.map((p) => ({ office: p.office, officeName: p.officeName, lastReceivedOn: p.lastReceived ? dateInVietnam(new Date(p.lastReceived.at)) : null })),
      today,
      silentDays,
      daysBetween,
    ),
    silentDays,
    lastImport:
      lastAt === null
        ? null
        : {
            at: lastAt,
            offices: [...new Set(last.map((d) => officeName(ctx, d.data.office)))],
            progress: last.filter((d) => d.data.kind === 'progress').length,
            reports: last.filter((d) => d.data.kind === 'report').length,
          },
  };
}

/** When this PC last imported any bundle (the peers state and the receipts share this instant). */
async function lastImportAt(deps: SyncDeps): Promise<string | null> {
  const { peers } = await deps.peers.read();
  return peers.reduce<string | null>((m, p) => (p.in.lastAt !== null && (m === null || p.in.lastAt > m) ? p.in.lastAt : m), null);
}

function officeInbox(ctx: CoreContext, withinDays: number, lastAt: string | null): OfficeInbox {
  const facts = taskFacts(ctx);
  const reports = reportFacts(ctx);
  const me = ctx.session().office.code;
  const item = (r: ReportFact, days: number): ReportItem => ({
    formId: r.formId,
    formTitle: r.formTitle,
    period: r.period,
    office: me,
    officeName: officeName(ctx, me),
    dueDate: r.dueDate,
    days,
    late: r.overdue,
    comment: r.comment,
    receivedAt: null,
  });
  // "New" = first received with the last import: a later bundle without directives empties the list.
  const directiveReceipts = ctx.store.listAs('receipt').filter((d) => d.data.kind === 'directive');
  return {
    role: 'office',
    returnedTasks: returnedTasks(facts),
    returnedReports: returnedReports(reports).map((r) => item(r, 0)),
    dueSoon: dueWithin(facts, withinDays),
    reportsDueSoon: reportsDueWithin(reports, withinDays).map((r) => item(r, r.daysLeft)),
    overdue: overdueTasks(facts),
    overdueReports: reports.filter((r) => r.overdue && (r.state === 'notStarted' || r.state === 'draft')).map((r) => item(r, -r.daysLeft)),
    newDirectives:
      lastAt === null
        ? []
        : directiveReceipts
            .filter((d) => d.data.firstComplete?.receivedAt === lastAt)
            .flatMap((d) => {
              const doc = ctx.store.getAs('directive', d.data.docId);
              return doc && !doc.deleted ? [{ id: doc.id, title: doc.data.title, receivedAt: lastAt }] : [];
            }),
  };
}
