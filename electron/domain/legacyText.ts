import { TCVN3_TO_UNICODE, VNI_LETTERS, VNI_MARKS } from './legacyCharts';

/**
 * Text typed with the legacy ABC fonts (.VnTime) arrives as Latin-1 symbols inside words:
 * "Së Lao ®éng - Th¬ng binh" for "Sở Lao động - Thương binh". Detected by counting words that
 * mix letters with characters no Vietnamese word holds (¶ ¾ ¸ ¬ ® µ …), converted through the
 * TCVN3 chart (legacyCharts.ts), and kept only when the conversion removes those words.
 * Text typed with the VNI fonts (VNI-Times) shows the same symptom ("Sôû Lao ñoäng"); the two
 * codes are told apart by converting through both charts and keeping the reading in which
 * more of the commonest Vietnamese words appear spelled right.
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

/** Vowels a VNI mark byte attaches to (before any mark of their own). */
const VNI_BASES = new Set([...'aeouyAEOUYơưƠƯ']);

export function fromVni(text: string): string {
  let out = '';
  let prev = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const marks = VNI_BASES.has(prev) ? VNI_MARKS[code] : undefined;
    const piece = marks ?? VNI_LETTERS[code] ?? ch;
    out += piece;
    prev = marks === undefined ? piece : '';
  }
  return out.normalize('NFC');
}

export type LegacyEncoding = 'tcvn3' | 'vni';

export interface LegacyReading {
  text: string;
  /** The legacy code the text was converted from, or null when it was Unicode already. */
  encoding: LegacyEncoding | null;
}

/**
 * Words that fill any Vietnamese administrative text, all with marks, so a reading through the
 * wrong chart does not spell them.
 */
const COMMON_WORDS = new Set(
  'của và các được những người năm về với đến thực hiện tỉnh huyện xã công tác báo cáo đồng ngày tháng động sở việc có là này tại đơn vị chính phủ đề nghị kết quả hộ nghèo ủy ban dân phòng thương hội'.split(' '),
);

function commonWordHits(text: string): number {
  let n = 0;
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) if (COMMON_WORDS.has(w)) n++;
  return n;
}

const CONVERTERS: Record<LegacyEncoding, (text: string) => string> = { tcvn3: fromTcvn3, vni: fromVni };

/**
 * Converts TCVN3 or VNI text to Unicode when at least 3 words (and 2 % of them) show legacy
 * marks; the chart that spells more common words wins, and it must remove most of those words.
 */
export function repairLegacyText(text: string): LegacyReading {
  const words = text.split(/\s+/).filter(Boolean).length;
  const before = legacyWordCount(text);
  if (before < 3 || before < words * 0.02) return { text, encoding: null };
  let best: { text: string; encoding: LegacyEncoding; hits: number } | null = null;
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const converted = CONVERTERS[encoding](text).normalize('NFC');
    if (legacyWordCount(converted) >= before / 4) continue;
    const hits = commonWordHits(converted);
    if (best === null || hits > best.hits) best = { text: converted, encoding, hits };
  }
  return best ? { text: best.text, encoding: best.encoding } : { text, encoding: null };
}
