import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { CoreContext } from '../runtime/context';
import type { LocalChange } from '../store/store';
import { AppError } from '../../domain/errors';
import type {
  AttachmentMeta,
  AuditEntry,
  Directive,
  DirectiveInput,
  Progress,
  Review,
  Task,
  TaskInput,
} from '../../contract/tasks';
import { MAX_ATTACHMENT_BYTES, type taskOps } from '../../contract/tasks';
import type { ParsedInputOf } from '../../contract/define';
import { vnDay } from '../../domain/calendar';
import { readAttachmentFile, writeAttachmentFile } from '../files/attachments';
import { diffFields } from './audit';
import { attachmentId, progressId, reviewId } from './ids';
import { missingRequiredContents } from './requiredContents';
import { asDirective, asProgress, asReview, asTask, fieldDefs, tasksOf } from './views';
import { fold } from '../../domain/text';
import { completionDay, completionProblem } from '../../domain/directives/completion';

/** Writes for directives, tasks, progress and reviews. Each write carries its audit entry. */

function requireSo(ctx: CoreContext): string {
  const s = ctx.session();
  if (s.role !== 'so') throw new AppError('SO_ONLY', 'tasks:errors.SO_ONLY');
  return s.office.code;
}

function auditChange(
  ctx: CoreContext,
  target: { id: string; kind: AuditEntry['targetKind'] },
  action: AuditEntry['action'],
  changes: AuditEntry['changes'],
): LocalChange {
  const s = ctx.session();
  const entry: Omit<AuditEntry, 'id'> = {
    targetId: target.id,
    targetKind: target.kind,
    action,
    changes,
    by: s.officerName,
    office: s.office.code,
    at: ctx.now().toISOString(),
  };
  return { kind: 'audit', owner: s.office.code, data: entry };
}

/** A task's data without its id (the id is the document's). */
function taskData(t: Task): Omit<Task, 'id'> {
  const { id: _id, ...data } = t;
  return data;
}

const DIRECTIVE_FIELDS = ['type', 'number', 'symbol', 'date', 'place', 'issuingBody', 'parentBody', 'title', 'signer', 'signerTitle', 'recipients'];
const TASK_FIELDS = ['field', 'content', 'assignees', 'partners', 'deadline', 'requiredContents'];
const PROGRESS_FIELDS = ['status', 'percent', 'narrative', 'reason', 'figures', 'requiredContents', 'attachmentNames', 'completedOn', 'reportRef'];

export async function saveDirective(
  ctx: CoreContext,
  id: string | undefined,
  input: DirectiveInput,
  taskInputs: TaskInput[],
): Promise<{ directive: Directive; tasks: Task[] }> {
  const owner = requireSo(ctx);
  const known = new Set(ctx.profile().units.map((u) => u.code));
  const fields = new Set(fieldDefs(ctx).map((f) => f.code));
  taskInputs.forEach((t, i) => {
    const unknown = t.assignees.find((a) => !known.has(a));
    if (unknown) throw new AppError('UNKNOWN_OFFICE', 'tasks:errors.UNKNOWN_OFFICE', { code: unknown, task: i + 1 });
    if (t.assignees.length === 0) throw new AppError('NO_ASSIGNEE', 'tasks:errors.NO_ASSIGNEE', { task: i + 1 });
    if (t.field && !fields.has(t.field)) throw new AppError('UNKNOWN_FIELD', 'tasks:errors.UNKNOWN_FIELD', { code: t.field, task: i + 1 });
  });
  const directiveId = id ?? uuidv7();
  const prevDoc = id ? ctx.store.get(id) : undefined;
  if (id && (!prevDoc || prevDoc.kind !== 'directive' || prevDoc.deleted)) throw new AppError('NOT_FOUND', 'tasks:errors.NOT_FOUND');
  const s = ctx.session();
  const directiveData = { ...input, createdBy: prevDoc ? String(prevDoc.data['createdBy']) : s.officerName, updatedAt: ctx.now().toISOString() };
  const changes: LocalChange[] = [
    { id: directiveId, kind: 'directive', owner, data: directiveData },
    auditChange(ctx, { id: directiveId, kind: 'directive' }, prevDoc ? 'update' : 'create', diffFields(prevDoc?.data, directiveData, DIRECTIVE_FIELDS)),
  ];
  const existing = new Map(tasksOf(ctx, directiveId).map((t) => [t.id, t]));
  const keep = new Set<string>();
  taskInputs.forEach((t, order) => {
    const taskId = t.id && existing.has(t.id) ? t.id : uuidv7();
    keep.add(taskId);
    const data: Omit<Task, 'id'> = {
      directiveId,
      order,
      field: t.field,
      content: t.content,
      assignees: [...new Set(t.assignees)],
      assigneeGroups: t.assigneeGroups,
      // A unit that leads is not also a partner of the same task.
      ...(t.partners.length > 0 ? { partners: [...new Set(t.partners)].filter((p) => !t.assignees.includes(p)) } : {}),
      deadline: t.deadline,
      requiredContents: t.requiredContents,
    };
    const before = existing.get(taskId);
    const diff = diffFields(before, data, TASK_FIELDS);
    if (before && diff.length === 0 && before.order === order) return;
    changes.push({ id: taskId, kind: 'task', owner, data });
    if (diff.length > 0) changes.push(auditChange(ctx, { id: taskId, kind: 'task' }, before ? 'update' : 'create', diff));
  });
  for (const [taskId, t] of existing) {
    if (keep.has(taskId)) continue;
    changes.push({ id: taskId, kind: 'task', owner, data: taskData(t), deleted: true });
    changes.push(auditChange(ctx, { id: taskId, kind: 'task' }, 'delete', [{ field: 'content', from: t.content, to: '' }]));
  }
  await ctx.store.write(changes);
  const saved = ctx.store.getAs('directive', directiveId);
  if (!saved) throw new AppError('NOT_FOUND', 'tasks:errors.NOT_FOUND');
  return { directive: asDirective(saved), tasks: tasksOf(ctx, directiveId) };
}

