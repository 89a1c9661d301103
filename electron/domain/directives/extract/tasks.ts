import { unitByCode, type OrgProfile } from '../../org';
import { parseDeadline, type DeadlineContext, type DeadlineIssue } from './deadline';
import { chooseField, hasFieldPrefix, matchFields, splitFieldLabel, type FieldSource } from './fields';
import {
  findOfficeMentions,
  isEmptyReading,
  namesOffice,
  readOffices,
  resolveAssignees,
  type OfficeReading,
} from './assignees';
import { foldKeep, splitSentences, wordCount } from './normalize';
import type { DirectiveProposal, TaskProposal } from './proposal';
import { contentsFromChildren, extractRequiredContents } from './requiredContents';
import { leadOf } from './lead';
import { isNonRequest, isRequest, requestPart, splitDatedDuties } from './requests';
import { isHeadingLike, type OutlineNode } from './structure';
import { rowDeadlineText, rowPartners, type TableRow } from './taskTables';
import { warning, type ExtractWarning, type ExtractWarningCode } from './warnings';

/**
 * Tasks are the leaves of the list that follows a request ("yêu cầu ... thực hiện một số nhiệm
 * vụ sau:", "đề nghị ... nội dung sau:", a "TỔ CHỨC THỰC HIỆN" or "Nhiệm vụ ..." section).
 * Items above a leaf are headings: a field ("- Lĩnh vực giảm nghèo, bảo trợ xã hội") or the
 * offices doing the work ("1. Trường Cao đẳng nghề Lạng Sơn"). Numbered narrative before the
 * request (the assessment of the past period) is not a task.
 */

export interface TaskContext {
  profile: OrgProfile;
  directive: DirectiveProposal;
  /** Units never taken as assignees: the issuing body itself. */
  exclude: string[];
  deadline: DeadlineContext;
}

const TRIGGER_RE =
  /(?<![a-z])(nhiem vu|yeu cau|de nghi|giao cho|giao nhiem vu|phan cong|to chuc thuc hien|cac viec sau|trach nhiem)(?![a-z])/;

const lastSentence = (text: string): string => splitSentences(text).at(-1) ?? text;

/** "Mục đích, yêu cầu" sections describe the plan; their "yêu cầu" asks nobody for anything. */
const isPurposeSection = (node: OutlineNode): boolean =>
  /^(?:[ivx]+\.|\d+\.|[a-z]\))?\s*(muc dich|muc tieu|yeu cau\s*:?$|yeu cau chung)(?![a-z])/.test(foldKeep(node.text.trim()));

function isIntro(node: OutlineNode): boolean {
  if (node.children.length === 0 || isPurposeSection(node)) return false;
  const t = node.text.trim();
  if (!TRIGGER_RE.test(foldKeep(lastSentence(t)))) return false;
  return t.endsWith(':') || isHeadingLike(node);
}

/** The heading part of an item: before its colon, or all of it. */
function labelOf(node: OutlineNode): string {
  const t = node.text.trim();
  const colon = t.indexOf(':');
  return colon > 0 ? t.slice(0, colon).trim() : t;
}

function isEmptyHeading(leaf: OutlineNode): boolean {
  const t = leaf.text.trim();
  return t.endsWith(':') || (leaf.kind !== 'para' && isHeadingLike(leaf) && hasFieldPrefix(t) && wordCount(t) <= 10);
}

interface Slot {
  node: OutlineNode;
  /** Headings between the request and the item, nearest first. */
  chain: OutlineNode[];
  notice: OfficeReading | null;
  contents: string[] | null;
  /** The request line the item sits under ("1. Giao Sở …:"), when there is one. */
  intro?: string;
  /** A row of a task table: its chủ trì, phối hợp and thời gian cells. */
  row?: TableRow;
}

const FIELD_WARNING: Record<FieldSource, ExtractWarningCode | null> = {
  heading: null,
  content: 'fieldFromContent',
  title: 'fieldFromTitle',
  draftingUnit: 'fieldFromDraftingUnit',
};

/** "qua Phòng Bảo trợ xã hội - Giảm nghèo" names an office, not the task's field. */
function withoutOfficeNames(text: string, profile: OrgProfile): string {
  let out = text.normalize('NFC');
  for (const m of findOfficeMentions(out, profile)) out = out.slice(0, m.start) + ' '.repeat(m.end - m.start) + out.slice(m.end);
  return out;
}

