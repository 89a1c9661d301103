import { groupMembers, type OrgProfile, type OrgUnitType } from '../../org';
import { matchPhrases, phrase, tokenize, type Phrase, type PhraseMatch, type Word } from './words';
import type { ExtractWarningCode } from './warnings';

/**
 * Offices named in a text, matched against the organisation profile.
 *
 * Reading rules (Vietnamese administrative prose):
 * - "Phòng LĐTBXH các huyện" and its spellings name the group of all district offices;
 *   a bare "các huyện" is weaker: when the same text names particular offices ("02 huyện Văn
 *   quan và Bình Gia. Các huyện quan tâm ...") it refers back to them.
 * - A group followed by a list of its members ("Phòng LĐTBXH các huyện: Tràng Định, Bình Gia")
 *   means those members only.
 * - An office after "phối hợp (với)" is a partner; after "tham mưu", "hướng dẫn", "qua",
 *   "báo cáo", "trình"... it is the one served, not the one doing the work.
 * - Topic words that double as division names ("người có công", "giảm nghèo") name a division
 *   only with "Phòng" in front; one-word aliases ("Sở") are too vague to use.
 */

export type OfficeRef =
  | { kind: 'unit'; code: string; unitType: OrgUnitType }
  | { kind: 'group'; code: string; weak: boolean };

export type MentionRole = 'assignee' | 'partner' | 'object';

export interface OfficeMention {
  ref: OfficeRef;
  role: MentionRole;
  text: string;
  start: number;
  end: number;
}

export interface OfficeIssue {
  code: ExtractWarningCode;
  params: Record<string, string | number>;
}

export interface OfficeReading {
  /** Particular offices doing the work (not expanded). */
  units: string[];
  /** Groups doing the work. */
  groups: string[];
  /** Those of `groups` read from a bare "các huyện": they may point back at offices named before. */
  weakGroups: string[];
  /** Partner offices, groups expanded. */
  partners: string[];
  /** The words the doing offices were read from, for messages. */
  mentions: string[];
  issues: OfficeIssue[];
}

interface OfficeIndex {
  phrases: Array<Phrase<OfficeRef>>;
  order: Map<string, number>;
}

const cache = new WeakMap<OrgProfile, OfficeIndex>();

const OFFICE_NOUNS = new Set(['phong', 'so', 'truong', 'ubnd']);
const OFFICE_BIGRAMS = new Set(['trung tam', 'don vi', 'co so', 'van phong', 'uy ban']);

/** Whether a phrase names an office by itself ("Phòng ...", "Trung tâm ..."), "phòng, chống" excepted. */
export function namesOfficeNoun(keys: string[]): boolean {
  return keys.some(
    (k, i) =>
      (OFFICE_NOUNS.has(k) && !(k === 'phong' && keys[i + 1] === 'chong')) ||
      OFFICE_BIGRAMS.has(`${k} ${keys[i + 1] ?? ''}`),
  );
}

function officeIndex(profile: OrgProfile): OfficeIndex {
  const hit = cache.get(profile);
  if (hit) return hit;
  const phrases: Array<Phrase<OfficeRef>> = [];
  const add = (text: string, ref: OfficeRef): void => {
    const p = phrase(text, ref);
    if (p.words.length >= 2) phrases.push(p);
  };
  for (const u of profile.units) {
    const ref: OfficeRef = { kind: 'unit', code: u.code, unitType: u.type };
    add(u.name, ref);
    if (u.district) add(u.district, ref);
    for (const a of [u.shortName, ...u.aliases]) {
      const p = phrase(a, ref);
      if (u.type === 'division' && !namesOfficeNoun(p.words.map((w) => w.key))) add(`Phòng ${a}`, ref);
      else add(a, ref);
    }
  }
  for (const g of profile.groups) {
    for (const t of [g.name, ...g.aliases]) {
      const keys = tokenize(t).map((w) => w.key);
      add(t, { kind: 'group', code: g.code, weak: !namesOfficeNoun(keys) });
    }
  }
  const order = new Map(profile.units.map((u, i) => [u.code, i]));
  const index = { phrases, order };
  cache.set(profile, index);
  return index;
}

const PARTNER_CUES = [['phoi', 'hop'], ['phoi', 'hop', 'voi'], ['phoi', 'hop', 'cung'], ['cung', 'voi']];
const OBJECT_CUES = [
  ['tham', 'muu'], ['tham', 'muu', 'cho'], ['huong', 'dan'], ['giup'], ['qua'], ['trinh'], ['don', 'doc'],
  ['chi', 'dao'], ['kiem', 'tra'], ['bao', 'cao'], ['gui'], ['gui', 've'], ['ve'],
];
/** Words that may sit between a cue and the office: "phối hợp với 02 huyện ...". */
const FILLERS = new Set(['cac', 'huyen', 'tp', 'xa', 'tinh', 'thi']);
const CONNECTORS = new Set(['va', 'voi', 'cung', 'hoac', 'cac', 'huyen', 'tp']);

