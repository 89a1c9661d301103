import { foldKeep, wordCount } from './normalize';

/**
 * Required contents: the checklist a report must cover, written inline
 * ("nêu đủ 5 nội dung cụ thể ( Mục tiêu; đối tượng dự án; ...)", "gồm các nội dung: a; b; c.")
 * or as short sub-bullets under "... gồm các nội dung sau:".
 */

export interface RequiredContents {
  items: string[];
  /** The count the notice states ("5 nội dung"), when it states one. */
  stated: number | null;
  /** Where the list sits in the text, to keep it out of deadline reading. */
  span: [number, number] | null;
}

const NUMBER_WORDS: Record<string, number> = {
  mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10,
};
const COUNT = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;
// "nêu đủ 5 nội dung cụ thể ( a; b )"
const IN_PARENS_RE = new RegExp(`(?:(?<![a-z])${COUNT}\\s+)?noi dung(?:\\s+[a-z]+){0,3}?\\s*\\(([^()]*)\\)`);
// "gồm các nội dung: a; b; c."
const AFTER_COLON_RE = new RegExp(`(?:(?<![a-z])${COUNT}\\s+)?noi dung(?:\\s+[a-z]+){0,3}?\\s*:\\s*([^\\n]*?)(?:\\.(?=\\s|$)|$)`);

function countOf(word: string | undefined): number | null {
  if (word === undefined) return null;
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word] ?? null;
}

function cleanItem(s: string): string {
  return s.trim().replace(/^[-–+•]\s*/, '').replace(/[;.,]+$/, '').trim();
}

function splitItems(list: string, allowCommas: boolean): string[] {
  const sep = list.includes(';') ? ';' : allowCommas ? ',' : null;
  if (sep === null) return [];
  return list.split(sep).map(cleanItem).filter((x) => x.length > 0);
}

export function extractRequiredContents(text: string): RequiredContents {
  const s = text.normalize('NFC');
  const f = foldKeep(s);
  for (const [re, allowCommas] of [[IN_PARENS_RE, true], [AFTER_COLON_RE, false]] as const) {
    const m = re.exec(f);
    const list = m?.[2];
    if (!m || list === undefined) continue;
    const listStart = m.index + m[0].lastIndexOf(list);
    const items = splitItems(s.slice(listStart, listStart + list.length), allowCommas);
    if (items.length >= 2) return { items, stated: countOf(m[1]), span: [m.index, m.index + m[0].length] };
  }
  return { items: [], stated: null, span: null };
}

/**
 * Sub-bullets are a checklist rather than separate tasks when the parent announces contents
 * ("... gồm các nội dung sau:") and every child is a short phrase.
 */
export function contentsFromChildren(parentText: string, childTexts: string[]): string[] | null {
  const f = foldKeep(parentText.trim());
  if (!f.endsWith(':') || !/(?<![a-z])(noi dung|gom|bao gom|cac muc)(?![a-z])/.test(f)) return null;
  if (childTexts.length < 2 || childTexts.some((c) => wordCount(c) > 12)) return null;
  const items = childTexts.map(cleanItem).filter((x) => x.length > 0);
  return items.length >= 2 ? items : null;
}
