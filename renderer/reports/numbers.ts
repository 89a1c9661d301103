/**
 * Vietnamese number entry: "1.250" for a thousand two hundred and fifty, "1.250,5" with a
 * decimal part. Used as antd InputNumber formatter and parser, so what the officer types and
 * what the report stores (a plain number) never disagree.
 */

import { formatNumberVi, groupThousands as group } from '../../electron/domain/numbers';

/** A number or a machine string ("1250.5") as Vietnamese text ("1.250,5"). */
export function formatViNumber(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const s = String(value);
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) return s;
  const [, sign = '', int = '', dec] = m;
  return `${sign}${group(int)}${dec !== undefined ? `,${dec}` : ''}`;
}

/**
 * What the officer is typing, regrouped as they type: dots are thousands and are put back
 * where they belong, a comma starts the decimals and is kept even before any decimal digit.
 */
export function formatViTyping(input: string): string {
  const trimmed = input.replace(/\s/g, '');
  const m = /^(-?)([\d.]*)(?:,(\d*))?$/.exec(trimmed);
  if (!m) return input;
  const [, sign = '', int = '', dec] = m;
  return `${sign}${group(int.replace(/\./g, ''))}${dec !== undefined ? `,${dec}` : ''}`;
}

/** Vietnamese text back to a machine string: "1.250,5" -> "1250.5"; anything else -> "". */
export function parseViNumber(text: string | undefined): string {
  if (!text) return '';
  const s = text.replace(/[\s.\u00a0đ%]/g, '').replace(',', '.');
  return /^-?\d*\.?\d*$/.test(s) ? s : '';
}

/** Display of a figure in tables and charts: "1.250", "12,5"; empty for nothing. */
export function showNumber(n: number | null | undefined, decimals = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  return formatNumberVi(n, decimals);
}
