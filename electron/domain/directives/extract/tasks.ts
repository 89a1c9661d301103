import { groupMembers, unitByCode, type OrgProfile } from '../../org';
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
import { isHeadingLike, type OutlineNode } from './structure';
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

/**
 * A request to act, read on word boundaries of the diacritic text (folding would make "giao"
 * match "Giáo dục"): giao (not "giao ban", "giao thông", "giao dịch"), đề nghị (not "Theo/Xét đề nghị
 * của"), yêu cầu, chủ trì, phối hợp, có trách nhiệm.
 */
const REQUEST_RE =
  /(?<!\p{L})(giao(?! ban| thông| dịch| lưu| tiếp| nhận| hàng)|đề nghị|yêu cầu|chủ trì|phối hợp|có trách nhiệm)(?!\p{L})/u;
/** Sentences that look like requests but are not: preambles, approvals, the closing article, definitions. */
const NOT_REQUEST_RE =
  /^(?:điều \d+\.\s*)?(căn cứ|theo đề nghị|xét đề nghị|thực hiện (?:công văn|quyết định|kế hoạch|chỉ thị|thông báo|nghị)|đồng ý|tại công văn|để bảo đảm|nhằm|kỳ hạn|báo cáo phải|báo cáo bằng)/u;
/** The issuer telling what it did itself ("UBND tỉnh vừa ban hành …", "Văn phòng UBND tỉnh thông báo …"). */
const ISSUER_SELF_RE =
  /^(?:\([^)]*\)\s*)?(?:chủ tịch |văn phòng )?(?:ubnd|ủy ban nhân dân|bộ [^,.]{0,40}?)(?: tỉnh| huyện)?\s+(?:cũng\s+)?(vừa|đã|thông báo|ban hành|chỉ đạo|xây dựng kế hoạch|hướng dẫn)(?!\p{L})/u;
/** A dated duty to report or send ("báo cáo UBND tỉnh trước ngày 05/01/2019", "gửi … chậm nhất là ngày 15/01"). */
const DUTY_RE = /(?<!\p{L})(báo cáo|gửi|nộp|hoàn thành)(?!\p{L})[^.]{0,120}?(trước ngày|chậm nhất)/u;
const CLOSING_RE = /(chịu trách nhiệm thi hành|có hiệu lực|thi hành quyết định này)/u;
/** "Hộ nghèo là …", "Hộ nghèo: Là hộ …" — a noun phrase, so no comma before "là"; "chậm nhất là ngày" is a deadline. */
const DEFINITION_RE = /^[^.:;,]{2,60}(?::\s*là|(?<!nhất)\s+là)\s/u;
/** A unit opening the sentence and acting ("UBND các huyện … chủ động …", "Các huyện … có kế hoạch …"). */
const UNIT_ACTS_RE =
  /^(?:ubnd|ủy ban nhân dân|sở|các sở|các huyện|phòng|trung tâm|bảo hiểm xã hội|bhxh)[^.]{0,120}?(?<!\p{L})(chủ động|có kế hoạch|triển khai|tổ chức|thực hiện|báo cáo|gửi báo cáo)(?!\p{L})/u;

const bare = (text: string): string => text.trim().replace(/^[-–+•]\s*|^\d{1,2}[.)]\s*|^[a-zđ][.)]\s*/u, '').toLowerCase();

/** Looks like a request but is none: preamble, approval, closing article, definition, the issuer about itself. */
export function isNonRequest(text: string): boolean {
  const t = bare(text);
  return NOT_REQUEST_RE.test(t) || CLOSING_RE.test(t) || DEFINITION_RE.test(t) || ISSUER_SELF_RE.test(t) || ANNOUNCES_RE.test(t);
}

/** A line announcing what follows ("… hướng dẫn một số nội dung cụ thể như sau:") asks nothing itself. */
const ANNOUNCES_RE = /(?<!\p{L})như sau\s*:\s*$/u;
/** A purpose clause before the request ("Để bảo đảm …; Giám đốc Sở đề nghị …"): the request is after the ";". */
const PURPOSE_LEAD_RE = /^(?:để|nhằm)(?!\p{L})[^;]*;\s*/iu;

/** The request in a sentence, without a leading purpose clause; null when it asks nothing. */
function requestPart(sentence: string): string | null {
  if (isRequest(sentence)) return sentence;
  const rest = sentence.replace(PURPOSE_LEAD_RE, '');
  return rest !== sentence && isRequest(rest) ? rest : null;
}

export function isRequest(text: string): boolean {
  const t = bare(text);
  if (isNonRequest(t)) return false;
  return REQUEST_RE.test(t) || UNIT_ACTS_RE.test(t) || DUTY_RE.test(t);
}

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