function endsWith(keys: string[], cue: string[]): boolean {
  return cue.length <= keys.length && cue.every((k, i) => keys[keys.length - cue.length + i] === k);
}

function cueRole(words: Word[], from: number): MentionRole | null {
  const keys = words.slice(Math.max(0, from - 6), from).map((w) => w.key);
  while (keys.length > 0 && (FILLERS.has(keys.at(-1) ?? '') || /^\d+$/.test(keys.at(-1) ?? ''))) keys.pop();
  if (PARTNER_CUES.some((c) => endsWith(keys, c))) return 'partner';
  if (OBJECT_CUES.some((c) => endsWith(keys, c))) return 'object';
  return null;
}

/** Only list glue ("và", ",", ":") between two mentions: the second continues the first. */
function adjacent(source: string, words: Word[], a: PhraseMatch<OfficeRef>, b: PhraseMatch<OfficeRef>, colonOk: boolean): boolean {
  const gap = source.slice(a.end, b.start);
  if (/[.;!?]/.test(gap) || (!colonOk && gap.includes(':'))) return false;
  return words.slice(a.to, b.from).every((w) => CONNECTORS.has(w.key));
}

export function sortUnits(profile: OrgProfile, codes: Iterable<string>): string[] {
  const { order } = officeIndex(profile);
  return [...new Set(codes)].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
}

export function expandOffices(profile: OrgProfile, units: string[], groups: string[]): string[] {
  return sortUnits(profile, [...units, ...groups.flatMap((g) => groupMembers(profile, g))]);
}

/** Every office mention with its role; `exclude` drops units (the issuing body itself). */
export function findOfficeMentions(text: string, profile: OrgProfile, exclude: string[] = []): OfficeMention[] {
  const s = text.normalize('NFC');
  const words = tokenize(s);
  const matches = matchPhrases(s, words, officeIndex(profile).phrases).filter(
    (m) => !(m.payload.kind === 'unit' && exclude.includes(m.payload.code)),
  );
  const out: OfficeMention[] = [];
  matches.forEach((m, i) => {
    const prev = matches[i - 1];
    const prevMention = out[i - 1];
    let role = cueRole(words, m.from);
    if (role === null && prev && prevMention && adjacent(s, words, prev, m, false)) role = prevMention.role;
    out.push({ ref: m.payload, role: role ?? 'assignee', text: m.text, start: m.start, end: m.end });
  });
  return out;
}

/** Reads which offices a text gives the work to, applying the rules above. */
export function readOffices(text: string, profile: OrgProfile, exclude: string[] = []): OfficeReading {
  const s = text.normalize('NFC');
  const words = tokenize(s);
  const matches = matchPhrases(s, words, officeIndex(profile).phrases).filter(
    (m) => !(m.payload.kind === 'unit' && exclude.includes(m.payload.code)),
  );
  const mentions = findOfficeMentions(s, profile, exclude);
  const issues: OfficeIssue[] = [];

  // A group followed by a list of its own members stands for those members.
  const listed = new Set<number>();
  matches.forEach((m, i) => {
    if (m.payload.kind !== 'group') return;
    const members = groupMembers(profile, m.payload.code);
    let j = i + 1;
    let prev = m;
    while (j < matches.length) {
      const next = matches[j];
      if (!next || next.payload.kind !== 'unit' || !members.includes(next.payload.code)) break;
      if (!adjacent(s, words, prev, next, true)) break;
      prev = next;
      j++;
    }
    if (j > i + 1) listed.add(i);
  });

  const doing = mentions.map((x, i) => ({ ...x, i })).filter((x) => x.role === 'assignee' && !listed.has(x.i));
  const units = doing.flatMap((x) => (x.ref.kind === 'unit' ? [x.ref.code] : []));
  const groups: string[] = [];
  const weakGroups: string[] = [];
  const used: string[] = [];
  for (const x of doing) {
    if (x.ref.kind === 'unit') {
      used.push(x.text);
    } else if (x.ref.weak && units.length > 0) {
      issues.push({
        code: 'groupMentionNarrowed',
        params: { mention: x.text, units: sortUnits(profile, units).join(', ') },
      });
    } else {
      groups.push(x.ref.code);
      if (x.ref.weak) weakGroups.push(x.ref.code);
      used.push(x.text);
    }
  }
  const partnerUnits = mentions
    .filter((x) => x.role === 'partner')
    .flatMap((x) => (x.ref.kind === 'unit' ? [x.ref.code] : groupMembers(profile, x.ref.code)));

  // "02 huyện Văn quan và Bình Gia": the stated count must agree with the names found.
  const countAt = words.findIndex((w, i) => /^\d{1,2}$/.test(w.key) && words[i + 1]?.key === 'huyen');
  const countWord = words[countAt];
  if (countWord) {
    const stated = Number(countWord.key);
    const sentenceEnd = s.slice(countWord.end).search(/[.;!?](\s|$)/);
    const limit = sentenceEnd < 0 ? s.length : countWord.end + sentenceEnd;
    const found = new Set(
      mentions
        .filter((x) => x.start > countWord.end && x.start < limit)
        .flatMap((x) => (x.ref.kind === 'unit' && x.ref.unitType === 'districtOffice' ? [x.ref.code] : [])),
    ).size;
    if (found !== stated) issues.push({ code: 'assigneeCountMismatch', params: { stated, found } });
  }

  return {
    units: sortUnits(profile, units),
    groups: [...new Set(groups)],
    weakGroups: [...new Set(weakGroups)].filter((g) => !doing.some((x) => x.ref.kind === 'group' && x.ref.code === g && !x.ref.weak)),
    partners: sortUnits(profile, partnerUnits),
    mentions: used,
    issues,
  };
}

