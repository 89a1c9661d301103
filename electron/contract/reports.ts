import { z } from 'zod';
import { op } from './define';
import type { FileOut } from './tasks';
import { FormIdSchema, IndicatorIdSchema, SectionSchema, type IndicatorType, type ReportForm } from '../domain/reports/form';
import { DueRuleSchema, PeriodKeySchema, type DueRule, type IsoDate, type PeriodType } from '../domain/reports/periods';
import { ReportValuesSchema, type IndicatorValue } from '../domain/reports/values';
import type { CompletenessResult, CompletenessTotals, ReportState } from '../domain/reports/completeness';
import type { Consolidation } from '../domain/reports/consolidate';
import { CutoffSchema, type Cutoff } from '../domain/reports/window';

/**
 * Periodic reports (báo cáo định kỳ): forms designed by the Sở, targets (chỉ tiêu kế hoạch
 * giao), reports filled by the offices, the Sở's review, completeness and consolidation.
 *
 * The pure domain (electron/core/reports) is re-exported here so the renderer validates a
 * report offline with exactly the function the core runs on save and on import.
 */
export {
  validateReport,
  validateField,
  canMarkComplete,
  renderRuleMessage,
  type FieldError,
  type ValidateOptions,
} from '../domain/reports/validate';
export {
  formIndicators,
  formPeriodsOfYear,
  findIndicator,
  isNumericType,
  INDICATOR_TYPES,
  type ReportForm,
  type Indicator,
  type IndicatorType,
  type Section,
  type Column,
  type CellType,
} from '../domain/reports/form';
export { periodLabel, periodRange, dueDate, PERIOD_TYPES, type PeriodType, type DueRule } from '../domain/reports/periods';
export { isEmptyValue, numberOf, type ReportValues, type IndicatorValue, type TableValue, type CellValue } from '../domain/reports/values';
export {
  REPORT_STATES,
  shownState,
  type ReportState,
  type ShownState,
  type CompletenessResult,
  type CompletenessCell,
  type CompletenessTotals,
  type ChaseItem,
} from '../domain/reports/completeness';
export type { Consolidation, ConsolidatedIndicator, OfficeFigure, Note, TotalKind } from '../domain/reports/consolidate';
export { diffVersions, versionProblems } from '../domain/reports/versions';

/** Document ids are derived, so each office has exactly one report per form and period. */
export const formDocId = (formId: string, version: number): string => `${formId}@v${version}`;
export const reportDocId = (formId: string, period: string, office: string): string => `rp_${formId}_${period}_${office}`;
export const reviewDocId = (formId: string, period: string, office: string): string => `rr_${formId}_${period}_${office}`;
export const targetDocId = (formId: string, year: number, office: string): string => `tg_${formId}_${year}_${office}`;

export type ReportStatus = 'draft' | 'complete';
export type ReviewOutcome = 'accepted' | 'returned';

/** `data` of a `report` document (owner: the office). */
export interface ReportData {
  formId: string;
  version: number;
  period: string;
  office: string;
  values: Record<string, IndicatorValue>;
  status: ReportStatus;
  /** Vietnamese date the report was first marked complete; kept when corrected later. */
  completedOn: IsoDate | null;
  /** Instant of the latest "mark complete". */
  completedAt: string | null;
  updatedBy: string;
  updatedAt: string;
}
export interface Report extends ReportData {
  id: string;
  rev: number;
  hlc: string;
}

/** `data` of a `reportReview` document (owner: the Sở). */
export interface ReportReviewData {
  reportId: string;
  formId: string;
  period: string;
  office: string;
  outcome: ReviewOutcome;
  comment: string;
  /** Indicator id -> the Sở's comment shown at that field. */
  fieldComments: Record<string, string>;
  /** The report revision and HLC the reviewer saw. */
  reportRev: number;
  reportHlc: string;
  reviewedBy: string;
  reviewedAt: string;
}
export interface ReportReview extends ReportReviewData {
  id: string;
}

/** `data` of a `target` document (owner: the Sở): one office's targets for a form and year. */
export interface TargetData {
  formId: string;
  year: number;
  office: string;
  values: Record<string, number>;
  updatedBy: string;
  updatedAt: string;
}

export interface OfficeRef {
  code: string;
  name: string;
}

export interface FormVersionInfo {
  version: number;
  title: string;
  indicators: number;
}

export interface FormSummary {
  formId: string;
  title: string;
  periodType: PeriodType;
  onlyPeriods?: number[];
  dueRule: DueRule;
  /** Cut-off window; absent = the calendar period. */
  cutoff?: Cutoff;
  latest: number;
  versions: FormVersionInfo[];
  offices: OfficeRef[];
}

/** One report an office owes, with where it stands. */
export interface DueItem {
  formId: string;
  formTitle: string;
  version: number;
  period: string;
  dueDate: IsoDate;
  state: ReportState;
  status: ReportStatus | null;
  overdue: boolean;
  daysOverdue: number;
  updatedAt: string | null;
  /** Comments the Sở left when it returned the report. */
  comments: number;
}

