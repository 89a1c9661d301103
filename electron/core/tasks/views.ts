import { anyUnitByCode } from '../../domain/profiles/mapping';
import type { CoreContext } from '../runtime/context';
import type { Doc } from '../../domain/document';
import type { DataOf } from '../../domain/documentKinds';
import type {
  AuditEntry,
  Dashboard,
  Directive,
  DirectiveSummary,
  FieldDef,
  Progress,
  Review,
  Task,
  TaskFilter,
  TaskRow,
} from '../../contract/tasks';
import { vnDay } from '../../domain/calendar';
import { addToCounts, assignmentOf, emptyCounts } from './assignment';
import { progressId, reviewId } from './ids';

/** Read models over the store: documents in, the shapes the screens show out. */

/* Documents come typed from the store (store.getAs/listAs read them through their kind's schema). */
export const asDirective = (d: Doc<DataOf<'directive'>>): Directive => ({ ...d.data, id: d.id });
export const asTask = (d: Doc<DataOf<'task'>>): Task => ({ ...d.data, id: d.id });
export const asProgress = (d: Doc<DataOf<'progress'>>): Progress => ({ ...d.data, id: d.id, rev: d.rev, hlc: d.hlc });
export const asReview = (d: Doc<DataOf<'review'>>): Review => ({ ...d.data, id: d.id });

export function fieldDefs(ctx: CoreContext): FieldDef[] {
  const builtIn = ctx.profile().fields.map((f) => ({ code: f.code, name: f.name, custom: false }));
  const custom = ctx.store.listAs('field').map((d) => ({ code: d.id, name: d.data.name, custom: true }));
  return [...builtIn, ...custom];
}

export function fieldName(ctx: CoreContext, code: string | null): string {
  if (!code) return '';
  return fieldDefs(ctx).find((f) => f.code === code)?.name ?? code;
}

export function directivesById(ctx: CoreContext): Map<string, Directive> {
  return new Map(ctx.store.listAs('directive').map((d) => [d.id, asDirective(d)]));
}

export function tasksOf(ctx: CoreContext, directiveId: string): Task[] {
  return ctx.store
    .listAs('task')
    .map(asTask)
    .filter((t) => t.directiveId === directiveId)
    .sort((a, b) => a.order - b.order);
}

function officeName(ctx: CoreContext, code: string): string {
  // A unit of an earlier tree (records keep their owner after a move) keeps its own name.
  return anyUnitByCode(ctx.profile(), code)?.shortName ?? code;
}

/** The task as a row: its directive and every assigned office's position. */
export function taskRow(ctx: CoreContext, task: Task, directive: Directive | undefined, now: Date): TaskRow {
  const assignments = task.assignees.map((office) => {
    const p = ctx.store.getAs('progress', progressId(task.id, office));
    const r = ctx.store.getAs('review', reviewId(task.id, office));
    return assignmentOf(
      task.deadline,
      { code: office, name: officeName(ctx, office) },
      p && !p.deleted ? asProgress(p) : undefined,
      r && !r.deleted ? asReview(r) : undefined,
      now,
    );
  });
  return {
    task,
    directive: directive
      ? { id: directive.id, type: directive.type, number: directive.number, symbol: directive.symbol, date: directive.date, title: directive.title }
      : { id: task.directiveId, type: 'khac', number: '', symbol: '', date: null, title: '' },
    fieldName: fieldName(ctx, task.field),
    assignments,
  };
}

