import type { CoreContext } from '../runtime/context';
import { AppError } from '../../domain/errors';
import type { CompletenessView, ConsolidationView, DueItem, Report, ReportOpen, TargetsView } from '../../contract/reports';
import { completeness, reportState, type ReportState } from '../../domain/reports/completeness';
import { consolidate, consolidatePeriods, type ReportForConsolidation } from '../../domain/reports/consolidate';
import {
  allForms,
  isReviewCurrent,
  officeRef,
  officesOf,
  officesOfPeriods,
  reportOf,
  reportsOf,
  requireLatest,
  requireOffice,
  requireSo,
  requireVersion,
  reviewOf,
  receiptOf,
  statusInput,
  summaryOf,
  targetsOf,
  versionsOf,
} from './docs';
import { communesOf, prefillFacts } from './facts';
import { formPeriodsOfYear, isNumericType, reportingOffices } from '../../domain/reports/form';
import { assertFormPeriod, periodsToShow, periodsUpTo } from '../../domain/reports/periodsOfForm';
import { assertPeriodKey, dateInVietnam, dueDate } from '../../domain/reports/periods';
import { prefillValues } from './prefill';
import { targetsFor } from '../../domain/reports/targets';
import { indicatorsAcrossVersions, latestForm } from '../../domain/reports/versions';

/** Read models of the reports feature: documents in, the shapes the screens show out. */

const today = (ctx: CoreContext): string => dateInVietnam(ctx.now());

/** Every report this office owes or has, needing action first. */
export function dueList(ctx: CoreContext): DueItem[] {
  const office = requireOffice(ctx);
  const asOf = today(ctx);
  const items: DueItem[] = [];
  const forms = allForms(ctx);
  for (const formId of new Set(forms.map((f) => f.formId))) {
    const form = latestForm(forms, formId);
    if (!form || !reportingOffices(form, ctx.profile()).includes(office)) continue;
    const own = reportsOf(ctx, formId).filter((r) => r.office === office);
    const periods = periodsToShow(form, asOf, own.map((r) => r.period));
    const inputs = own.map((r) => statusInput(r, reviewOf(ctx, formId, r.period, office), receiptOf(ctx, r.id)));
    const result = completeness({ form, offices: [office], periods, reports: inputs, asOf });
    for (const cell of result.cells) {
      const report = own.find((r) => r.period === cell.period) ?? null;
      const review = reviewOf(ctx, formId, cell.period, office);
      items.push({
        formId,
        formTitle: form.title,
        version: report?.version ?? form.version,
        period: cell.period,
        dueDate: cell.dueDate,
        state: cell.state,
        status: report?.status ?? null,
        overdue: cell.overdue,
        daysOverdue: cell.daysOverdue,
        updatedAt: report?.updatedAt ?? null,
        comments: review?.outcome === 'returned' ? Object.keys(review.fieldComments).length + (review.comment ? 1 : 0) : 0,
      });
    }
  }
  const open = (s: ReportState): boolean => s === 'notStarted' || s === 'draft' || s === 'returned';
  return items.sort((a, b) =>
    open(a.state) !== open(b.state)
      ? open(a.state)
        ? -1
        : 1
      : open(a.state)
        ? a.dueDate.localeCompare(b.dueDate)
        : b.dueDate.localeCompare(a.dueDate),
  );
}

/** A report as it opens on screen: its form version, values, review, targets and prefill. */
export function openReport(ctx: CoreContext, formId: string, period: string, office: string | undefined): ReportOpen {
  const s = ctx.session();
  const code = s.role === 'office' ? s.office.code : office;
  if (!code) throw new AppError('OFFICE_REQUIRED', 'reports:errors.officeRequired');
  if (s.role === 'office' && office && office !== code) throw new AppError('NOT_YOURS', 'reports:errors.notYours');
  const latest = requireLatest(ctx, formId);
  assertFormPeriod(latest, period);
  const report = reportOf(ctx, formId, period, code);
  const form = report ? requireVersion(ctx, formId, report.version) : latest;
  const review = reviewOf(ctx, formId, period, code);
  const due = dueDate(latest.dueRule, period);
  const { year } = assertPeriodKey(period);
  const prefill =
    s.role === 'office' && !report ? prefillValues(form, prefillFacts(ctx, code, form, period)) : { values: report?.values ?? {}, filled: [] };
  const current = isReviewCurrent(report, review);
  return {
    form,
    latestVersion: latest.version,
    office: officeRef(ctx, code),
    period,
    dueDate: due,
    report,
    review,
    receipt: report ? receiptOf(ctx, report.id) : null,
    reviewCurrent: current,
    state: report ? reportState(statusInput(report, review, receiptOf(ctx, report.id)), due) : 'notStarted',
    locked: current && review?.outcome === 'accepted',
    values: Object.fromEntries(Object.entries(prefill.values).filter((e): e is [string, NonNullable<(typeof e)[1]>] => e[1] !== undefined)),
    prefilled: prefill.filled,
    targets: targetsFor(targetsOf(ctx, formId, year), code, year),
    communes: communesOf(ctx, code),
  };
}