export async function deleteDirective(ctx: CoreContext, id: string): Promise<void> {
  const owner = requireSo(ctx);
  const doc = ctx.store.getAs('directive', id);
  if (!doc || doc.deleted) throw new AppError('NOT_FOUND', 'tasks:errors.NOT_FOUND');
  const changes: LocalChange[] = [
    { id, kind: 'directive', owner, data: doc.data, deleted: true },
    auditChange(ctx, { id, kind: 'directive' }, 'delete', [{ field: 'title', from: String(doc.data['title'] ?? ''), to: '' }]),
  ];
  for (const t of tasksOf(ctx, id)) changes.push({ id: t.id, kind: 'task', owner, data: taskData(t), deleted: true });
  await ctx.store.write(changes);
}

export async function addField(ctx: CoreContext, name: string): Promise<void> {
  const owner = requireSo(ctx);
  const clash = fieldDefs(ctx).find((f) => fold(f.name) === fold(name));
  if (clash) throw new AppError('FIELD_EXISTS', 'tasks:errors.FIELD_EXISTS', { name: clash.name });
  await ctx.store.write([{ id: `F_${uuidv7().replace(/-/g, '').slice(-12).toUpperCase()}`, kind: 'field', owner, data: { name } }]);
}

function officeTask(ctx: CoreContext, taskId: string): { task: Task; office: string } {
  const s = ctx.session();
  if (s.role !== 'office') throw new AppError('OFFICE_ONLY', 'tasks:errors.OFFICE_ONLY');
  const doc = ctx.store.getAs('task', taskId);
  if (!doc || doc.deleted) throw new AppError('NOT_FOUND', 'tasks:errors.NOT_FOUND');
  const task = asTask(doc);
  if (!task.assignees.includes(s.office.code)) throw new AppError('NOT_ASSIGNED', 'tasks:errors.NOT_ASSIGNED');
  return { task, office: s.office.code };
}

/** The validated input of progress.save, exactly as the contract parses it. */
export type ProgressInput = ParsedInputOf<(typeof taskOps)['progress.save']>;

export async function saveProgress(ctx: CoreContext, input: ProgressInput): Promise<Progress> {
  const { task, office } = officeTask(ctx, input.taskId);
  if (input.status === 'done') {
    const missing = missingRequiredContents(task.requiredContents, input.requiredContents);
    if (missing.length > 0) {
      throw new AppError('REQUIRED_CONTENTS_MISSING', 'tasks:errors.REQUIRED_CONTENTS_MISSING', { missing: missing.join('; '), count: missing.length });
    }
  }
  if (input.status === 'cannotDo' && !input.reason.trim()) throw new AppError('REASON_REQUIRED', 'tasks:errors.REASON_REQUIRED');
  const attachments: AttachmentMeta[] = input.attachmentIds.map((aid) => {
    const a = ctx.store.getAs('attachment', aid);
    if (!a || a.owner !== office) throw new AppError('NOT_FOUND', 'tasks:errors.ATTACHMENT_NOT_FOUND');
    const { taskId: _taskId, ...meta } = a.data;
    return { ...meta, id: a.id };
  });
  const id = progressId(task.id, office);
  const prevDoc = ctx.store.getAs('progress', id);
  const prev = prevDoc ? asProgress(prevDoc) : undefined;
  const today = vnDay(ctx.now());
  const recorded = prev?.status === 'done' ? prev.completedOn : null;
  const completedOn = input.status === 'done' ? completionDay(input.completedOn, recorded, today) : null;
  if (completedOn !== null && input.completedOn !== null) {
    const assignedOn = ctx.store.getAs('directive', task.directiveId)?.data.date ?? null;
    const problem = completionProblem(completedOn, { today, assignedOn });
    if (problem === 'future') throw new AppError('COMPLETED_IN_FUTURE', 'tasks:errors.COMPLETED_IN_FUTURE', { date: completedOn });
    if (problem === 'beforeAssignment') {
      throw new AppError('COMPLETED_BEFORE_ASSIGNMENT', 'tasks:errors.COMPLETED_BEFORE_ASSIGNMENT', { date: completedOn, assignedOn: assignedOn ?? '' });
    }
  }
  const reportRef = input.reportRef ?? prev?.reportRef;
  const data = {
    taskId: task.id,
    office,
    status: input.status,
    percent: input.status === 'done' ? 100 : input.percent,
    narrative: input.narrative,
    reason: input.status === 'cannotDo' ? input.reason : '',
    figures: input.figures,
    requiredContents: Object.fromEntries(task.requiredContents.map((k) => [k, input.requiredContents[k] ?? ''])),
    attachments,
    // The day typed by the officer; re-saving a finished task keeps the recorded one.
    completedOn,
    ...(reportRef ? { reportRef } : {}),
    updatedBy: ctx.session().officerName,
    updatedAt: ctx.now().toISOString(),
  };
  const forDiff = (p: Omit<Progress, 'id' | 'rev' | 'hlc'>) => ({ ...p, attachmentNames: p.attachments.map((a) => a.name).join(', ') });
  const diff = diffFields(prev && forDiff(prev), forDiff(data), PROGRESS_FIELDS);
  await ctx.store.write([
    { id, kind: 'progress', owner: office, data },
    auditChange(ctx, { id, kind: 'progress' }, prev ? 'update' : 'create', diff),
  ]);
  const saved = ctx.store.getAs('progress', id);
  if (!saved) throw new AppError('NOT_FOUND', 'tasks:errors.NOT_FOUND');
  return asProgress(saved);
}