export interface ReportOpen {
  form: ReportForm;
  latestVersion: number;
  office: OfficeRef;
  period: string;
  dueDate: IsoDate;
  report: Report | null;
  review: ReportReview | null;
  /**
   * At the Sở: when the bundle with the first complete version was made at the office and
   * when the Sở imported it (timeliness at the Sở is measured by the receipt); null elsewhere.
   */
  receipt: { sentAt: string; receivedAt: string } | null;
  /** The review looked at the current revision of the report. */
  reviewCurrent: boolean;
  state: ReportState;
  /** Accepted by the Sở: nothing can change any more. */
  locked: boolean;
  /** Starting values: the saved report, else figures the app already knows. */
  values: Record<string, IndicatorValue>;
  prefilled: string[];
  /** The office's targets for the period's year, by indicator id. */
  targets: Record<string, number>;
  communes: OfficeRef[];
}

export interface TargetIndicator {
  id: string;
  label: string;
  unit: string;
  type: IndicatorType;
  section: string;
}

export interface TargetsView {
  formId: string;
  year: number;
  offices: OfficeRef[];
  indicators: TargetIndicator[];
  /** Office -> indicator id -> target. */
  values: Record<string, Record<string, number>>;
}

export interface CompletenessView {
  form: FormSummary;
  year: number;
  asOf: IsoDate;
  periods: string[];
  offices: OfficeRef[];
  result: CompletenessResult;
}

export interface ConsolidationView {
  formId: string;
  formTitle: string;
  period: string;
  offices: OfficeRef[];
  acceptedOnly: boolean;
  /** Reports that went into the figures. */
  included: number;
  consolidation: Consolidation;
  /** The same figures over the form's periods up to this one, oldest first. */
  series: Consolidation[];
}

export interface NarrativeSection {
  indicatorId: string;
  label: string;
  entries: Array<{ office: string; officeName: string; text: string }>;
}

/** Everything the printed BÁO CÁO (Nghị định 30/2020 layout) shows. */
export interface ReportPrintData {
  issuer: { name: string; parentBody: string; symbol: string; place: string };
  date: IsoDate;
  title: string;
  /** Trích yếu: "Kết quả công tác … 6 tháng đầu năm 2022". */
  subject: string;
  periodLabel: string;
  view: ConsolidationView;
  completeness: CompletenessTotals;
  sentOffices: string[];
  missingOffices: string[];
  narrative: NarrativeSection[];
  /** The latest version's sections, to group the figures as the form does. */
  sections: Array<{ title: string; indicatorIds: string[] }>;
}

const empty = z.object({}).strict();
const officeCode = z.string().regex(/^[A-Z0-9_-]{2,32}$/);
const year = z.number().int().min(2000).max(2100);
const byPeriod = z.object({ formId: FormIdSchema, period: PeriodKeySchema, acceptedOnly: z.boolean().default(false) }).strict();

export const reportOps = {
  'reports.forms': op(empty).returns<FormSummary[]>(),
  'reports.form': op(z.object({ formId: FormIdSchema, version: z.number().int().min(1).optional() }).strict()).returns<ReportForm>(),
  /** Saves the default profile's forms that are not there yet (Sở only). */
  'reports.installDefaults': op(empty).returns<FormSummary[]>(),
  /** A new version of a form from the latest one (`basedOn` guards against editing a stale copy). */
  'reports.saveVersion': op(
    z
      .object({
        formId: FormIdSchema,
        basedOn: z.number().int().min(1),
        changes: z
          .object({
            title: z.string().trim().min(1).max(300).optional(),
            dueRule: DueRuleSchema.optional(),
            /** The cut-off window (domain/reports/window.ts); null = the calendar period. */
            cutoff: CutoffSchema.nullable().optional(),
            sections: z.array(SectionSchema).min(1).max(50).optional(),
          })
          .strict(),
      })
      .strict(),
  ).returns<ReportForm>(),

  'reports.targets': op(z.object({ formId: FormIdSchema, year }).strict()).returns<TargetsView>(),
  'reports.saveTargets': op(
    z
      .object({
        formId: FormIdSchema,
        year,
        values: z.record(officeCode, z.record(IndicatorIdSchema, z.number().finite().min(0).max(1e13).nullable())),
      })
      .strict(),
  ).returns<TargetsView>(),

  'reports.due': op(empty).returns<DueItem[]>(),
  'reports.open': op(z.object({ formId: FormIdSchema, period: PeriodKeySchema, office: officeCode.optional() }).strict()).returns<ReportOpen>(),
  'reports.save': op(
    z.object({ formId: FormIdSchema, period: PeriodKeySchema, values: ReportValuesSchema, complete: z.boolean() }).strict(),
  ).returns<ReportOpen>(),
  'reports.review': op(
    z
      .object({
        formId: FormIdSchema,
        period: PeriodKeySchema,
        office: officeCode,
        outcome: z.enum(['accepted', 'returned']),
        comment: z.string().trim().max(5_000),
        fieldComments: z.record(IndicatorIdSchema, z.string().trim().max(2_000)).default({}),
      })
      .strict(),
  ).returns<ReportOpen>(),

  'reports.completeness': op(z.object({ formId: FormIdSchema, year }).strict()).returns<CompletenessView>(),
  'reports.consolidate': op(byPeriod).returns<ConsolidationView>(),
  'reports.exportXlsx': op(byPeriod).returns<FileOut>(),
  'reports.printData': op(byPeriod).returns<ReportPrintData>(),
};