/** Targets of every reporting office for a form and year; an office sees its own only. */
export function targetsView(ctx: CoreContext, formId: string, year: number): TargetsView {
  const s = ctx.session();
  const form = requireLatest(ctx, formId);
  const offices = officesOf(ctx, form).filter((o) => s.role === 'so' || o.code === s.office.code);
  const targets = targetsOf(ctx, formId, year);
  return {
    formId,
    year,
    offices,
    indicators: form.sections.flatMap((sec) =>
      sec.indicators
        .filter((i) => isNumericType(i.type))
        .map((i) => ({ id: i.id, label: i.label, unit: i.unit, type: i.type, section: sec.title })),
    ),
    values: Object.fromEntries(offices.map((o) => [o.code, targetsFor(targets, o.code, year)])),
  };
}

export function completenessView(ctx: CoreContext, formId: string, year: number): CompletenessView {
  requireSo(ctx);
  const form = requireLatest(ctx, formId);
  const periods = formPeriodsOfYear(form, year);
  const offices = officesOf(ctx, form);
  const codes = new Set(offices.map((o) => o.code));
  const reports = reportsOf(ctx, formId, periods)
    .filter((r) => codes.has(r.office))
    .map((r) => statusInput(r, reviewOf(ctx, formId, r.period, r.office), receiptOf(ctx, r.id)));
  const asOf = today(ctx);
  return {
    form: summaryOf(ctx, versionsOf(ctx, formId)),
    year,
    asOf,
    periods,
    offices,
    result: completeness({ form, offices: offices.map((o) => o.code), periods, reports, asOf }),
  };
}

/** Reports that count in the figures: sent and not returned (or accepted only). */
function usableReports(ctx: CoreContext, formId: string, offices: Set<string>, acceptedOnly: boolean): Report[] {
  const form = requireLatest(ctx, formId);
  return reportsOf(ctx, formId).filter((r) => {
    if (!offices.has(r.office)) return false;
    const state = reportState(statusInput(r, reviewOf(ctx, formId, r.period, r.office), receiptOf(ctx, r.id)), dueDate(form.dueRule, r.period));
    return acceptedOnly ? state === 'accepted' : state === 'sentOnTime' || state === 'sentLate' || state === 'accepted';
  });
}

export function consolidationView(ctx: CoreContext, formId: string, period: string, acceptedOnly: boolean): ConsolidationView {
  requireSo(ctx);
  const latest = requireLatest(ctx, formId);
  assertFormPeriod(latest, period);
  const forms = versionsOf(ctx, formId);
  // Across a reorganisation each period is summed over the units of its own tree: a 2024
  // report of a district office and a 2026 report of a commune both reach their province total.
  const offices = officesOfPeriods(ctx, latest, [period]);
  const seriesOffices = officesOfPeriods(ctx, latest, periodsUpTo(reportsOf(ctx, formId).map((r) => r.period), period, 8));
  const usable = usableReports(ctx, formId, new Set([...offices, ...seriesOffices].map((o) => o.code)), acceptedOnly);
  const reports: ReportForConsolidation[] = usable.map((r) => ({
    office: r.office,
    period: r.period,
    formId,
    formVersion: r.version,
    values: r.values,
  }));
  const input = { forms, reports, offices: offices.map((o) => o.code), targets: targetsOf(ctx, formId) };
  const consolidation = consolidate({ ...input, period, indicatorIds: indicatorsAcrossVersions(forms).map((i) => i.id) });
  const periods = periodsUpTo(
    usable.map((r) => r.period),
    period,
    8,
  );
  return {
    formId,
    formTitle: latest.title,
    period,
    offices,
    acceptedOnly,
    included: reports.filter((r) => r.period === period).length,
    consolidation,
    series: consolidatePeriods({ ...input, offices: seriesOffices.map((o) => o.code), indicatorIds: consolidation.indicators.map((i) => i.id) }, periods),
  };
}

