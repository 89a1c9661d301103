import type { CellValue as ExcelCellValue } from 'exceljs';
import { fold } from '../../../domain/text';
import { normaliseIdNumber } from '../../../domain/households/household';
import type { Area } from '../../../domain/households/standards/schema';

import type { CellInput } from '../../files/xlsx';

/** A cell reduced to what the import cares about (CellInput): formulas give their cached result. */
export type { CellInput };

export function cellInput(v: ExcelCellValue): CellInput {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('').normalize('NFC');
  if ('hyperlink' in v) return textOf(v.text as unknown);
  if ('error' in v) return v.error;
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) {
    const r = (v as { result?: unknown }).result;
    if (r === undefined || r === null) return null;
    if (typeof r === 'object' && !(r instanceof Date) && 'error' in r) return String((r as { error: unknown }).error);
    return cellInput(r as ExcelCellValue);
  }
  return null;
}

function textOf(t: unknown): string {
  if (typeof t === 'string') return t.normalize('NFC');
  if (t && typeof t === 'object' && 'richText' in t && Array.isArray(t.richText)) {
    return t.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join('').normalize('NFC');
  }
  return '';
}

/** Text as a person would read it in the cell, trimmed; '' for an empty cell. */
export function cellText(v: CellInput): string {
  if (v === null) return '';
  if (v instanceof Date) {
    const dd = String(v.getUTCDate()).padStart(2, '0');
    const mm = String(v.getUTCMonth() + 1).padStart(2, '0');
    return `${dd}/${mm}/${v.getUTCFullYear()}`;
  }
  return String(v).replace(/\s+/g, ' ').trim();
}

export function isBlank(v: CellInput): boolean {
  return cellText(v) === '';
}

/**
 * ID number from a cell. Typed into a General cell, "020123456789" becomes the number
 * 20123456789 and loses its leading zero (every CCCD starts with a 0 province code, CMND
 * often too). A numeric cell of 10-11 digits can only be such a CCCD, and one of 8 digits
 * such a CMND, so the zeros are restored; text cells are taken as written.
 */
export function idNumberFromCell(v: CellInput): string {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) {
    const digits = String(v);
    if (digits.length === 10 || digits.length === 11) return digits.padStart(12, '0');
    if (digits.length === 8) return digits.padStart(9, '0');
    return digits;
  }
  return normaliseIdNumber(cellText(v));
}

const YES = new Set(['x', '1', 'co', 'c', 'v', '✓', '✔', '√', 'true', 'yes', 'y', 'thieu', 'thieu hut']);
const NO = new Set(['', '0', 'khong', 'k', 'false', 'no', 'n', '-', '–']);

/** A deprivation or merit mark: "x", 1, "có" mean yes; blank, 0, "không", "-" mean no. */
export function parseMark(v: CellInput): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  // The usual marks first: folding every indicator cell of 100,000 rows is a good part of an import.
  if (v === null || v === 'x' || v === 'X') return v !== null;
  const t = fold(cellText(v)).replace(/[.)]$/, '');
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

const URBAN = new Set(['thanh thi', 'tt', 'urban', 'do thi', 'khu vuc thanh thi']);
const RURAL = new Set(['nong thon', 'nt', 'rural', 'khu vuc nong thon']);

/** null for a blank cell (area then follows the commune), undefined when not understood. */
export function parseArea(v: CellInput): Area | null | undefined {
  const t = fold(cellText(v));
  if (t === '') return null;
  if (URBAN.has(t)) return 'urban';
  if (RURAL.has(t)) return 'rural';
  return undefined;
}

/** Cells of a streamed row as the import reads them, padded to `width`. */
export function rowCells(values: readonly ExcelCellValue[], width: number): CellInput[] {
  const out: CellInput[] = [];
  for (let c = 0; c < Math.max(width, values.length); c++) out.push(cellInput(values[c] ?? null));
  return out;
}