export async function addAttachment(ctx: CoreContext, input: { taskId: string; name: string; mime: string; base64: string }): Promise<AttachmentMeta> {
  const { office } = officeTask(ctx, input.taskId);
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('ATTACHMENT_TOO_LARGE', 'tasks:errors.attachmentTooLarge', { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  }
  if (bytes.length === 0) throw new AppError('ATTACHMENT_EMPTY', 'tasks:errors.ATTACHMENT_EMPTY');
  const sha256 = await writeAttachmentFile(ctx.dataDir, bytes);
  const meta: Omit<AttachmentMeta, 'id'> = {
    name: path.basename(input.name.replace(/\\/g, '/')),
    size: bytes.length,
    sha256,
    mime: input.mime || 'application/octet-stream',
    addedAt: ctx.now().toISOString(),
  };
  const id = attachmentId(office, sha256);
  await ctx.store.write([{ id, kind: 'attachment', owner: office, data: { ...meta, taskId: input.taskId } }]);
  return { ...meta, id };
}

export async function readAttachment(ctx: CoreContext, id: string): Promise<{ meta: AttachmentMeta; bytes: Buffer }> {
  const doc = ctx.store.getAs('attachment', id);
  if (!doc) throw new AppError('NOT_FOUND', 'tasks:errors.ATTACHMENT_NOT_FOUND');
  const { taskId: _taskId, ...stored } = doc.data;
  const meta: AttachmentMeta = { ...stored, id };
  try {
    return { meta, bytes: await readAttachmentFile(ctx.dataDir, meta.sha256) };
  } catch {
    throw new AppError('ATTACHMENT_FILE_MISSING', 'tasks:errors.ATTACHMENT_FILE_MISSING', { name: meta.name });
  }
}

export async function saveReview(
  ctx: CoreContext,
  input: { taskId: string; office: string; outcome: 'accepted' | 'returned'; comment: string },
): Promise<Review> {
  const owner = requireSo(ctx);
  const progress = ctx.store.get(progressId(input.taskId, input.office));
  if (!progress || progress.deleted || progress.data['status'] !== 'done') {
    throw new AppError('NOTHING_TO_REVIEW', 'tasks:errors.NOTHING_TO_REVIEW');
  }
  if (input.outcome === 'returned' && !input.comment.trim()) throw new AppError('COMMENT_REQUIRED', 'tasks:errors.COMMENT_REQUIRED');
  const id = reviewId(input.taskId, input.office);
  const prev = ctx.store.getAs('review', id);
  const data: Omit<Review, 'id'> = {
    taskId: input.taskId,
    office: input.office,
    outcome: input.outcome,
    comment: input.comment,
    progressHlc: progress.hlc,
    reviewedBy: ctx.session().officerName,
    reviewedAt: ctx.now().toISOString(),
  };
  await ctx.store.write([
    { id, kind: 'review', owner, data },
    auditChange(ctx, { id, kind: 'review' }, prev ? 'update' : 'create', diffFields(prev?.data, data, ['outcome', 'comment'])),
  ]);
  const saved = ctx.store.getAs('review', id);
  if (!saved) throw new AppError('NOT_FOUND', 'tasks:errors.NOT_FOUND');
  return asReview(saved);
}
