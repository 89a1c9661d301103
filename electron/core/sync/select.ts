import { DOC_KINDS, type Doc, type DocKind } from '../../domain/document';
import { LOCAL_KINDS, PER_OFFICE_KINDS as PER_OFFICE, SO_TO_OFFICE_KINDS as SO_TO_OFFICE } from '../../domain/documentKinds';
import { bump, covers, type Vector } from './vector';

/**
 * What travels to one recipient. Pure: our documents in, the documents for the next bundle out.
 *
 * Bundles are cumulative: everything relevant to the recipient that it has not acknowledged
 * (per writer, see vector.ts), so a lost bundle costs nothing. Relevance:
 *   the Sở → an office: fields, report forms and org units; tasks assigned to the office and
 *     their directives; reviews, targets and report reviews for that office;
 *   an office → the Sở, and any PC → another PC of its own office: every document it owns.
 * Tasks and directives can become relevant (a task assigned later) or stop being relevant
 * (assignment removed): those already shared keep travelling so the office sees the change,
 * and a newly relevant one travels even if it is older than the acknowledged watermark.
 */
export type SelectMode = 'soToOffice' | 'toSo' | 'sameOffice';

export interface SelectInput {
  mode: SelectMode;
  ourOffice: string;
  recipientOffice: string;
  /** Documents of a kind, deleted ones included. */
  docsOf: (kind: DocKind) => readonly Doc[];
  acked: Vector;
  /** Task/directive ids the recipient has acknowledged holding. */
  sharedAcked: ReadonlySet<string>;
  /** … or that were sent at all (acknowledged or not). */
  everShared: ReadonlySet<string>;
}

export interface Selection {
  docs: Doc[];
  /** Task/directive ids in this bundle. */
  shared: string[];
  /** acked ⊔ what this bundle carries: what the recipient holds once it imports it. */
  vector: Vector;
}

/*
 * What an office receives from the Sở (SO_TO_OFFICE), and which of it only when data.office
 * names that office (PER_OFFICE): the registry's `soSends`. The rest stays home.
 */

export function selectForRecipient(input: SelectInput): Selection {
  const docs: Doc[] = [];
  const shared: string[] = [];
  const vector: Vector = { ...input.acked };
  const take = (d: Doc): void => {
    docs.push(d);
    bump(vector, d.hlc);
  };
  const ours = (kind: DocKind): Doc[] => input.docsOf(kind).filter((d) => d.owner === input.ourOffice);

  if (input.mode !== 'soToOffice') {
    for (const kind of DOC_KINDS) {
      if (LOCAL_KINDS.has(kind)) continue;
      for (const d of ours(kind)) if (!covers(input.acked, d.hlc)) take(d);
    }
    return { docs, shared, vector };
  }

  const X = input.recipientOffice;
  const needs = (d: Doc, relevant: boolean): boolean =>
    (relevant || input.everShared.has(d.id)) && (!covers(input.acked, d.hlc) || (relevant && !input.sharedAcked.has(d.id)));

  const directiveIds = new Set<string>();
  for (const t of ours('task')) {
    const assignees = t.data['assignees'];
    const assigned = Array.isArray(assignees) && assignees.includes(X);
    if (assigned || input.everShared.has(t.id)) directiveIds.add(String(t.data['directiveId'] ?? ''));
    if (needs(t, assigned)) {
      take(t);
      shared.push(t.id);
    }
  }
  for (const d of ours('directive')) {
    if (needs(d, directiveIds.has(d.id))) {
      take(d);
      shared.push(d.id);
    }
  }
  for (const kind of SO_TO_OFFICE) {
    if (kind === 'task' || kind === 'directive') continue;
    for (const d of ours(kind)) {
      if (PER_OFFICE.has(kind) && d.data['office'] !== X) continue;
      if (!covers(input.acked, d.hlc)) take(d);
    }
  }
  return { docs, shared, vector };
}

/** Offices (other than ours) a document of ours is meant for; for the record status. */
export function recipientsOf(d: Doc, weAreSo: boolean, soCode: string, tasksOfDirective: (id: string) => readonly Doc[]): string[] | 'all' {
  if (LOCAL_KINDS.has(d.kind)) return [];
  if (!weAreSo) return [soCode];
  if (!SO_TO_OFFICE.has(d.kind)) return [];
  if (PER_OFFICE.has(d.kind)) return typeof d.data['office'] === 'string' ? [d.data['office']] : [];
  const assigneesOf = (t: Doc): string[] => (Array.isArray(t.data['assignees']) ? (t.data['assignees'] as unknown[]).map(String) : []);
  if (d.kind === 'task') return assigneesOf(d);
  if (d.kind === 'directive') return [...new Set(tasksOfDirective(d.id).flatMap(assigneesOf))];
  return 'all';
}
