import { z } from 'zod';
import { op } from './define';
import type { NoticeProposal } from '../domain/directives/extract/proposal';

/**
 * Directives (văn bản chỉ đạo), their tasks (nhiệm vụ), offices' progress (tiến độ), the Sở's
 * review (đánh giá), the dashboard, search, exports. Glossary:
 *   lĩnh vực = field of work; số/ký hiệu = document number/symbol; trích yếu = summary line;
 *   nơi nhận = recipients; thường xuyên = ongoing (no end date).
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tasks:errors.dateFormat');
const text = (max: number) => z.string().trim().max(max);
const officeCode = z.string().regex(/^[A-Z0-9_-]{2,32}$/);

/** `text` keeps the notice's own words ("Thời gian 30/7/2022 thực hiện xong"). */
export const DeadlineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: isoDate, text: z.string().max(300).optional() }),
  z.object({ kind: z.literal('ongoing'), text: z.string().max(300).optional() }),
  z.object({
    kind: z.literal('recurring'),
    every: z.enum(['month', 'quarter', 'half', 'year']),
    day: z.number().int().min(1).max(31).optional(),
    month: z.number().int().min(1).max(12).optional(),
    text: z.string().max(300).optional(),
  }),
  z.object({ kind: z.literal('none') }),
]);
export type Deadline = z.infer<typeof DeadlineSchema>;

export const DIRECTIVE_TYPES = ['thongBaoKetLuan', 'keHoach', 'congVan', 'quyetDinh', 'thongBao', 'chiThi', 'khac'] as const;
export const DirectiveTypeSchema = z.enum(DIRECTIVE_TYPES);
export type DirectiveType = z.infer<typeof DirectiveTypeSchema>;

export const DirectiveInputSchema = z.object({
  type: DirectiveTypeSchema,
  number: text(20),
  symbol: text(60),
  date: isoDate.nullable(),
  place: text(80),
  issuingBody: text(200),
  /** Cơ quan chủ quản printed above the issuing body ("UBND TỈNH LẠNG SƠN"). */
  parentBody: text(200).default(''),
  title: text(1000).min(1, 'tasks:errors.titleRequired'),
  signer: text(120),
  signerTitle: text(200),
  recipients: z.array(text(300)).max(100),
  text: z.string().max(500_000),
});
export type DirectiveInput = z.infer<typeof DirectiveInputSchema>;

export const TaskInputSchema = z.object({
  /** Present when editing an existing task. */
  id: z.string().max(100).optional(),
  field: z.string().max(40).nullable(),
  content: text(5000).min(1, 'tasks:errors.contentRequired'),
  assignees: z.array(officeCode).max(200),
  assigneeGroups: z.array(z.string().max(40)).max(20).default([]),
  /** Units that work with the lead (phối hợp): shown with the task, not assigned to report on it. */
  partners: z.array(officeCode).max(200).default([]),
  deadline: DeadlineSchema,
  requiredContents: z.array(text(300).min(1)).max(50).default([]),
});
export type TaskInput = z.infer<typeof TaskInputSchema>;

export interface Directive extends DirectiveInput {
  id: string;
  createdBy: string;
  updatedAt: string;
}

export interface Task {
  id: string;
  directiveId: string;
  order: number;
  field: string | null;
  content: string;
  assignees: string[];
  assigneeGroups: string[];
  /** Phối hợp units (absent on tasks saved before they were kept apart). */
  partners?: string[];
  deadline: Deadline;
  requiredContents: string[];
}

export const PROGRESS_STATUSES = ['notStarted', 'inProgress', 'done', 'cannotDo'] as const;
export const ProgressStatusSchema = z.enum(PROGRESS_STATUSES);
export type ProgressStatus = z.infer<typeof ProgressStatusSchema>;

export const FigureSchema = z.object({
  label: text(200).min(1),
  value: z.number().finite(),
  unit: text(40),
});
export type Figure = z.infer<typeof FigureSchema>;

/** Số and ngày of the document an office reported with (văn bản báo cáo). */
export const ReportRefSchema = z.object({ number: text(60), date: isoDate.nullable() }).strict();
export type ReportRef = z.infer<typeof ReportRefSchema>;

export interface AttachmentMeta {
  id: string;
  name: string;
  size: number;
  sha256: string;
  mime: string;
  addedAt: string;
}