function buildTask(slot: Slot, index: number, ctx: TaskContext): { task: TaskProposal; warnings: ExtractWarning[] } {
  const { profile, directive, exclude } = ctx;
  const warnings: ExtractWarning[] = [];
  const add = (code: ExtractWarningCode, params: Record<string, string | number> = {}): void => {
    warnings.push(warning(code, { task: index + 1, ...params }, index));
  };
  const text = slot.node.text.trim();
  const row = slot.row;
  const officeLabel = (label: string): boolean => namesOffice(label, profile, exclude);

  // Field.
  const split = splitFieldLabel(text, profile, officeLabel);
  const headingNode = slot.chain.find((h) => matchFields(labelOf(h), profile).length > 0 && !officeLabel(labelOf(h)));
  const fieldHeading = split.heading ?? (headingNode ? labelOf(headingNode) : null);
  const drafting = directive.draftingUnit ? unitByCode(profile, directive.draftingUnit) : undefined;
  const choice = chooseField(profile, [
    { source: 'heading', texts: fieldHeading ? [fieldHeading] : [] },
    { source: 'content', texts: [withoutOfficeNames(split.content, profile)] },
    { source: 'title', texts: directive.title ? [directive.title] : [] },
    { source: 'draftingUnit', texts: drafting ? [drafting.name, ...drafting.aliases] : [] },
  ]);
  if (choice.field && choice.source) {
    const code = FIELD_WARNING[choice.source];
    if (code) add(code, { field: choice.field, ...(choice.source === 'draftingUnit' ? { unit: drafting?.shortName ?? '' } : {}) });
  } else if (choice.candidates.length > 1) add('fieldAmbiguous', { candidates: choice.candidates.join(', ') });
  else add('fieldMissing');

  // Assignees.
  const own = readOffices(row ? row.lead : text, profile, exclude);
  const headings = slot.chain.map((h) => readOffices(labelOf(h), profile, exclude));
  const who = resolveAssignees(profile, own, headings, slot.notice);
  for (const issue of who.issues) add(issue.code, issue.params);

  // Required contents, kept out of the deadline reading ("thời gian thực hiện" is a content).
  const inline = extractRequiredContents(text);
  const requiredContents = slot.contents ?? inline.items;
  if (!slot.contents && inline.stated !== null && inline.stated !== inline.items.length) {
    add('requiredContentsCountMismatch', { stated: inline.stated, found: inline.items.length });
  }
  const masked = inline.span
    ? text.slice(0, inline.span[0]) + ' '.repeat(inline.span[1] - inline.span[0]) + text.slice(inline.span[1])
    : text;

  // Deadline: the item's own words, else a heading's ("Lĩnh vực X (hoàn thành trong quý III/2022)").
  // A table row's deadline is its thời gian cell.
  const ownDeadline = parseDeadline(row ? rowDeadlineText(row.time) : masked, ctx.deadline);
  let deadline = ownDeadline.deadline;
  let beforeDay = ownDeadline.beforeDay ?? null;
  const issues: DeadlineIssue[] = [...ownDeadline.issues];
  if (deadline.kind === 'none' && issues.length === 0) {
    for (const h of slot.chain) {
      const r = parseDeadline(h.text, ctx.deadline);
      if (r.deadline.kind === 'none') continue;
      deadline = r.deadline;
      beforeDay = r.beforeDay ?? null;
      issues.push(...r.issues, { code: 'deadlineFromHeading', params: { text: labelOf(h) } });
      break;
    }
  }
  for (const issue of issues) add(issue.code, issue.params);

  // The lead as written: the item, the headings above it, the lead-in, the one addressee.
  const addressees = directive.addressees;
  const lead =
    (row && row.lead ? row.lead : null) ??
    leadOf(text) ??
    slot.chain.map((h) => leadOf(h.text)).find((x) => x !== null) ??
    (slot.intro ? leadOf(lastSentence(slot.intro)) : null) ??
    (addressees.length === 1 ? addressees[0] ?? null : null);
  if (lead === null && who.assignees.length === 0 && !who.issues.some((i) => i.code === 'assigneesMissing')) add('assigneesMissing');

  return {
    task: {
      lead,
      field: choice.field,
      fieldCandidates: choice.field ? [] : choice.candidates,
      fieldHeading,
      content: split.content,
      assignees: who.assignees,
      assigneeGroups: who.assigneeGroups,
      assigneeSource: who.source,
      partners: row ? rowPartners(row.partners, profile, exclude) : who.partners,
      deadline,
      beforeDay,
      requiredContents,
    },
    warnings,
  };
}

