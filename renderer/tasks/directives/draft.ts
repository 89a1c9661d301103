import type { Output } from '../../../electron/contract';
import type { Directive, DirectiveInput, ExtractResult, Task, TaskInput } from '../../../electron/contract/tasks';

type OrgProfile = Output<'app.profile'>;
export type Proposal = ExtractResult['proposal'];
export type ExtractWarning = Proposal['warnings'][number];

/**
 * The directive editor's working copy. Tasks carry a local `key` for React; everything else
 * is exactly what `directives.save` takes.
 */
export interface DraftTask extends TaskInput {
  key: string;
  /** From a pasted notice: what the extractor could not decide, and its remarks on this task. */
  hint?: {
    undecided: Array<'field' | 'assignees' | 'deadline'>;
    warnings: ExtractWarning[];
    /** The lead (chủ trì) as the notice writes it, profile unit or not. */
    lead?: string | null;
    /** "trước ngày X": the day X as written; the proposed date is X − 1. */
    beforeDay?: string | null;
  };
}
export interface Draft {
  directive: DirectiveInput;
  tasks: DraftTask[];
}
let seq = 0;
export const newKey = (): string => `k${Date.now().toString(36)}${(seq++).toString(36)}`;

export function newTask(field: string | null): DraftTask {
  return { key: newKey(), field, content: '', assignees: [], assigneeGroups: [], partners: [], deadline: { kind: 'none' }, requiredContents: [] };
}

export function emptyDraft(profile: OrgProfile | undefined, issuer: { name: string } | undefined): Draft {
  return {
    directive: {
      type: 'thongBaoKetLuan',
      number: '',
      symbol: '',
      date: null,
      place: profile?.province ?? '',
      issuingBody: issuer?.name ?? '',
      parentBody: profile?.parentBody ?? '',
      title: '',
      signer: '',
      signerTitle: '',
      recipients: [],
      text: '',
    },
    tasks: [],
  };
}

export function draftFromSaved(d: Directive, tasks: Task[]): Draft {
  const { id: _id, createdBy: _c, updatedAt: _u, ...directive } = d;
  return {
    directive: { ...directive, parentBody: directive.parentBody ?? '' },
    tasks: tasks.map((t) => ({
      key: newKey(),
      id: t.id,
      field: t.field,
      content: t.content,
      assignees: t.assignees,
      assigneeGroups: t.assigneeGroups ?? [],
      partners: t.partners ?? [],
      deadline: t.deadline,
      requiredContents: t.requiredContents ?? [],
    })),
  };
}

export function draftFromExtract(r: ExtractResult): Draft {
  return {
    directive: { ...r.draft.directive, parentBody: r.draft.directive.parentBody ?? '' },
    tasks: r.draft.tasks.map((t, i) => {
      const undecided: Array<'field' | 'assignees' | 'deadline'> = [];
      if (!t.field) undecided.push('field');
      if (t.assignees.length === 0) undecided.push('assignees');
      if (t.deadline.kind === 'none') undecided.push('deadline');
      return {
        ...t,
        key: newKey(),
        assigneeGroups: t.assigneeGroups ?? [],
        partners: t.partners ?? [],
        requiredContents: t.requiredContents ?? [],
        hint: {
          undecided,
          warnings: r.proposal.warnings.filter((w) => w.taskIndex === i),
          lead: r.proposal.tasks[i]?.lead ?? null,
          beforeDay: r.proposal.tasks[i]?.beforeDay ?? null,
        },
      };
    }),
  };
}

/** Unit codes a group of the organisation profile stands for (mirror of the core's rule). */
export function groupMembers(profile: OrgProfile, groupCode: string): string[] {
  const g = profile.groups.find((x) => x.code === groupCode);
  if (!g) return [];
  const m = g.members;
  if ('type' in m) return profile.units.filter((u) => u.type === m.type).map((u) => u.code);
  return m.codes.filter((c) => profile.units.some((u) => u.code === c));
}

/** Groups wholly contained in the chosen assignees (kept with the task for display). */
export function coveredGroups(profile: OrgProfile, assignees: string[]): string[] {
  const set = new Set(assignees);
  return profile.groups
    .filter((g) => {
      const members = groupMembers(profile, g.code);
      return members.length > 0 && members.every((c) => set.has(c));
    })
    .map((g) => g.code);
}

