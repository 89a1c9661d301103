/**
 * Text clean-up shared by the extractor: what Word, PDF viewers and Markdown leave in pasted
 * text, a same-length fold for regexes, cells, sentences.
 */

/** The same-length fold lives with the other folding in domain/text.ts. */
export { foldKeep } from '../../text';

/** A line that only draws a rule under a heading ("______", "-----"). */
export function isSeparator(line: string): boolean {
  return /^[\s\-_=*~.·–—]{3,}$/.test(line) && /[-_=*~–—]{3,}/.test(line);
}

/** Removes Markdown marks (#, **, *, >, \-) so notices typed in Markdown read like Word text. */
export function stripMarkdown(line: string): string {
  if (isSeparator(line)) return '';
  let s = line.replace(/^>\s?/, '').replace(/^#{1,6}\s+/, '');
  s = s.replace(/^\*(?!\*)\s+(?=\S)/, '- ');
  s = s.replace(/\\([-*_#+.()[\]])/g, '$1');
  s = s.replace(/\*{2,3}/g, '').replace(/(^|\s)_{2,3}(?=\S)|(?<=\S)_{2,3}(?=\s|$)/g, '$1');
  s = s.replace(/^\*(?=\S)/, '').replace(/(?<=\S)\*$/, '');
  return s;
}

/**
 * Pasted text to lines: NFC, Word's line breaks and odd spaces, Markdown removed. Tabs are kept
 * inside lines: they separate the cells of Word's layout tables (header, signature block).
 */
export function normalizeNotice(text: string): string[] {
  const s = text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u000b\f]/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, '');
  return s.split('\n').map((line) => joinMarker(stripMarkdown(line.trim()).trim()));
}

/**
 * Word puts a tab after list markers ("•\tText", "o\tText", "1.\tText"); that tab is not a
 * table cell boundary. Word's second-level bullet "o" becomes "◦".
 */
function joinMarker(line: string): string {
  return line
    .replace(/^o\t+/, '◦ ')
    .replace(/^([-–—+•·▪■□◦○●►✓➢❖\uf0b7\uf0a7\uf0d8\uf076\uf0fc]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[IVX]{1,4}[.)])\t+/u, '$1 ');
}

/** Cells of a line from a Word layout table: split on tabs or wide runs of spaces. */
export function splitCells(line: string): string[] {
  return line
    .split(/\t+| {3,}/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** Has at least two letters and no lower-case letter ("SỞ LAO ĐỘNG", "TL.GIÁM ĐỐC"). */
export function isUpperText(s: string): boolean {
  return !/\p{Ll}/u.test(s) && (s.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

export function startsLowercase(s: string): boolean {
  return /^\p{Ll}/u.test(s);
}

/** Sentences of a paragraph; dates ("30.7.2022") and numbers do not end a sentence. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d])/u)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