function leafChildren(node: OutlineNode): boolean {
  return node.children.every((c) => c.children.length === 0);
}

/** Items under a request, depth first; headings are recorded, leaves become tasks. */
function collect(node: OutlineNode, chain: OutlineNode[], notice: OfficeReading | null, out: Slot[], warnings: ExtractWarning[], intro?: string): void {
  const extra = intro === undefined ? {} : { intro };
  for (const child of node.children) {
    if (child.children.length > 0) {
      const contents = leafChildren(child) && !isIntro(child)
        ? contentsFromChildren(child.text, child.children.map((c) => c.text))
        : null;
      if (contents) out.push({ node: child, chain, notice, contents, ...extra });
      else collect(child, [child, ...chain], notice, out, warnings, intro);
    } else if (isEmptyHeading(child)) {
      warnings.push(warning('headingWithoutTasks', { text: child.text.trim() }));
    } else if (!isNonRequest(child.text)) out.push({ node: child, chain, notice, contents: null, ...extra });
  }
}

function findIntros(nodes: OutlineNode[], out: OutlineNode[]): void {
  for (const n of nodes) {
    if (isPurposeSection(n)) continue;
    if (isIntro(n)) out.push(n);
    else findIntros(n.children, out);
  }
}

function allLeaves(nodes: OutlineNode[], chain: OutlineNode[], out: Array<{ node: OutlineNode; chain: OutlineNode[] }>): void {
  for (const n of nodes) {
    if (isPurposeSection(n)) continue;
    if (n.children.length > 0) allLeaves(n.children, n.kind === 'para' ? chain : [n, ...chain], out);
    else if (n.kind !== 'para' && !isEmptyHeading(n)) out.push({ node: n, chain });
  }
}


/** Request sentences of the paragraphs outside any list (a news item, a công văn without items). */
function requestSentences(nodes: OutlineNode[], out: Array<{ node: OutlineNode; chain: OutlineNode[] }>): void {
  for (const n of nodes) {
    if (isPurposeSection(n)) continue;
    if (n.kind === 'para') {
      for (const sentence of splitSentences(n.text)) {
        const request = requestPart(sentence);
        if (request === null) continue;
        for (const duty of splitDatedDuties(request)) out.push({ node: { ...n, text: duty, children: [] }, chain: [] });
      }
    }
    if (n.children.length > 0) requestSentences(n.children, out);
  }
}

export function buildTasks(outline: OutlineNode[], ctx: TaskContext, rows: TableRow[] = []): { tasks: TaskProposal[]; warnings: ExtractWarning[] } {
  const warnings: ExtractWarning[] = [];
  const slots: Slot[] = rows.map((row) => ({ node: { kind: 'para', text: row.content, children: [] }, chain: [], notice: null, contents: null, row }));
  const { profile, exclude } = ctx;
  const addressees = ctx.directive.addressees.join('; ');
  const byAddressees = addressees ? readOffices(addressees, profile, exclude) : null;

  const intros: OutlineNode[] = [];
  findIntros(outline, intros);
  for (const intro of intros) {
    const fromIntro = readOffices(lastSentence(intro.text), profile, exclude);
    collect(intro, [], isEmptyReading(fromIntro) ? byAddressees : fromIntro, slots, warnings, intro.text);
  }

  if (intros.length === 0 && rows.length === 0) {
    // No request sentence: offer the list items (or requesting paragraphs) and say so.
    // Only requests to act: a list item that asks (or sits under a heading that asks), or a request sentence.
    const items: Array<{ node: OutlineNode; chain: OutlineNode[] }> = [];
    allLeaves(outline, [], items);
    const leaves = items.filter((l) => isRequest(l.node.text) || l.chain.some((h) => isRequest(h.text)));
    if (leaves.length === 0) requestSentences(outline, leaves);
    for (const l of leaves) slots.push({ node: l.node, chain: l.chain, notice: byAddressees, contents: null });
    if (slots.length > 0) warnings.push(warning('taskListNotFound'));
  }

  const tasks: TaskProposal[] = [];
  slots.forEach((slot, i) => {
    const built = buildTask(slot, i, ctx);
    tasks.push(built.task);
    warnings.push(...built.warnings);
  });
  if (tasks.length === 0) warnings.push(warning('noTasks'));
  return { tasks, warnings };
}
