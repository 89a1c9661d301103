import { fold } from './text';

/**
 * Number formats, one style per language: Vietnamese "1.500.000,5" ("." groups thousands, ","
 * marks decimals), English "1,500,000.5". Money is "1.500.000 đ".
 * Written by hand rather than with Intl so output never depends on the ICU build of the PC.
 * The one number module: the core (Excel import, exports, messages), the CLI and the renderer
 * (renderer/i18n/format.ts, the antd input formatters) all format and group through here.
 * Exports and the CLI stay Vietnamese (formatNumberVi); the UI follows its language.
 */

/** The languages with a number style; anything else reads as Vietnamese. */
export type NumberLang = 'vi' | 'en';

export interface NumberStyle {
  /** Between groups of three digits. */
  group: '.' | ',';
  /** Before the decimals. */
  decimal: ',' | '.';
}

const STYLES: Record<NumberLang, NumberStyle> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** The separators of a language ("en", "en-GB" → English; everything else Vietnamese). */
export function numberStyle(lang: string): NumberStyle {
  return lang === 'en' || lang.startsWith('en-') ? STYLES.en : STYLES.vi;
}

/** "1500000" -> "1.500.000" (or "1,500,000" with group ","): digits only, no sign. */
export function groupThousands(digits: string, group: '.' | ',' = '.'): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/** A figure in a language's style, at most `maximumFractionDigits` decimals, trailing zeros dropped. */
export function formatNumber(value: number, lang: string, maximumFractionDigits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const style = numberStyle(lang);
  const factor = 10 ** maximumFractionDigits;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [intPart = '0', fracPart] = rounded.toFixed(maximumFractionDigits).split('.');
  const grouped = groupThousands(intPart, style.group);
  const frac = fracPart?.replace(/0+$/, '') ?? '';
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return sign + grouped + (frac ? `${style.decimal}${frac}` : '');
}

/** Vietnamese style: what exports, the CLI and Excel files always use. */
export function formatNumberVi(value: number, maximumFractionDigits = 2): string {
  return formatNumber(value, 'vi', maximumFractionDigits);
}

/** Whole đồng, e.g. 1500000 -> "1.500.000 đ". */
export function formatVnd(amount: number): string {
  return `${formatNumberVi(Math.round(amount), 0)} đ`;
}

/**
 * Reads what people type or paste: "1.500.000", "1 500 000 đ", "1,500,000", "1500000 VNĐ",
 * "2,5" (decimal comma). A single separator followed by exactly three digits groups thousands
 * (amounts here are đồng, so "1,500" is 1500, never 1.5). Undefined when it is not a number.
 */
export function parseNumberVi(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  const s = fold(input)
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(₫|vnd|dong|d)$/, '');
  const m = /^(-?)(\d[\d.,]*)$/.exec(s);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2] ?? '';
  const value = parseUnsigned(body);
  return value === undefined ? undefined : sign * value;
}

function parseUnsigned(body: string): number | undefined {
  const dots = countOf(body, '.');
  const commas = countOf(body, ',');
  if (dots === 0 && commas === 0) return /^\d+$/.test(body) ? Number(body) : undefined;
  if (dots > 0 && commas > 0) {
    // Both present: the last one is the decimal mark, the other groups thousands.
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if (countOf(body, decimal) !== 1) return undefined;
    const [intPart = '', fracPart = ''] = body.split(decimal);
    if (!isGrouped(intPart, group) || !/^\d+$/.test(fracPart)) return undefined;
    return Number(`${intPart.split(group).join('')}.${fracPart}`);
  }
  const sep = dots > 0 ? '.' : ',';
  if (countOf(body, sep) > 1 || /^\d{1,3}[.,]\d{3}$/.test(body)) {
    return isGrouped(body, sep) ? Number(body.split(sep).join('')) : undefined;
  }
  return /^\d+[.,]\d+$/.test(body) ? Number(body.replace(',', '.')) : undefined;
}

function isGrouped(text: string, sep: string): boolean {
  const escaped = sep === '.' ? '\\.' : ',';
  return new RegExp(`^\\d{1,3}(${escaped}\\d{3})*$`).test(text);
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}
