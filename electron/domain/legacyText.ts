import { TCVN3_TO_UNICODE } from './legacyCharts';

/**
 * Text typed with the legacy ABC fonts (.VnTime) arrives as Latin-1 symbols inside words:
 * "Së Lao ®éng - Th¬ng binh" for "Sở Lao động - Thương binh". Detected by counting words that
 * mix letters with characters no Vietnamese word holds (¶ ¾ ¸ ¬ ® µ …), converted through the
 * TCVN3 chart (legacyCharts.ts), and kept only when the conversion removes those words.
 * Works on decoded text, so it serves .txt bytes read as Windows-1252/1258 and text pulled
 * from .docx/.pdf whose fonts were legacy alike.
 */

/** Characters of U+00A0–U+00FF that are no letter of Vietnamese in Unicode. */
const FOREIGN_RE = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f0\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/u;

/** Words that hold a letter and a character no Vietnamese word holds. */
export function legacyWordCount(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (/[a-z]/i.test(w) && FOREIGN_RE.test(w)) n++;
  return n;
}

export function fromTcvn3(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const mapped = code >= 0xa1 && code <= 0xff ? TCVN3_TO_UNICODE[code] : undefined;
    out += mapped === undefined ? ch : String.fromCodePoint(mapped);
  }
  return out;
}

export interface LegacyReading {
  text: string;
  /** The legacy code the text was converted from, or null when it was Unicode already. */
  encoding: 'tcvn3' | null;
}

/** Converts TCVN3 text to Unicode when at least 3 words (and 2 % of them) show its marks. */
export function repairLegacyText(text: string): LegacyReading {
  const words = text.split(/\s+/).filter(Boolean).length;
  const before = legacyWordCount(text);
  if (before < 3 || before < words * 0.02) return { text, encoding: null };
  const converted = fromTcvn3(text);
  return legacyWordCount(converted) < before / 4 ? { text: converted.normalize('NFC'), encoding: 'tcvn3' } : { text, encoding: null };
}
