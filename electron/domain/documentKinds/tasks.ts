import { z } from 'zod';

/**
 * `data` of the documents of directives and tasks, as core/tasks/writes.ts writes them.
 * Objects are not strict: a newer app may add a field, and an older one must still accept
 * the record (and keep the field, since the store keeps the data it was given).
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const instant = z.string().min(1);
const officeCode = z.string().regex(/^[A-Z0-9_-]{2,32}$/);

export const DeadlineDataSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: isoDate, text: z.string().optional() }),
  z.object({ kind: z.literal('ongoing'), text: z.string().optional() }),
  z.object({
    kind: z.literal('recurring'),
    every: z.enum(['month', 'quarter', 'half', 'year']),
    day: z.number().int().min(1).max(31).optional(),
    month: z.number().int().min(1).max(12).optional(),
    text: z.string().optional(),
  }),
  z.object({ kind: z.literal('none') }),
]);

export const DirectiveDataSchema = z.object({
  type: z.enum(['thongBaoKetLuan', 'keHoach', 'congVan', 'quyetDinh', 'thongBao', 'chiThi', 'khac']),
  number: z.string(),
  symbol: z.string(),
  date: isoDate.nullable(),
  place: z.string(),
  issuingBody: z.string(),
  parentBody: z.string(),
  title: z.string().min(1),
  signer: z.string(),
  signerTitle: z.string(),
  recipients: z.array(z.string()),
  text: z.string(),
  createdBy: z.string(),
  updatedAt: instant,
});

export const TaskDataSchema = z.object({
  directiveId: z.string().min(1),
  order: z.number().int().nonnegative(),
  field: z.string().nullable(),
  content: z.string().min(1),
  assignees: z.array(officeCode),
  assigneeGroups: z.array(z.string()),
  /** Phối hợp units; absent on tasks written before lead and partners were kept apart. */
  partners: z.array(officeCode).optional(),
  deadline: DeadlineDataSchema,
  requiredContents: z.array(z.string()),
});

export const AttachmentMetaSchema = z.object({
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  /** The file's name in the attachments folder: only a hash, never a path. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mime: z.string(),
  addedAt: instant,
});

export const AttachmentDataSchema = AttachmentMetaSchema.extend({ taskId: z.string().min(1) });

export const ProgressDataSchema = z.object({
  taskId: z.string().min(1),
  office: officeCode,
  status: z.enum(['notStarted', 'inProgress', 'done', 'cannotDo']),
  percent: z.number().finite().nullable(),
  narrative: z.string(),
  reason: z.string(),
  figures: z.array(z.object({ label: z.string(), value: z.number().finite(), unit: z.string() })),
  requiredContents: z.record(z.string(), z.string()),
  attachments: z.array(AttachmentMetaSchema.extend({ id: z.string().min(1) })),
  /** The day the task was really finished (typed by the office since issue 13; before, the day it was marked done). */
  completedOn: isoDate.nullable(),
  /**
   * Số/ngày of the office's report document. Optional: records written before issue 13 have
   * none, and they stay valid.
   */
  reportRef: z.object({ number: z.string(), date: isoDate.nullable() }).optional(),
  updatedBy: z.string(),
  updatedAt: instant,
});

export const ReviewDataSchema = z.object({
  taskId: z.string().min(1),
  office: officeCode,
  outcome: z.enum(['accepted', 'returned']),
  comment: z.string(),
  progressHlc: z.string().min(1),
  reviewedBy: z.string(),
  reviewedAt: instant,
});

/** A field of work the Sở added beside the profile's. */
export const FieldDataSchema = z.object({ name: z.string().min(1) });

export const AuditDataSchema = z.object({
  targetId: z.string().min(1),
  targetKind: z.enum(['directive', 'task', 'progress', 'review']),
  action: z.enum(['create', 'update', 'delete']),
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
  by: z.string(),
  office: officeCode,
  at: instant,
});
