import type { OrgProfile } from '../../org';
import { foldKeep, wordCount } from './normalize';
import { matchPhrases, phrase, tokenize, type Phrase } from './words';

/** Fields (lĩnh vực) named in a heading or a text, matched against the profile's field list. */

const cache = new WeakMap<OrgProfile, Array<Phrase<string>>>();

function fieldPhrases(profile: OrgProfile): Array<Phrase<string>> {
  let list = cache.get(profile);
  if (!list) {
    list = profile.fields.flatMap((f) => [f.name, ...f.aliases].map((t) => phrase(t, f.code)));
    cache.set(profile, list);
  }
  return list;
}

/** Field codes named in the text, in order of first mention. */
export function matchFields(text: string, profile: OrgProfile): string[] {
  const s = text.normalize('NFC');
  const codes = matchPhrases(s, tokenize(s), fieldPhrases(profile)).map((m) => m.payload);
  return [...new Set(codes)];
}

/** "Lĩnh vực ...", "Công tác ...", "Về lĩnh vực ...": wording that introduces a field. */
export function hasFieldPrefix(text: string): boolean {
  return /^(?:ve\s+|doi voi\s+)?(?:linh vuc|cong tac)(?![a-z])/.test(foldKeep(text.trim()));
}

export interface FieldLabelSplit {
  /** The field heading the item starts with, or null. */
  heading: string | null;
  content: string;
}

/**
 * "Lĩnh vực giáo dục nghề nghiệp: Đẩy mạnh ..." -> heading + content. A label that names an
 * office ("Phòng Người có công: ...") is an assignee, not a field heading: `namesOffice` says.
 * An item that starts with "Lĩnh vực" without a colon is its own heading.
 */
export function splitFieldLabel(
  text: string,
  profile: OrgProfile,
  namesOffice: (label: string) => boolean,
): FieldLabelSplit {
  const colon = text.indexOf(':');
  if (colon > 0) {
    const label = text.slice(0, colon).trim();
    const rest = text.slice(colon + 1).trim();
    const isField = hasFieldPrefix(label) || (matchFields(label, profile).length > 0 && !namesOffice(label));
    if (rest.length > 0 && wordCount(label) <= 12 && isField) return { heading: label, content: rest };
  }
  if (hasFieldPrefix(text) && matchFields(text, profile).length > 0) return { heading: text, content: text };
  return { heading: null, content: text };
}

export type FieldSource = 'heading' | 'content' | 'title' | 'draftingUnit';

export interface FieldChoice {
  field: string | null;
  candidates: string[];
  source: FieldSource | null;
}

/**
 * The first source that names fields decides: the heading, then the task's own words, then the
 * notice's trích yếu, then the drafting division's names. One field is taken; several are
 * offered as candidates and none is picked.
 */
export function chooseField(
  profile: OrgProfile,
  sources: Array<{ source: FieldSource; texts: string[] }>,
): FieldChoice {
  for (const { source, texts } of sources) {
    const codes = [...new Set(texts.flatMap((t) => matchFields(t, profile)))];
    if (codes.length === 1) return { field: codes[0] ?? null, candidates: codes, source };
    if (codes.length > 1) return { field: null, candidates: codes, source };
  }
  return { field: null, candidates: [], source: null };
}
