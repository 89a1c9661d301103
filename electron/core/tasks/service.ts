import type { ServiceOf } from '../../contract/define';
import type { taskOps, TaskDetail } from '../../contract/tasks';
import { AppError } from '../../domain/errors';
import type { CoreContext } from '../runtime/context';
import { extractNotice } from '../../domain/directives/extract';
import { SAMPLE_NOTICE_TEXT } from '../../domain/directives/sampleNotice';
import { draftFromProposal } from './fromProposal';
import { readNoticeFile } from '../directives/readNoticeFile';
import { addAttachment, addField, deleteDirective, readAttachment, saveDirective, saveProgress, saveReview } from './writes';
import { asDirective, asProgress, asReview, asTask, auditFor, dashboard, directiveSummaries, fieldDefs, listRows, taskRow, tasksOf } from './views';
import { searchTasks } from './search';
import { matrixXlsx, officeTasksXlsx, progressReport } from './exports';
import { progressId, reviewId } from './ids';

export function createTaskService(ctx: CoreContext): ServiceOf<typeof taskOps> {
  const extract = (text: string) => {
    const proposal = extractNotice(text, ctx.profile(), { fields: fieldDefs(ctx) });
    return { proposal, draft: draftFromProposal(proposal, text) };
  };
  return {
    'fields.list': async () => fieldDefs(ctx),
    'fields.add': async ({ name }) => {
      await addField(ctx, name);
      return fieldDefs(ctx);
    },
    'directives.list': async () => directiveSummaries(ctx),
    'directives.get': async ({ id }) => {
      const doc = ctx.store.getAs('directive', id);
      if (!doc || doc.deleted) throw new AppError('NOT_FOUND', 'tasks:errors.NOT_FOUND');
      return { directive: asDirective(doc), tasks: tasksOf(ctx, id) };
    },
    'directives.save': async ({ id, directive, tasks }) => saveDirective(ctx, id, directive, tasks),
    'directives.delete': async ({ id }) => {
      await deleteDirective(ctx, id);
      return { deleted: true };
    },
    'directives.extract': async ({ text }) => extract(text),
    'directives.extractFile': async ({ file }) => {
      const read = await readNoticeFile(new Uint8Array(Buffer.from(file.base64, 'base64')), file.name);
      return { ...extract(read.text), source: { name: file.name, format: read.format, pages: read.pages ?? null } };
    },
    'directives.loadSample': async () => {
      const { draft, proposal } = extract(SAMPLE_NOTICE_TEXT);
      // Training data: where the notice names several fields for one line, take the first.
      const tasks = draft.tasks.map((t, i) => ({ ...t, field: t.field ?? proposal.tasks[i]?.fieldCandidates[0] ?? null }));
      return saveDirective(ctx, undefined, draft.directive, tasks);
    },
    'tasks.list': async (filter) => listRows(ctx, filter),
    'tasks.get': async ({ id }): Promise<TaskDetail> => {
      const doc = ctx.store.getAs('task', id);
      if (!doc || doc.deleted) throw new AppError('NOT_FOUND', 'tasks:errors.NOT_FOUND');
      const task = asTask(doc);
      const session = ctx.session();
      if (session.role === 'office' && !task.assignees.includes(session.office.code)) throw new AppError('NOT_ASSIGNED', 'tasks:errors.NOT_ASSIGNED');
      const dDoc = ctx.store.getAs('directive', task.directiveId);
      if (!dDoc) throw new AppError('NOT_FOUND', 'tasks:errors.NOT_FOUND');
      const directive = asDirective(dDoc);
      const offices = session.role === 'office' ? [session.office.code] : task.assignees;
      const row = taskRow(ctx, task, directive, ctx.now());
      const progress = offices.flatMap((o) => {
        const p = ctx.store.getAs('progress', progressId(task.id, o));
        return p && !p.deleted ? [asProgress(p)] : [];
      });
      const reviews = offices.flatMap((o) => {
        const r = ctx.store.getAs('review', reviewId(task.id, o));
        return r && !r.deleted ? [asReview(r)] : [];
      });
      const ids = new Set([task.id, ...offices.map((o) => progressId(task.id, o)), ...offices.map((o) => reviewId(task.id, o))]);
      return {
        row: session.role === 'office' ? { ...row, assignments: row.assignments.filter((a) => a.office === session.office.code) } : row,
        directive,
        progress,
        reviews,
        audit: auditFor(ctx, ids),
      };
    },
    'progress.save': async (input) => saveProgress(ctx, input),
    'attachments.add': async (input) => addAttachment(ctx, input),
    'attachments.get': async ({ id }) => {
      const { meta, bytes } = await readAttachment(ctx, id);
      return { fileName: meta.name, mime: meta.mime, base64: bytes.toString('base64'), personalData: false };
    },
    'reviews.save': async (input) => saveReview(ctx, input),
    'dashboard.get': async ({ directiveId }) => dashboard(ctx, directiveId),
    'search.query': async ({ q }) => searchTasks(ctx, q),
    'exports.matrixXlsx': async ({ directiveId }) => matrixXlsx(ctx, directiveId),
    'exports.officeTasksXlsx': async ({ office }) => officeTasksXlsx(ctx, office),
    'exports.progressReport': async ({ office, directiveId }) => progressReport(ctx, office, directiveId),
  };
}
