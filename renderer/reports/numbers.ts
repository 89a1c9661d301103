/**
 * Number entry in the UI language: Vietnamese "1.250" / "1.250,5", English "1,250" / "1,250.5".
 * Used as antd InputNumber formatter and parser, so what the officer types and what the report
 * stores (a plain number) never disagree. The separators come from electron/domain/numbers.ts.
 */

import { formatNumber, groupThousands as group, numberStyle, type NumberLang } from '../../electron/domain/numbers';
import { numberLanguage } from '../i18n/format';

/** A number or a machine string ("1250.5") as text in the language ("1.250,5" / "1,250.5"). */
export function formatNumberText(value: string | number | null | undefined, lang: NumberLang = numberLanguage()): string {
  if (value === null || value === undefined || value === '') return '';
  const s = String(value);
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) return s;
  const { group: g, decimal } = numberStyle(lang);
  const [, sign = '', int = '', dec] = m;
  return `${sign}${group(int, g)}${dec !== undefined ? `${decimal}${dec}` : ''}`;
}

/**
 * What the officer is typing, regrouped as they type: group marks are put back where they
 * belong, the decimal mark starts the decimals and is kept even before any decimal digit.
 */
export function formatTyping(input: string, lang: NumberLang = numberLanguage()): string {
  const { group: g, decimal } = numberStyle(lang);
  const trimmed = input.replace(/\s/g, '');
  const m = lang === 'en' ? /^(-?)([\d,]*)(?:\.(\d*))?$/.exec(trimmed) : /^(-?)([\d.]*)(?:,(\d*))?$/.exec(trimmed);
  if (!m) return input;
  const [, sign = '', int = '', dec] = m;
  return `${sign}${group(int.split(g).join(''), g)}${dec !== undefined ? `${decimal}${dec}` : ''}`;
}

/** Text in the language back to a machine string: "1.250,5" / "1,250.5" -> "1250.5"; anything else -> "". */
export function parseNumberText(text: string | undefined, lang: NumberLang = numberLanguage()): string {
  if (!text) return '';
  const { group: g, decimal } = numberStyle(lang);
  const s = text.replace(/[\s\u00a0đ%]/g, '').split(g).join('').replace(decimal, '.');
  return /^-?\d*\.?\d*$/.test(s) ? s : '';
}

/** Display of a figure in tables and charts: "1.250" / "1,250"; empty for nothing. */
export function showNumber(n: number | null | undefined, decimals = 2, lang: NumberLang = numberLanguage()): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  return formatNumber(n, lang, decimals);
}
