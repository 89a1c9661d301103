import type { CoreContext } from '../runtime/context';
import type { LocalChange } from '../store/store';
import { AppError } from '../../domain/errors';
import type { ReportData, ReportReviewData, TargetData } from '../../contract/reports';
import { formDocId, reportDocId, reviewDocId, targetDocId } from '../../contract/reports';
import { DEFAULT_FORMS } from '../../domain/reports/defaultForms';
import { allForms, isReviewCurrent, reportOf, requireLatest, requireOffice, requireSo, requireVersion, reviewOf, targetsOf, versionsOf } from './docs';
import { communesOf } from './facts';
import { formIndicators, isNumericType, reportingOffices, type ReportForm } from '../../domain/reports/form';
import { assertFormPeriod } from '../../domain/reports/periodsOfForm';
import { assertPeriodKey, dateInVietnam } from '../../domain/reports/periods';
import { targetsFor } from '../../domain/reports/targets';
import { canMarkComplete, validateReport } from '../../domain/reports/validate';
import type { IndicatorValue } from '../../domain/reports/values';
import type { Cutoff } from '../../domain/reports/window';
import { diffVersions, indicatorCatalogue, newVersion, type FormChanges } from '../../domain/reports/versions';

/** Writes of the reports feature. The Sở writes forms, targets and reviews; an office its reports. */

/** Saves the default profile's forms that are not in the store yet. */
export async function installDefaults(ctx: CoreContext): Promise<void> {
  const owner = requireSo(ctx);
  const present = new Set(allForms(ctx).map((f) => f.formId));
  const missing = DEFAULT_FORMS.filter((f) => !present.has(f.formId) && !ctx.store.get(formDocId(f.formId, f.version)));
  if (missing.length === 0) return;
  await ctx.store.write(
    missing.map((f) => ({ id: formDocId(f.formId, f.version), kind: 'reportForm' as const, owner, data: f })),
  );
}

export async function saveVersion(
  ctx: CoreContext,
  formId: string,
  basedOn: number,
  input: Omit<FormChanges, 'cutoff'> & { cutoff?: Cutoff | null | undefined },
): Promise<ReportForm> {
  const owner = requireSo(ctx);
  const latest = requireLatest(ctx, formId);
  if (basedOn !== latest.version) throw new AppError('REPORT_FORM_STALE', 'reports:errors.staleVersion', { version: latest.version });
  const { cutoff, ...changes } = input;
  const clean = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as FormChanges;
  // null clears the window (back to calendar periods); undefined keeps the current one.
  const { cutoff: current, ...withoutCutoff } = latest;
  const base: ReportForm = cutoff === null ? withoutCutoff : cutoff ? { ...latest, cutoff } : latest;
  const next = newVersion(base, clean, versionsOf(ctx, formId));
  const diff = diffVersions(latest, next);
  const same =
    diff.added.length + diff.removed.length + diff.changed.length === 0 &&
    next.title === latest.title &&
    JSON.stringify(next.dueRule) === JSON.stringify(latest.dueRule) &&
    JSON.stringify(next.cutoff ?? null) === JSON.stringify(current ?? null) &&
    JSON.stringify(next.sections.map((s) => s.title)) === JSON.stringify(latest.sections.map((s) => s.title));
  if (same) throw new AppError('REPORT_FORM_UNCHANGED', 'reports:errors.noChanges');
  await ctx.store.write([{ id: formDocId(formId, next.version), kind: 'reportForm', owner, data: next }]);
  return next;
}

/** Sets targets of some offices for a form and year; null clears one. */
export async function saveTargets(
  ctx: CoreContext,
  formId: string,
  year: number,
  values: Record<string, Record<string, number | null>>,
): Promise<void> {
  const owner = requireSo(ctx);
  const form = requireLatest(ctx, formId);
  const offices = new Set(reportingOffices(form, ctx.profile()));
  const numeric = new Set(
    indicatorCatalogue(versionsOf(ctx, formId))
      .entries.filter((e) => isNumericType(e.type))
      .map((e) => e.id),
  );
  const existing = targetsOf(ctx, formId, year);
  const s = ctx.session();
  const changes: LocalChange[] = [];
  for (const [office, entries] of Object.entries(values)) {
    if (!offices.has(office)) throw new AppError('NOT_A_REPORTER', 'reports:errors.notReporter', { office });
    const next = targetsFor(existing, office, year);
    for (const [id, v] of Object.entries(entries)) {
      if (!numeric.has(id)) throw new AppError('UNKNOWN_INDICATOR', 'reports:errors.unknownIndicator', { indicatorId: id });
      if (v === null) delete next[id];
      else next[id] = v;
    }
    if (JSON.stringify(next) === JSON.stringify(targetsFor(existing, office, year))) continue;
    const data: TargetData = { formId, year, office, values: next, updatedBy: s.officerName, updatedAt: ctx.now().toISOString() };
    changes.push({ id: targetDocId(formId, year, office), kind: 'target', owner, data });
  }
  if (changes.length > 0) await ctx.store.write(changes);
}