export function isEmptyReading(r: OfficeReading): boolean {
  return r.units.length === 0 && r.groups.length === 0;
}

/** Whether a short label names an office ("Phòng Người có công", "Trường Cao đẳng nghề LS"). */
export function namesOffice(label: string, profile: OrgProfile, exclude: string[] = []): boolean {
  return findOfficeMentions(label, profile, exclude).length > 0;
}

export interface AssigneeResolution {
  assignees: string[];
  assigneeGroups: string[];
  source: 'task' | 'heading' | 'notice' | 'none';
  partners: string[];
  issues: OfficeIssue[];
}

/**
 * Who does a task: the offices a heading above it names (narrowed when the task itself names
 * some of them), else the offices the task names, else the notice's general request
 * ("yêu cầu các phòng chuyên môn, ... thực hiện một số nhiệm vụ sau:"), said in a warning.
 */
export function resolveAssignees(
  profile: OrgProfile,
  own: OfficeReading,
  headings: OfficeReading[],
  notice: OfficeReading | null,
): AssigneeResolution {
  const ownSet = expandOffices(profile, own.units, own.groups);
  const heading = headings.find((h) => !isEmptyReading(h));
  const countIssues = own.issues.filter((x) => x.code === 'assigneeCountMismatch');
  const done = (r: Omit<AssigneeResolution, 'partners'>): AssigneeResolution => ({
    ...r,
    partners: own.partners.filter((p) => !r.assignees.includes(p)),
  });

  if (heading) {
    const headingSet = expandOffices(profile, heading.units, heading.groups);
    const inter = ownSet.filter((c) => headingSet.includes(c));
    if (inter.length > 0 && inter.length < headingSet.length) {
      const groups = own.groups.filter((g) => groupMembers(profile, g).every((c) => inter.includes(c)));
      return done({ assignees: inter, assigneeGroups: groups, source: 'task', issues: own.issues });
    }
    return done({ assignees: headingSet, assigneeGroups: heading.groups, source: 'heading', issues: countIssues });
  }
  // "Đề nghị các huyện ..." in a công văn to Văn Quan and Bình Gia means those two.
  const onlyWeak = own.units.length === 0 && own.groups.length > 0 && own.groups.every((g) => own.weakGroups.includes(g));
  if (onlyWeak && notice && notice.units.length > 0 && notice.groups.length === 0) {
    const members = expandOffices(profile, [], own.groups);
    if (notice.units.every((u) => members.includes(u))) {
      return done({
        assignees: notice.units,
        assigneeGroups: [],
        source: 'notice',
        issues: [...countIssues, { code: 'groupMentionNarrowed', params: { mention: own.mentions.join(', '), units: notice.units.join(', ') } }],
      });
    }
  }
  if (ownSet.length > 0) return done({ assignees: ownSet, assigneeGroups: own.groups, source: 'task', issues: own.issues });
  if (notice && !isEmptyReading(notice)) {
    return done({
      assignees: expandOffices(profile, notice.units, notice.groups),
      assigneeGroups: notice.groups,
      source: 'notice',
      issues: [...countIssues, { code: 'assigneesFromNotice', params: { mention: notice.mentions.join(', ') } }],
    });
  }
  return done({ assignees: [], assigneeGroups: [], source: 'none', issues: [...countIssues, { code: 'assigneesMissing', params: {} }] });
}
