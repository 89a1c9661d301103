import type ExcelJS from 'exceljs';
import { fold } from '../../../domain/text';
import { cellInput, cellText, type CellInput } from '../excel/cells';

/**
 * Tables in an officer's worksheet, found by the words of their headings rather than by
 * position: a merged title or an explanation above, a heading on one row or two, columns in any
 * order, extra columns the app does not read, a row of column numbers under the heading.
 */

/** Columns read per row: the template's five and room for officers' extra ones before them. */
const MAX_READ_COLUMNS = 20;
/** A heading is looked for in the first rows: a title and an explanation may come first. */
const HEADING_SEARCH_ROWS = 12;

/** One cell as read: its value, or that it holds a formula (refused: the file must carry values). */
export interface Cell {
  value: CellInput;
  formula: boolean;
}

export interface Grid {
  name: string;
  rows: Cell[][];
}

export const EMPTY: Cell = { value: null, formula: false };

export function letter(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function isFormula(v: ExcelJS.CellValue): boolean {
  return v !== null && typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v);
}

export function gridOf(ws: ExcelJS.Worksheet): Grid {
  const rows: Cell[][] = [];
  const width = Math.min(ws.columnCount, MAX_READ_COLUMNS);
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const v = row.getCell(c).value;
      cells.push({ value: cellInput(v), formula: isFormula(v) });
    }
    rows[n - 1] = cells;
  });
  return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
}

export const words = (text: string): string[] => fold(text).split(/[^a-z0-9]+/).filter((w) => w !== '');

/** True when the heading has every word of one of the alternatives. */
export function heads(label: string[], alternatives: readonly (readonly string[])[]): boolean {
  return alternatives.some((alt) => alt.every((w) => label.includes(w)));
}

export interface ColumnSpec<K extends string> {
  key: K;
  words: readonly (readonly string[])[];
  required: boolean;
}

export interface Table<K extends string> {
  grid: Grid;
  columns: Map<K, { index: number; heading: string }>;
  /** 0-based index of the first row after the heading. */
  firstRow: number;
}

/**
 * The heading row (or two) of a table sheet and the column of each field. Each column takes the
 * first field whose words it has, in the order of `specs` (codes before names, so "Mã chỉ số"
 * is not read as "Tên chỉ số"). A second heading row is used when it completes the first: the
 * group heading then stands over each of its sub-headings ("Thiếu hụt" + "Từ").
 */
export function findTable<K extends string>(grid: Grid, specs: readonly ColumnSpec<K>[]): Table<K> | null {
  const textAt = (r: number, c: number): string => cellText(grid.rows[r]?.[c]?.value ?? null);
  const assign = (labelOf: (c: number) => string, width: number): Map<K, { index: number; heading: string }> => {
    const out = new Map<K, { index: number; heading: string }>();
    for (let c = 0; c < width; c++) {
      const heading = labelOf(c);
      if (heading === '' || heading.length > 120) continue;
      const label = words(heading);
      const spec = specs.find((s) => !out.has(s.key) && heads(label, s.words));
      if (spec) out.set(spec.key, { index: c, heading });
    }
    return out;
  };
  const complete = (m: Map<K, unknown>): boolean => specs.every((s) => !s.required || m.has(s.key));
  for (let r = 0; r < Math.min(grid.rows.length, HEADING_SEARCH_ROWS); r++) {
    // A title or explanation merged across the sheet repeats one text: never a heading.
    if (new Set((grid.rows[r] ?? []).map((c) => cellText(c.value)).filter((x) => x !== '')).size < 2) continue;
    const width = Math.max(grid.rows[r]?.length ?? 0, grid.rows[r + 1]?.length ?? 0);
    const one = assign((c) => textAt(r, c), width);
    const two = assign((c) => {
      const top = textAt(r, c);
      const bottom = textAt(r + 1, c);
      return top === bottom || bottom === '' ? top : top === '' ? bottom : `${top} ${bottom}`;
    }, width);
    if (complete(two) && (!complete(one) || two.size > one.size)) return { grid, columns: two, firstRow: r + 2 };
    if (complete(one)) return { grid, columns: one, firstRow: r + 1 };
  }
  return null;
}

/** A row of column numbers under a heading ("(1) (2) (3)" or "1 2 3"): not data. */
export function isNumberingRow(cells: readonly Cell[]): boolean {
  const texts = cells.map((c) => cellText(c.value)).filter((t) => t !== '');
  return texts.length >= 2 && texts.every((t, i) => t.replace(/[()]/g, '') === String(i + 1));
}

