/**
 * Diacritic folding, written once. Every place that compares, searches or makes ASCII names
 * from Vietnamese text goes through stripMarks: the household search and matching (fold), the
 * notice extractor (foldKeep), the bundle and export file names (core/bundles, core/tasks).
 */

/** Removes tone and vowel marks and turns đ/Đ into d/D; keeps case, spaces and punctuation. */
export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * Folding for search and matching: lower case, no diacritics, đ -> d, single spaces.
 * "Bình Gia" and "binh  gia" fold to the same key.
 */
export function fold(text: string): string {
  return stripMarks(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

const unitCache = new Map<string, string>();

/** One UTF-16 unit folded to one unit: lower case without marks, or the unit itself when that would change the length. */
function foldUnit(c: string): string {
  const hit = unitCache.get(c);
  if (hit !== undefined) return hit;
  const stripped = stripMarks(c).toLowerCase();
  const lower = c.toLowerCase();
  const f = stripped.length === 1 ? stripped : lower.length === 1 ? lower : c;
  unitCache.set(c, f);
  return f;
}

/**
 * fold() that keeps the length and does not touch spaces, so an index found by a regex on the
 * folded text points at the same place in the original: the notice extractor quotes the
 * notice's own words from positions it found in folded text. A separate function because
 * fold() collapses spaces and may change length; both strip marks the same way (stripMarks).
 * Expects NFC input (normalizeNotice gives that).
 */
export function foldKeep(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldUnit(s.charAt(i));
  return out;
}

const TONE = '[\u0300\u0301\u0303\u0309\u0323]';
/** oa, oe and uy closing a syllable (after a consonant or at its start, not "qu"), tone on the second vowel. */
const OLD_TONE_RE = new RegExp(`(?<=^|[^\\p{L}\\p{M}]|[bcdđghklmnprstvx])(o(?=[ae])|u(?=y))([aey])(${TONE})(?![\\p{L}\\p{M}])`, 'giu');

/**
 * One place for the tone mark, so the two spellings schools and fonts still disagree on compare
 * equal: "hoà"/"hòa", "thuỷ"/"thủy", "uỷ ban"/"ủy ban", "khoẻ"/"khỏe" all become the second
 * form (tone on the first vowel of an open oa/oe/uy, as the 2018 Ministry rules write it).
 * Closed syllables ("hoàng", "thuyền") and "qu" ("quý", where u is part of the consonant) keep
 * their marks. NFC input keeps its length, so offsets found in the result hold in the input.
 */
export function modernTones(text: string): string {
  return text.normalize('NFD').replace(OLD_TONE_RE, '$1$3$2').normalize('NFC');
}