export interface SaveReportInput {
  formId: string;
  period: string;
  values: Record<string, IndicatorValue>;
  complete: boolean;
}

export async function saveReport(ctx: CoreContext, input: SaveReportInput): Promise<void> {
  const office = requireOffice(ctx);
  const latest = requireLatest(ctx, input.formId);
  if (!reportingOffices(latest, ctx.profile()).includes(office)) {
    throw new AppError('NOT_A_REPORTER', 'reports:errors.notReporter', { office });
  }
  assertFormPeriod(latest, input.period);
  const prev = reportOf(ctx, input.formId, input.period, office);
  const review = reviewOf(ctx, input.formId, input.period, office);
  if (review?.outcome === 'accepted' && isReviewCurrent(prev, review)) throw new AppError('REPORT_LOCKED', 'reports:errors.locked');
  // A report keeps the version it was started on.
  const form = prev ? requireVersion(ctx, input.formId, prev.version) : latest;
  const ids = new Set(formIndicators(form).map((i) => i.id));
  const values = Object.fromEntries(Object.entries(input.values).filter(([id]) => ids.has(id)));
  if (input.complete) {
    const { year } = assertPeriodKey(input.period);
    const errors = validateReport(form, values, {
      targets: targetsFor(targetsOf(ctx, input.formId, year), office, year),
      communes: communesOf(ctx, office),
    });
    if (!canMarkComplete(errors)) {
      throw new AppError('REPORT_INVALID', 'reports:errors.invalid', { count: errors.filter((e) => e.severity === 'error').length });
    }
  }
  const status = input.complete ? 'complete' : 'draft';
  if (prev && prev.status === status && JSON.stringify(prev.values) === JSON.stringify(values)) return;
  const now = ctx.now();
  const data: ReportData = {
    formId: input.formId,
    version: form.version,
    period: input.period,
    office,
    values,
    status,
    // The first completion counts for timeliness: correcting a returned report does not make it late.
    completedOn: prev?.completedOn ?? (input.complete ? dateInVietnam(now) : null),
    completedAt: input.complete ? now.toISOString() : (prev?.completedAt ?? null),
    updatedBy: ctx.session().officerName,
    updatedAt: now.toISOString(),
  };
  await ctx.store.write([
    { id: reportDocId(input.formId, input.period, office), kind: 'report', owner: office, data },
  ]);
}

export interface ReviewInput {
  formId: string;
  period: string;
  office: string;
  outcome: 'accepted' | 'returned';
  comment: string;
  fieldComments: Record<string, string>;
}

export async function saveReview(ctx: CoreContext, input: ReviewInput): Promise<void> {
  const owner = requireSo(ctx);
  const report = reportOf(ctx, input.formId, input.period, input.office);
  if (!report || report.status !== 'complete') throw new AppError('NOTHING_TO_REVIEW', 'reports:errors.nothingToReview');
  const doc = ctx.store.get(report.id);
  const form = requireVersion(ctx, input.formId, report.version);
  const ids = new Set(formIndicators(form).map((i) => i.id));
  const fieldComments = Object.fromEntries(Object.entries(input.fieldComments).filter(([id, c]) => ids.has(id) && c.trim() !== ''));
  if (input.outcome === 'returned' && !input.comment.trim() && Object.keys(fieldComments).length === 0) {
    throw new AppError('REVIEW_COMMENT_REQUIRED', 'reports:errors.commentRequired');
  }
  const s = ctx.session();
  const data: ReportReviewData = {
    reportId: report.id,
    formId: input.formId,
    period: input.period,
    office: input.office,
    outcome: input.outcome,
    comment: input.comment.trim(),
    fieldComments,
    reportRev: report.rev,
    reportHlc: doc?.hlc ?? report.hlc,
    reviewedBy: s.officerName,
    reviewedAt: ctx.now().toISOString(),
  };
  await ctx.store.write([
    { id: reviewDocId(input.formId, input.period, input.office), kind: 'reportReview', owner, data },
  ]);
}
