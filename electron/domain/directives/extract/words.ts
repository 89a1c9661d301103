import { foldKeep } from './normalize';
import { modernTones } from '../../text';

/**
 * Word-level phrase matching, diacritic-tolerant but not careless: "Văn quan" and "van quan"
 * match the alias "Văn Quan", "định lập" (a different word) does not match "Đình Lập".
 */

export interface Word {
  /** As written (NFC). */
  text: string;
  /** Folded: lower case, no diacritics. */
  key: string;
  /** Character offsets in the source text. */
  start: number;
  end: number;
  /** Written without any diacritic, so it may stand for any accented spelling. */
  bare: boolean;
}

/**
 * Spelled-out names and their abbreviations compare equal once both sides are tokenised:
 * "Lao động - Thương binh và Xã hội" = "LĐTBXH", "Ủy ban nhân dân" = "UBND", "thành phố" = "TP".
 */
const MERGES: Array<{ seq: string[]; key: string; after?: string }> = [
  { seq: ['lao', 'dong', 'thuong', 'binh', 'va', 'xa', 'hoi'], key: 'ldtbxh' },
  { seq: ['lao', 'dong', 'thuong', 'binh', 'xa', 'hoi'], key: 'ldtbxh' },
  { seq: ['ld', 'tb', 'xh'], key: 'ldtbxh' },
  { seq: ['ld', 'tbxh'], key: 'ldtbxh' },
  { seq: ['uy', 'ban', 'nhan', 'dan'], key: 'ubnd' },
  { seq: ['thanh', 'pho'], key: 'tp' },
  { seq: ['dan', 'toc'], key: 'dt', after: 'ldtbxh' },
];

export function tokenize(source: string): Word[] {
  const raw: Word[] = [];
  for (const m of source.matchAll(/[\p{L}\p{N}]+/gu)) {
    const text = m[0];
    const key = foldKeep(text);
    raw.push({ text, key, start: m.index, end: m.index + text.length, bare: key === text.toLowerCase() });
  }
  const out: Word[] = [];
  for (let i = 0; i < raw.length; ) {
    const merge = MERGES.find(
      (mg) =>
        mg.seq.every((k, j) => raw[i + j]?.key === k) && (mg.after === undefined || out.at(-1)?.key === mg.after),
    );
    if (merge) {
      const first = raw[i];
      const last = raw[i + merge.seq.length - 1];
      if (first && last) {
        out.push({ text: source.slice(first.start, last.end), key: merge.key, start: first.start, end: last.end, bare: true });
      }
      i += merge.seq.length;
    } else {
      const w = raw[i];
      if (w) out.push(w);
      i++;
    }
  }
  return out;
}

export function keysOf(source: string): string[] {
  return tokenize(source).map((w) => w.key);
}

export interface Phrase<T> {
  words: Word[];
  payload: T;
}

export interface PhraseMatch<T> {
  payload: T;
  /** Word indexes [from, to). */
  from: number;
  to: number;
  /** Character offsets in the source text. */
  start: number;
  end: number;
  text: string;
}

/** Same letters and marks, wherever the tone sits ("Hoà An" is the commune "Hòa An"). */
function sameWord(w: Word, a: Word): boolean {
  return w.key === a.key && (w.bare || a.bare || modernTones(w.text.toLowerCase()) === modernTones(a.text.toLowerCase()));
}

export function phrase<T>(text: string, payload: T): Phrase<T> {
  return { words: tokenize(text), payload };
}

/** Leftmost-longest, non-overlapping matches of the phrases in the words of `source`. */
export function matchPhrases<T>(source: string, words: Word[], phrases: Array<Phrase<T>>): Array<PhraseMatch<T>> {
  const byFirst = new Map<string, Array<Phrase<T>>>();
  for (const p of phrases) {
    const first = p.words[0];
    if (!first) continue;
    const list = byFirst.get(first.key) ?? [];
    list.push(p);
    byFirst.set(first.key, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

  const out: Array<PhraseMatch<T>> = [];
  for (let i = 0; i < words.length; ) {
    const w = words[i];
    const candidates = w ? byFirst.get(w.key) ?? [] : [];
    const hit = candidates.find((p) =>
      p.words.every((a, j) => {
        const t = words[i + j];
        return t !== undefined && sameWord(t, a);
      }),
    );
    if (hit) {
      const to = i + hit.words.length;
      const start = words[i]?.start ?? 0;
      const end = words[to - 1]?.end ?? start;
      out.push({ payload: hit.payload, from: i, to, start, end, text: source.slice(start, end) });
      i = to;
    } else i++;
  }
  return out;
}
