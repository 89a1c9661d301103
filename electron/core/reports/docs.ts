import type { CoreContext } from '../runtime/context';
import type { Doc } from '../../domain/document';
import type { DataOf } from '../../domain/documentKinds';
import { rootUnit } from '../../domain/org';
import { anyUnitByCode } from '../../domain/profiles/mapping';
import { periodRange } from '../../domain/reports/periods';
import { AppError } from '../../domain/errors';
import type { FormSummary, OfficeRef, Report, ReportReview } from '../../contract/reports';
import { reportDocId, reviewDocId } from '../../contract/reports';
import { formIndicators, parseReportForm, reportingOffices, reportingOfficesOn, type ReportForm } from '../../domain/reports/form';
import type { ReportStatusInput } from '../../domain/reports/completeness';
import type { Target } from '../../domain/reports/targets';
import { latestForm } from '../../domain/reports/versions';

/**
 * Store-side reading of the reports documents. Documents may come from other installations
 * in bundles, so a form is parsed before use (a malformed one is skipped, never trusted).
 */

const parsed = new WeakMap<Doc, ReportForm | null>();

function formOfDoc(doc: Doc): ReportForm | null {
  let form = parsed.get(doc);
  if (form === undefined) {
    try {
      form = parseReportForm(doc.data);
    } catch {
      form = null;
    }
    parsed.set(doc, form);
  }
  return form;
}

/** Every valid form version in the store. */
export function allForms(ctx: CoreContext): ReportForm[] {
  return ctx.store
    .list('reportForm')
    .map(formOfDoc)
    .filter((f): f is ReportForm => f !== null)
    .sort((a, b) => a.formId.localeCompare(b.formId) || a.version - b.version);
}

export function versionsOf(ctx: CoreContext, formId: string): ReportForm[] {
  return allForms(ctx).filter((f) => f.formId === formId);
}

export function requireLatest(ctx: CoreContext, formId: string): ReportForm {
  const form = latestForm(allForms(ctx), formId);
  if (!form) throw new AppError('REPORT_FORM_NOT_FOUND', 'reports:errors.formNotFound', { formId });
  return form;
}

export function requireVersion(ctx: CoreContext, formId: string, version: number): ReportForm {
  const form = versionsOf(ctx, formId).find((f) => f.version === version);
  if (!form) throw new AppError('REPORT_FORM_NOT_FOUND', 'reports:errors.versionNotFound', { formId, version });
  return form;
}

export function soCode(ctx: CoreContext): string {
  return rootUnit(ctx.profile()).code;
}

export function requireSo(ctx: CoreContext): string {
  const s = ctx.session();
  if (s.role !== 'so') throw new AppError('SO_ONLY', 'reports:errors.soOnly');
  return s.office.code;
}

export function requireOffice(ctx: CoreContext): string {
  const s = ctx.session();
  if (s.role !== 'office') throw new AppError('OFFICE_ONLY', 'reports:errors.officeOnly');
  return s.office.code;
}

export function officeRef(ctx: CoreContext, code: string): OfficeRef {
  // A unit of an earlier tree keeps its name on its old reports.
  return { code, name: anyUnitByCode(ctx.profile(), code)?.shortName ?? code };
}

export function officesOf(ctx: CoreContext, form: ReportForm): OfficeRef[] {
  return reportingOffices(form, ctx.profile()).map((c) => officeRef(ctx, c));
}

/** The offices that report the given periods, each in the tree in force at its period's end. */
export function officesOfPeriods(ctx: CoreContext, form: ReportForm, periods: readonly string[]): OfficeRef[] {
  const codes = new Set<string>();
  for (const p of periods) for (const c of reportingOfficesOn(form, ctx.profile(), periodRange(p).end)) codes.add(c);
  return [...codes].map((c) => officeRef(ctx, c));
}

