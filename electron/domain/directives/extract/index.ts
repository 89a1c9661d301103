/**
 * Paste a notice: pure extraction of a directive and its tasks from pasted text.
 * Glossary (Vietnamese administrative terms used in this folder):
 *   số / ký hiệu   number / symbol of a document, "Số: 12/TB-SLĐTBXH" (TB = thông báo).
 *   trích yếu      the one-line subject under the type heading; "V/v ..." in a công văn.
 *   nơi nhận       distribution list at the foot; "Lưu: VT, KH-TC" = filed by the clerk and KH-TC.
 *   kính gửi       addressees of a công văn.   lĩnh vực  field of work (profile `fields`).
 *   TL. / KT.      signing for / on behalf of the head ("TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG").
 *   Phòng LĐTBXH   district labour office; "các huyện" = all of them (group ALL_DISTRICTS).
 *   thời hạn       deadline; "trước ngày X" = before X, "thường xuyên" / "tiếp tục" = ongoing.
 *   nội dung       required contents a report must cover ("nêu đủ 5 nội dung ...").
 * Nothing is guessed silently: undecided values stay null/empty with a warning.
 */
import type { Field, OrgProfile } from '../../org';
import { parseIsoDate } from '../../calendar';
import type { DeadlineContext } from './deadline';
import { readFrame } from './metadata';
import { tidyHeader } from './header';
import { normalizeNotice } from './normalize';
import type { NoticeProposal } from './proposal';
import { parseOutline } from './structure';
import { buildTasks } from './tasks';
import { readTaskTables } from './taskTables';

export interface ExtractOptions {
  /** Year for dates written without one when the notice itself carries no date. */
  defaultYear?: number;
  /**
   * Fields the Sở added to the profile's list. Profile fields keep their aliases; an entry
   * with a profile field's code adds nothing.
   */
  fields?: ReadonlyArray<{ code: string; name: string; aliases?: string[] }>;
}

function withFields(profile: OrgProfile, extra: ExtractOptions['fields']): OrgProfile {
  const added: Field[] = (extra ?? [])
    .filter((f) => f.name.trim().length > 0 && !profile.fields.some((p) => p.code === f.code))
    .map((f) => ({ code: f.code, name: f.name, aliases: f.aliases ?? [], ownerCertainty: 'province', parts: [] }));
  return added.length > 0 ? { ...profile, fields: [...profile.fields, ...added] } : profile;
}

export function extractNotice(text: string, baseProfile: OrgProfile, opts: ExtractOptions = {}): NoticeProposal {
  const profile = withFields(baseProfile, opts.fields);
  const lines = tidyHeader(normalizeNotice(text));
  const frame = readFrame(lines, profile);
  const { directive } = frame;
  const body = lines.slice(frame.bodyStart, frame.bodyEnd);
  const tables = readTaskTables(body);
  const outline = parseOutline(body.map((l, i) => (tables.used.has(i) ? '' : l)));
  const defaultYear = (directive.date ? parseIsoDate(directive.date)?.y : undefined) ?? opts.defaultYear;
  const deadline: DeadlineContext = { referenceDate: directive.date };
  if (defaultYear !== undefined) deadline.defaultYear = defaultYear;
  const { tasks, warnings } = buildTasks(outline, {
    profile,
    directive,
    exclude: directive.issuerUnit ? [directive.issuerUnit] : [],
    deadline,
  }, tables.rows);
  return { directive, tasks, warnings: [...frame.warnings, ...warnings] };
}

export {
  AssigneeSourceSchema,
  DirectiveProposalSchema,
  NoticeProposalSchema,
  TaskProposalSchema,
  type AssigneeSource,
  type DirectiveProposal,
  type NoticeProposal,
  type TaskProposal,
} from './proposal';
export {
  EXTRACT_WARNING_CODES,
  ExtractWarningSchema,
  type ExtractWarning,
  type ExtractWarningCode,
} from './warnings';
export { parseDeadline, type DeadlineContext, type DeadlineReading } from './deadline';
export { matchFields } from './fields';
export { readOffices, findOfficeMentions, expandOffices } from './assignees';
export { extractRequiredContents } from './requiredContents';
export { DeadlineSchema, type Deadline } from '../deadlineSchema';