export interface Progress {
  id: string;
  taskId: string;
  office: string;
  status: ProgressStatus;
  percent: number | null;
  narrative: string;
  reason: string;
  figures: Figure[];
  /** Required content item -> what the office wrote for it. */
  requiredContents: Record<string, string>;
  attachments: AttachmentMeta[];
  /** Day (YYYY-MM-DD, Vietnam) the task was really finished, as the office recorded it. */
  completedOn: string | null;
  /** Số/ngày of the office's report document; absent on records older than issue 13. */
  reportRef?: ReportRef;
  updatedBy: string;
  updatedAt: string;
  rev: number;
  hlc: string;
}

export type ReviewOutcome = 'accepted' | 'returned';
export interface Review {
  id: string;
  taskId: string;
  office: string;
  outcome: ReviewOutcome;
  comment: string;
  /** The progress version this review looked at. */
  progressHlc: string;
  reviewedBy: string;
  reviewedAt: string;
}

export type DueStateName = 'ongoing' | 'none' | 'upcoming' | 'dueSoon' | 'dueToday' | 'overdue' | 'doneOnTime' | 'doneLate';

/** One office's position on one task, as both sides see it. */
export interface Assignment {
  office: string;
  officeName: string;
  status: ProgressStatus;
  percent: number | null;
  due: { state: DueStateName; days: number };
  review: ReviewOutcome | null;
  /** The office changed its progress after the last review. */
  changedSinceReview: boolean;
  updatedAt: string | null;
}

export interface TaskRow {
  task: Task;
  directive: Pick<Directive, 'id' | 'type' | 'number' | 'symbol' | 'date' | 'title'>;
  fieldName: string;
  assignments: Assignment[];
}

export interface AuditEntry {
  id: string;
  targetId: string;
  targetKind: 'directive' | 'task' | 'progress' | 'review';
  action: 'create' | 'update' | 'delete';
  changes: Array<{ field: string; from: string; to: string }>;
  by: string;
  office: string;
  at: string;
}

export interface TaskDetail {
  row: TaskRow;
  directive: Directive;
  progress: Progress[];
  reviews: Review[];
  audit: AuditEntry[];
}

export interface DirectiveSummary {
  directive: Directive;
  taskCount: number;
  /** Tasks every assigned office has completed: the "13/14 hoàn thành" figure. */
  taskDoneCount: number;
  assignmentCount: number;
  doneCount: number;
  overdueCount: number;
}

export interface FieldDef {
  code: string;
  name: string;
  custom: boolean;
}

export interface DashboardCounts {
  assigned: number;
  due: number;
  doneOnTime: number;
  doneLate: number;
  inProgress: number;
  overdue: number;
  notStarted: number;
  cannotDo: number;
}

export interface Dashboard {
  directiveId: string | null;
  /** Tasks × offices, each cell one assignment. */
  offices: Array<{ code: string; name: string }>;
  rows: TaskRow[];
  byField: Array<{ field: string; name: string; counts: DashboardCounts }>;
  byOffice: Array<{ office: string; name: string; counts: DashboardCounts }>;
  total: DashboardCounts;
  overdue: Array<{ task: Task; office: string; officeName: string; days: number; directiveTitle: string }>;
}

export interface SearchHit {
  kind: 'directive' | 'task' | 'progress';
  id: string;
  taskId: string | null;
  directiveId: string | null;
  title: string;
  snippet: string;
  office: string | null;
}

export interface FileOut {
  fileName: string;
  mime: string;
  base64: string;
  /** The export holds personal data (ID numbers) and must be handled accordingly. */
  personalData: boolean;
}

export interface ProgressReportData {
  office: { code: string; name: string; parentBody: string; symbol: string; place: string };
  parentBody: string;
  date: string;
  rows: Array<{ task: Task; directive: Pick<Directive, 'type' | 'number' | 'symbol' | 'date' | 'title'>; fieldName: string; progress: Progress | null; review: ReviewOutcome | null; due: { state: DueStateName; days: number } }>;
  counts: DashboardCounts;
  signerName: string;
}

/** A pasted notice read into an editable draft; `proposal` keeps what was read and the warnings. */
export interface ExtractResult {
  draft: { directive: DirectiveInput; tasks: TaskInput[] };
  proposal: NoticeProposal;
}

/** Largest notice file accepted (.docx/.pdf/.txt), as core/directives/readNoticeFile limits it. */
export const MAX_NOTICE_FILE_BYTES = 20 * 1024 * 1024;
/** A notice file chosen in the UI, uploaded as bytes (base64 over the JSON bridge); never a path. */
export const NoticeFileInSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    base64: z.string().max(Math.ceil((MAX_NOTICE_FILE_BYTES * 4) / 3) + 8, 'tasks:errors.noticeFileTooLarge'),
  })
  .strict();