export function summaryOf(ctx: CoreContext, versions: readonly ReportForm[]): FormSummary {
  const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
  return {
    formId: latest.formId,
    title: latest.title,
    periodType: latest.periodType,
    ...(latest.onlyPeriods ? { onlyPeriods: latest.onlyPeriods } : {}),
    dueRule: latest.dueRule,
    ...(latest.cutoff ? { cutoff: latest.cutoff } : {}),
    latest: latest.version,
    versions: [...versions]
      .sort((a, b) => b.version - a.version)
      .map((f) => ({ version: f.version, title: f.title, indicators: formIndicators(f).length })),
    offices: officesOf(ctx, latest),
  };
}

export function formSummaries(ctx: CoreContext): FormSummary[] {
  const byId = new Map<string, ReportForm[]>();
  for (const f of allForms(ctx)) byId.set(f.formId, [...(byId.get(f.formId) ?? []), f]);
  return [...byId.values()].map((v) => summaryOf(ctx, v));
}

/* Documents come typed from the store (store.getAs/listAs read them through their kind's schema). */
export const asReport = (d: Doc<DataOf<'report'>>): Report => ({ ...d.data, id: d.id, rev: d.rev, hlc: d.hlc });
export const asReview = (d: Doc<DataOf<'reportReview'>>): ReportReview => ({ ...d.data, id: d.id });

export function reportOf(ctx: CoreContext, formId: string, period: string, office: string): Report | null {
  const d = ctx.store.getAs('report', reportDocId(formId, period, office));
  return d && !d.deleted ? asReport(d) : null;
}

export function reviewOf(ctx: CoreContext, formId: string, period: string, office: string): ReportReview | null {
  const d = ctx.store.getAs('reportReview', reviewDocId(formId, period, office));
  return d && !d.deleted ? asReview(d) : null;
}

/** Reports of a form, optionally of some periods only. */
export function reportsOf(ctx: CoreContext, formId: string, periods?: readonly string[]): Report[] {
  const only = periods ? new Set(periods) : null;
  return ctx.store
    .listAs('report')
    .map(asReport)
    .filter((r) => r.formId === formId && (!only || only.has(r.period)));
}

/** A review counts for the revision it saw; an edit after it makes it history. */
export function isReviewCurrent(report: Report | null, review: ReportReview | null): boolean {
  return report !== null && review !== null && review.reportRev >= report.rev;
}

/** When the Sở received a report (receipts are kept at the Sở's import; see sync/receipts.ts). */
export function receiptOf(ctx: CoreContext, reportId: string): { sentAt: string; receivedAt: string } | null {
  const d = ctx.store.getAs('receipt', `rcv:${reportId}`);
  return d && !d.deleted ? d.data.firstComplete : null;
}

/** What completeness() needs to know about one report; `receipt` when the Sở holds one. */
export function statusInput(report: Report, review: ReportReview | null, receipt: { sentAt: string; receivedAt: string } | null = null): ReportStatusInput {
  return {
    ...(receipt ? { sentAt: receipt.sentAt, receivedAt: receipt.receivedAt } : {}),
    office: report.office,
    period: report.period,
    formVersion: report.version,
    status: report.status,
    rev: report.rev,
    ...(report.completedOn ? { completedAt: report.completedOn } : {}),
    ...(review ? { review: { state: review.outcome, reportRev: review.reportRev } } : {}),
  };
}

/** Targets of a form as the domain's list (every year unless one is asked for). */
export function targetsOf(ctx: CoreContext, formId: string, year?: number): Target[] {
  const out: Target[] = [];
  for (const d of ctx.store.listAs('target')) {
    const t = d.data;
    if (t.formId !== formId || (year !== undefined && t.year !== year)) continue;
    for (const [indicatorId, value] of Object.entries(t.values ?? {})) {
      if (typeof value === 'number' && Number.isFinite(value)) out.push({ office: t.office, indicatorId, year: t.year, value });
    }
  }
  return out;
}