export interface TableRow {
  content: string;
  lead: string;
  partners: string;
  time: string;
}

const COLUMN_RES: Array<[keyof TableRow, RegExp]> = [
  ['content', /^(noi dung|nhiem vu|noi dung cong viec|cong viec|ten nhiem vu)/],
  ['lead', /^(chu tri|don vi chu tri|co quan chu tri|don vi thuc hien|co quan thuc hien)/],
  ['partners', /^(phoi hop|don vi phoi hop|co quan phoi hop)/],
  ['time', /^(thoi gian|thoi han|tien do|thoi gian hoan thanh)/],
];

/** The phối hợp cell's offices, groups ("Phòng LĐTBXH các huyện") expanded, in profile order. */
function rowPartners(cell: string, profile: OrgProfile, exclude: string[]): string[] {
  const r = readOffices(cell, profile, exclude);
  const codes = new Set([...r.units, ...r.groups.flatMap((g) => groupMembers(profile, g))]);
  return profile.units.map((u) => u.code).filter((c) => codes.has(c));
}

const cellsOf = (line: string): string[] => line.split(/\s*\|\s*|\t+| {3,}/).map((c) => c.trim());

/**
 * Task tables (nội dung | chủ trì | phối hợp | thời gian), cells split by pipes, tabs or wide
 * spaces: the header row names the columns; each following row with a content cell is a task.
 * Returns the rows and the line indexes they used (kept out of the outline).
 */
export function readTaskTables(lines: string[]): { rows: TableRow[]; used: Set<number> } {
  const rows: TableRow[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const head = cellsOf(lines[i] ?? '');
    if (head.length < 3) continue;
    const cols: Partial<Record<keyof TableRow, number>> = {};
    head.forEach((c, k) => {
      const f = foldKeep(c.toLowerCase());
      const hit = COLUMN_RES.find(([, re]) => re.test(f));
      if (hit && cols[hit[0]] === undefined) cols[hit[0]] = k;
    });
    if (cols.content === undefined || cols.lead === undefined) continue;
    used.add(i);
    for (let j = i + 1; j < lines.length; j++) {
      const cells = cellsOf(lines[j] ?? '');
      if (cells.length < 2) break;
      used.add(j);
      const at = (k: number | undefined): string => (k === undefined ? '' : cells[k] ?? '');
      const content = at(cols.content);
      if (!content || /^\d+$/.test(content)) continue;
      rows.push({ content, lead: at(cols.lead), partners: at(cols.partners), time: at(cols.time) });
      i = j;
    }
  }
  return { rows, used };
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
  // A thời gian cell with a bare period ("Quý II/2024", "Tháng 6/2024") means "within it".
  const rowTime = row && row.time && !/^(trước|trong|chậm nhất|đến|hoàn thành|hằng|hàng|thường xuyên|định kỳ|từ)/iu.test(row.time) ? `trong ${row.time}` : row?.time;
  const ownDeadline = parseDeadline(row ? rowTime ?? '' : masked, ctx.deadline);
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

const DATED_CUE_RE = /(?<!\p{L})(?:trước ngày|chậm nhất(?: là)?(?: ngày)?)\s*(\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?)/gu;
const DUTY_START_RE = /(?:;\s*|,\s*|\s+và\s+)(?=(?:báo cáo|gửi|nộp|hoàn thành)(?!\p{L}))/gu;

/**
 * One sentence holding two duties with different deadlines ("báo cáo nhanh … trước ngày 20/01/2019
 * và báo cáo kết quả … trước ngày 10/3/2019") is two tasks: it is cut before the duty verb that
 * opens the second, so each keeps its own date.
 */
export function splitDatedDuties(sentence: string): string[] {
  const cues = [...sentence.matchAll(DATED_CUE_RE)];
  if (cues.length < 2 || new Set(cues.map((c) => (c[1] ?? '').replace(/\s+/g, ''))).size < 2) return [sentence];
  const cuts: number[] = [];
  for (let k = 1; k < cues.length; k++) {
    const prev = cues[k - 1];
    const cur = cues[k];
    if (!prev || !cur || prev.index === undefined || cur.index === undefined) continue;
    const from = prev.index + prev[0].length;
    let cut = -1;
    let len = 0;
    for (const m of sentence.slice(from, cur.index).matchAll(DUTY_START_RE)) {
      cut = from + (m.index ?? 0);
      len = m[0].length;
    }
    if (cut >= 0) cuts.push(cut, cut + len);
  }
  if (cuts.length === 0) return [sentence];
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    parts.push(sentence.slice(at, cuts[i]).trim());
    at = cuts[i + 1] ?? at;
  }
  parts.push(sentence.slice(at).trim());
  return parts.filter((p) => p.length > 0);
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