/** Tasks visible to this installation: all of them at the Sở, the office's own elsewhere. */
export function listRows(ctx: CoreContext, filter: TaskFilter): TaskRow[] {
  const session = ctx.session();
  const now = ctx.now();
  const directives = directivesById(ctx);
  const office = session.role === 'office' ? session.office.code : filter.office;
  const rows: TaskRow[] = [];
  for (const doc of ctx.store.listAs('task')) {
    const task = asTask(doc);
    if (filter.directiveId && task.directiveId !== filter.directiveId) continue;
    if (filter.field && task.field !== filter.field) continue;
    if (office && !task.assignees.includes(office)) continue;
    const directive = directives.get(task.directiveId);
    if (!directive) continue;
    const row = taskRow(ctx, task, directive, now);
    const mine = office ? row.assignments.filter((a) => a.office === office) : row.assignments;
    if (filter.status && !mine.some((a) => a.status === filter.status)) continue;
    if (filter.due === 'overdue' && !mine.some((a) => a.due.state === 'overdue')) continue;
    if (filter.due === 'dueSoon' && !mine.some((a) => a.due.state === 'dueSoon' || a.due.state === 'dueToday')) continue;
    rows.push(office ? { ...row, assignments: mine } : row);
  }
  return rows.sort(
    (a, b) =>
      (b.directive.date ?? '').localeCompare(a.directive.date ?? '') ||
      a.directive.id.localeCompare(b.directive.id) ||
      a.task.order - b.task.order,
  );
}

export function directiveSummaries(ctx: CoreContext): DirectiveSummary[] {
  const rows = listRows(ctx, {});
  const out = new Map<string, DirectiveSummary>();
  for (const d of directivesById(ctx).values()) out.set(d.id, { directive: d, taskCount: 0, taskDoneCount: 0, assignmentCount: 0, doneCount: 0, overdueCount: 0 });
  for (const r of rows) {
    const s = out.get(r.task.directiveId);
    if (!s) continue;
    s.taskCount++;
    s.assignmentCount += r.assignments.length;
    const done = r.assignments.filter((a) => a.due.state === 'doneOnTime' || a.due.state === 'doneLate').length;
    s.doneCount += done;
    if (done > 0 && done === r.assignments.length) s.taskDoneCount++;
    s.overdueCount += r.assignments.filter((a) => a.due.state === 'overdue').length;
  }
  return [...out.values()].sort((a, b) => (b.directive.date ?? '').localeCompare(a.directive.date ?? ''));
}

export function dashboard(ctx: CoreContext, directiveId: string | undefined): Dashboard {
  const rows = listRows(ctx, directiveId ? { directiveId } : {});
  const today = vnDay(ctx.now());
  const total = emptyCounts();
  const byField = new Map<string, { field: string; name: string; counts: ReturnType<typeof emptyCounts> }>();
  const byOffice = new Map<string, { office: string; name: string; counts: ReturnType<typeof emptyCounts> }>();
  const overdue: Dashboard['overdue'] = [];
  for (const r of rows) {
    const fieldKey = r.task.field ?? '';
    const f = byField.get(fieldKey) ?? { field: fieldKey, name: r.fieldName, counts: emptyCounts() };
    byField.set(fieldKey, f);
    for (const a of r.assignments) {
      addToCounts(total, a, r.task.deadline, today);
      addToCounts(f.counts, a, r.task.deadline, today);
      const o = byOffice.get(a.office) ?? { office: a.office, name: a.officeName, counts: emptyCounts() };
      byOffice.set(a.office, o);
      addToCounts(o.counts, a, r.task.deadline, today);
      if (a.due.state === 'overdue') overdue.push({ task: r.task, office: a.office, officeName: a.officeName, days: a.due.days, directiveTitle: r.directive.title });
    }
  }
  const profileOrder = ctx.profile().units.map((u) => u.code);
  const offices = [...byOffice.values()]
    .sort((a, b) => profileOrder.indexOf(a.office) - profileOrder.indexOf(b.office))
    .map((o) => ({ code: o.office, name: o.name }));
  return {
    directiveId: directiveId ?? null,
    offices,
    rows,
    byField: [...byField.values()],
    byOffice: offices.map((o) => byOffice.get(o.code)).filter((o): o is NonNullable<typeof o> => Boolean(o)),
    total,
    overdue: overdue.sort((a, b) => b.days - a.days),
  };
}

export function auditFor(ctx: CoreContext, ids: Set<string>): AuditEntry[] {
  return ctx.store
    .listAs('audit')
    .filter((d) => ids.has(d.data.targetId))
    .map((d): AuditEntry => ({ ...d.data, id: d.id }))
    .sort((a, b) => b.at.localeCompare(a.at));
}