/** Sort assignees in profile order so the same choice always reads the same. */
export function inProfileOrder(profile: OrgProfile, codes: string[]): string[] {
  const order = new Map(profile.units.map((u, i) => [u.code, i]));
  return [...new Set(codes)].sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999));
}

/** Tasks grouped by lĩnh vực, groups in order of first appearance. */
export function groupByField(tasks: DraftTask[]): Array<{ field: string | null; tasks: DraftTask[] }> {
  const groups: Array<{ field: string | null; tasks: DraftTask[] }> = [];
  for (const t of tasks) {
    const g = groups.find((x) => x.field === t.field);
    if (g) g.tasks.push(t);
    else groups.push({ field: t.field, tasks: [t] });
  }
  return groups;
}

/** The save input: tasks in their displayed (grouped) order, blank required contents dropped. */
export function toSaveInput(profile: OrgProfile | undefined, draft: Draft): { directive: DirectiveInput; tasks: TaskInput[] } {
  const ordered = groupByField(draft.tasks).flatMap((g) => g.tasks);
  return {
    directive: {
      ...draft.directive,
      recipients: draft.directive.recipients.map((r) => r.trim()).filter(Boolean),
    },
    tasks: ordered.map(({ key: _key, hint: _hint, ...t }) => ({
      ...t,
      assignees: profile ? inProfileOrder(profile, t.assignees) : t.assignees,
      assigneeGroups: profile ? coveredGroups(profile, t.assignees) : t.assigneeGroups,
      requiredContents: t.requiredContents.map((r) => r.trim()).filter(Boolean),
    })),
  };
}

/** What the officer must fix before saving; `task` is 1-based in displayed order. */
export type DraftIssue =
  | { kind: 'title' }
  | { kind: 'content'; task: number }
  | { kind: 'assignees'; task: number }
  | { kind: 'deadlineDate'; task: number };

export function draftIssues(draft: Draft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  if (!draft.directive.title.trim()) issues.push({ kind: 'title' });
  groupByField(draft.tasks)
    .flatMap((g) => g.tasks)
    .forEach((t, i) => {
      if (!t.content.trim()) issues.push({ kind: 'content', task: i + 1 });
      if (t.assignees.length === 0) issues.push({ kind: 'assignees', task: i + 1 });
      if (t.deadline.kind === 'date' && !t.deadline.date) issues.push({ kind: 'deadlineDate', task: i + 1 });
    });
  return issues;
}

export type MetaKey = 'type' | 'number' | 'symbol' | 'date' | 'place' | 'issuingBody' | 'parentBody' | 'title' | 'signer' | 'signerTitle' | 'recipients';

/** Directive fields the extractor left empty: highlighted until the officer fills them. */
export function undecidedMeta(p: Proposal | undefined): Set<MetaKey> {
  const out = new Set<MetaKey>();
  if (!p) return out;
  const d = p.directive;
  const keys: Array<Exclude<MetaKey, 'recipients'>> = ['type', 'number', 'symbol', 'date', 'place', 'issuingBody', 'parentBody', 'title', 'signer', 'signerTitle'];
  for (const k of keys) if (d[k] === null || d[k] === '') out.add(k);
  if (d.recipients.length === 0) out.add('recipients');
  return out;
}

/** How "trước ngày X" is read: due the day before X (strict, the default) or on X itself. */
export type BeforeReading = 'dayBefore' | 'sameDay';

/** The day before an ISO date (calendar arithmetic in UTC: no time zone can shift it). */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Applies the "trước ngày X" reading to every task whose deadline was read from such words and
 * still holds one of the two readings (a date the officer typed himself is left alone).
 */
export function applyBeforeReading(tasks: DraftTask[], reading: BeforeReading): DraftTask[] {
  return tasks.map((t) => {
    const x = t.hint?.beforeDay;
    if (!x || t.deadline.kind !== 'date') return t;
    const strict = dayBefore(x);
    if (t.deadline.date !== x && t.deadline.date !== strict) return t;
    const date = reading === 'sameDay' ? x : strict;
    return date === t.deadline.date ? t : { ...t, deadline: { ...t.deadline, date } };
  });
}

/** Whether any task's deadline was read from "trước ngày X" (the setting is shown only then). */
export const hasBeforeDeadlines = (tasks: DraftTask[]): boolean => tasks.some((t) => Boolean(t.hint?.beforeDay) && t.deadline.kind === 'date');