export type NoticeFileIn = z.infer<typeof NoticeFileInSchema>;

/** A notice file read and extracted: the draft plus what the file was (the text is draft.directive.text). */
export interface ExtractFileResult extends ExtractResult {
  source: { name: string; format: 'docx' | 'pdf' | 'txt'; pages: number | null };
}

const TaskFilterSchema = z
  .object({
    directiveId: z.string().max(100).optional(),
    field: z.string().max(40).optional(),
    status: ProgressStatusSchema.optional(),
    due: z.enum(['dueSoon', 'overdue']).optional(),
    office: officeCode.optional(),
  })
  .strict();
export type TaskFilter = z.infer<typeof TaskFilterSchema>;

const empty = z.object({}).strict();
const byId = z.object({ id: z.string().min(1).max(100) }).strict();

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const taskOps = {
  'fields.list': op(empty).returns<FieldDef[]>(),
  'fields.add': op(z.object({ name: text(200).min(2) }).strict()).returns<FieldDef[]>(),

  'directives.list': op(empty).returns<DirectiveSummary[]>(),
  'directives.get': op(byId).returns<{ directive: Directive; tasks: Task[] }>(),
  'directives.save': op(
    z.object({ id: z.string().max(100).optional(), directive: DirectiveInputSchema, tasks: z.array(TaskInputSchema).max(500) }).strict(),
  ).returns<{ directive: Directive; tasks: Task[] }>(),
  'directives.delete': op(byId).returns<{ deleted: true }>(),
  /** Proposal from pasted notice text; nothing is saved. */
  'directives.extract': op(z.object({ text: z.string().min(1).max(500_000) }).strict()).returns<ExtractResult>(),
  /** Proposal from an uploaded notice file (Word, PDF with a text layer, text); nothing is saved. */
  'directives.extractFile': op(z.object({ file: NoticeFileInSchema }).strict()).returns<ExtractFileResult>(),
  'directives.loadSample': op(empty).returns<{ directive: Directive; tasks: Task[] }>(),

  'tasks.list': op(TaskFilterSchema).returns<TaskRow[]>(),
  'tasks.get': op(byId).returns<TaskDetail>(),

  'progress.save': op(
    z
      .object({
        taskId: z.string().min(1).max(100),
        status: ProgressStatusSchema,
        percent: z.number().int().min(0).max(100).nullable(),
        narrative: z.string().max(20_000),
        reason: z.string().max(5_000).default(''),
        figures: z.array(FigureSchema).max(100).default([]),
        requiredContents: z.record(z.string().max(300), z.string().max(20_000)).default({}),
        attachmentIds: z.array(z.string().max(100)).max(50).default([]),
        /** The day the task was really finished; null = keep the recorded one, or today. */
        completedOn: isoDate.nullable().default(null),
        reportRef: ReportRefSchema.optional(),
      })
      .strict()
      .refine((p) => p.completedOn === null || p.status === 'done', { message: 'tasks:errors.COMPLETED_ONLY_WHEN_DONE', path: ['completedOn'] }),
  ).returns<Progress>(),
  'attachments.add': op(
    z
      .object({
        taskId: z.string().min(1).max(100),
        name: z.string().trim().min(1).max(255),
        mime: z.string().max(200),
        base64: z.string().max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8, 'tasks:errors.attachmentTooLarge'),
      })
      .strict(),
  ).returns<AttachmentMeta>(),
  'attachments.get': op(byId).returns<FileOut>(),

  'reviews.save': op(
    z
      .object({
        taskId: z.string().min(1).max(100),
        office: officeCode,
        outcome: z.enum(['accepted', 'returned']),
        comment: z.string().max(5_000),
      })
      .strict(),
  ).returns<Review>(),

  'dashboard.get': op(z.object({ directiveId: z.string().max(100).optional() }).strict()).returns<Dashboard>(),
  'search.query': op(z.object({ q: z.string().max(200) }).strict()).returns<SearchHit[]>(),

  'exports.matrixXlsx': op(z.object({ directiveId: z.string().max(100).optional() }).strict()).returns<FileOut>(),
  'exports.officeTasksXlsx': op(z.object({ office: officeCode.optional() }).strict()).returns<FileOut>(),
  'exports.progressReport': op(z.object({ office: officeCode.optional(), directiveId: z.string().max(100).optional() }).strict()).returns<ProgressReportData>(),
};
