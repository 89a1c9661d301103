/**
 * Grouping while typing, in the UI language: "1500000" shows as "1.500.000" ("1,500,000" in
 * English) and the caret stays after the
 * same digit it was after, so typing in the middle of a number does not throw the caret to the end.
 */
import { groupThousands, numberStyle, type NumberLang } from '../../../electron/domain/numbers';
import { numberLanguage } from '../../i18n/format';

export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** "1500000" -> "1.500.000" ("1,500,000" in English); leading zeros dropped ("007" -> "7"), "" stays "". */
export function groupDigits(digits: string, lang: NumberLang = numberLanguage()): string {
  const clean = digits.replace(/^0+(?=\d)/, '');
  return groupThousands(clean, numberStyle(lang).group);
}

/** The text to show and where the caret goes after the user typed `raw` with the caret at `caret`. */
export function regroup(raw: string, caret: number, lang: NumberLang = numberLanguage()): { text: string; caret: number } {
  const digitsBefore = digitsOf(raw.slice(0, caret)).replace(/^0+(?=\d)/, '').length;
  const text = groupDigits(digitsOf(raw), lang);
  let seen = 0;
  let pos = 0;
  while (pos < text.length && seen < digitsBefore) {
    if (/\d/.test(text[pos] as string)) seen++;
    pos++;
  }
  return { text, caret: pos };
}

/** The amount in a grouped text; null when there is no digit. */
export function amountOf(text: string): number | null {
  const d = digitsOf(text);
  return d === '' ? null : Number(d);
}
