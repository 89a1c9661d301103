import type { CoreContext } from '../runtime/context';
import type { SearchHit } from '../../contract/tasks';
import { fold } from '../../domain/text';
import { asDirective, asProgress, asTask, listRows } from './views';

const MAX_HITS = 100;

function snippet(text: string, foldedTerms: string[]): string {
  const folded = fold(text);
  const at = Math.max(0, folded.indexOf(foldedTerms[0] ?? '') - 40);
  const s = text.replace(/\s+/g, ' ').slice(at, at + 160);
  return (at > 0 ? '…' : '') + s + (text.length > at + 160 ? '…' : '');
}

/**
 * Search directives, tasks and progress ignoring case and diacritics: every word of the query
 * must appear ("van quan" finds "Văn Quan"). A plain scan over folded text: a Sở holds a few
 * thousand of these documents, well within a scan, and there is no index to keep in step.
 */
export function searchTasks(ctx: CoreContext, q: string): SearchHit[] {
  const terms = fold(q).split(' ').filter(Boolean);
  if (terms.length === 0) return [];
  const matches = (hay: string): boolean => {
    const f = fold(hay);
    return terms.every((t) => f.includes(t));
  };
  const session = ctx.session();
  const visibleTasks = new Set(listRows(ctx, {}).map((r) => r.task.id));
  const hits: SearchHit[] = [];
  for (const d of ctx.store.listAs('directive').map(asDirective)) {
    const hay = [d.title, d.number, d.symbol, d.signer, d.text, d.issuingBody].join(' ');
    if (matches(hay)) hits.push({ kind: 'directive', id: d.id, taskId: null, directiveId: d.id, title: d.title, snippet: snippet(d.title || d.text, terms), office: null });
  }
  for (const t of ctx.store.listAs('task').map(asTask)) {
    if (!visibleTasks.has(t.id)) continue;
    const offices = t.assignees.map((a) => `${ctx.unit(a)?.name ?? ''} ${ctx.unit(a)?.shortName ?? ''}`).join(' ');
    if (matches(`${t.content} ${offices} ${t.requiredContents.join(' ')}`)) {
      hits.push({ kind: 'task', id: t.id, taskId: t.id, directiveId: t.directiveId, title: t.content.slice(0, 160), snippet: snippet(t.content, terms), office: null });
    }
  }
  for (const p of ctx.store.listAs('progress').map(asProgress)) {
    if (!visibleTasks.has(p.taskId)) continue;
    if (session.role === 'office' && p.office !== session.office.code) continue;
    const officeName = ctx.unit(p.office)?.name ?? p.office;
    const hay = `${p.narrative} ${p.reason} ${Object.values(p.requiredContents).join(' ')} ${officeName}`;
    if (matches(hay)) {
      const task = ctx.store.get(p.taskId);
      hits.push({
        kind: 'progress',
        id: p.id,
        taskId: p.taskId,
        directiveId: task ? String(task.data['directiveId']) : null,
        title: `${ctx.unit(p.office)?.shortName ?? p.office}: ${String(task?.data['content'] ?? '').slice(0, 120)}`,
        snippet: snippet(p.narrative || hay, terms),
        office: p.office,
      });
    }
  }
  return hits.slice(0, MAX_HITS);
}
