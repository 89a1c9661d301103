import { parseNumberVi } from '../../../domain/numbers';
import { fold } from '../../../domain/text';
import { cellText, type CellInput } from '../excel/cells';

/** Below this a monthly line per person was typed in thousands or millions without saying so. */
const MIN_AMOUNT = 100_000;
const MAX_AMOUNT = 100_000_000;

/**
 * An income line in đồng as officers type it: 1500000 (a number cell), "1.500.000",
 * "1 500 000 đồng", "1,5 triệu". A bare "1,5" or "1.500" is 'notDong': without a unit it reads
 * as 1,5 or 1.500 đồng, which no monthly line is, so the officer is asked to write the unit or
 * the đồng; "1.500 triệu" (a thousand and a half million, or one and a half?) is 'unreadable'.
 * undefined for a blank cell.
 */
export function lineAmount(v: CellInput): number | 'unreadable' | 'notDong' | undefined {
  const text = cellText(v);
  if (text === '') return undefined;
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else {
    const folded = fold(text);
    const million = /^(\d+)(?:[.,](\d{1,2}))?\s*(trieu|tr)\.?$/.exec(folded.replace(/\s*(dong|d|vnd)$/, ''));
    if (million) n = Number(million[1]) * 1_000_000 + Number((million[2] ?? '').padEnd(6, '0'));
    else if (/trieu|nghin|ngan/.test(folded)) n = undefined;
    else n = parseNumberVi(text);
  }
  if (n === undefined || !Number.isFinite(n)) return 'unreadable';
  if (!Number.isInteger(n) || n < MIN_AMOUNT || n > MAX_AMOUNT) return 'notDong';
  return n;
}
