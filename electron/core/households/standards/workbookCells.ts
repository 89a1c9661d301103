import type ExcelJS from 'exceljs';
import { AppError } from '../../../domain/errors';
import type { MessageKey } from '../../../domain/i18n/keys';
import { fold } from '../../../domain/text';
import { cellText, type CellInput } from '../excel/cells';
import { lineAmount } from './lineAmount';
import { EMPTY, findTable, gridOf, isNumberingRow, letter, type ColumnSpec, type Grid, type Table } from './sheetTables';
import { SHEET } from './workbook';

/**
 * Reading cells of the standard workbook while collecting what is wrong with them: each value
 * comes with its place (sheet, row, column and heading) and every problem is kept, so the
 * officer sees the first one and how many there are. The sheets' own rules are in workbookRead.ts.
 */

export interface Problem {
  code: string;
  key: MessageKey;
  params: Record<string, string | number>;
}

/** Where a value came from, for messages: sheet, 1-based row, column letter and its heading. */
export interface Place {
  sheet: string;
  row: number;
  column: string;
}

export class WorkbookCells {
  protected readonly problems: Problem[] = [];

  constructor(private readonly wb: ExcelJS.Workbook) {}

  protected refuse(): never {
    const first = this.problems[0] ?? { code: 'STANDARD_XLSX_UNREADABLE', key: 'households:errors.STANDARD_XLSX_UNREADABLE' as const, params: {} };
    throw new AppError(first.code, first.key, { ...first.params, count: Math.max(this.problems.length, 1) });
  }

  protected fail(code: string, key: MessageKey, place: Place | { sheet: string }, params: Record<string, string | number> = {}): void {
    this.problems.push({ code, key, params: { ...place, ...params } });
  }

  protected sheet(key: keyof typeof SHEET, required: boolean): Grid | null {
    const name = SHEET[key];
    const ws = this.wb.worksheets.find((w) => fold(w.name) === fold(name));
    if (!ws) {
      if (required) this.fail('STANDARD_XLSX_SHEET_MISSING', 'households:errors.STANDARD_XLSX_SHEET_MISSING', { sheet: name });
      return null;
    }
    return gridOf(ws);
  }

  protected place(grid: Grid, row: number, col: number, heading: string): Place {
    return { sheet: grid.name, row: row + 1, column: heading === '' ? letter(col + 1) : `${letter(col + 1)} “${heading}”` };
  }

  /** The cell's value, or null with a problem when it holds a formula. */
  protected value(grid: Grid, row: number, col: number, heading: string): CellInput {
    const cell = grid.rows[row]?.[col] ?? EMPTY;
    if (cell.formula) {
      this.fail('STANDARD_XLSX_FORMULA', 'households:errors.STANDARD_XLSX_FORMULA', this.place(grid, row, col, heading));
      return null;
    }
    return cell.value;
  }

  protected table<K extends string>(grid: Grid, specs: readonly ColumnSpec<K>[], headings: readonly string[]): Table<K> | null {
    const t = findTable(grid, specs);
    if (!t) this.fail('STANDARD_XLSX_HEADING', 'households:errors.STANDARD_XLSX_HEADING', { sheet: grid.name }, { headings: headings.join(', ') });
    return t;
  }

  /** Data rows of a table: after the heading, skipping numbering rows and rows blank in every read column. */
  protected rowsOf<K extends string>(t: Table<K>, max: number, what: string): number[] {
    const cols = [...t.columns.values()].map((c) => c.index);
    const out: number[] = [];
    for (let r = t.firstRow; r < t.grid.rows.length; r++) {
      const cells = t.grid.rows[r] ?? [];
      if (cols.every((c) => cellText(cells[c]?.value ?? null) === '' && !cells[c]?.formula)) continue;
      if (out.length === 0 && isNumberingRow(cells)) continue;
      out.push(r);
    }
    if (out.length > max) this.fail('STANDARD_XLSX_TOO_MANY', 'households:errors.STANDARD_XLSX_TOO_MANY', { sheet: t.grid.name }, { rowCount: out.length, max, what });
    return out.slice(0, max);
  }

  protected text<K extends string>(t: Table<K>, row: number, key: K): { text: string; place: Place } {
    const col = t.columns.get(key);
    if (!col) return { text: '', place: { sheet: t.grid.name, row: row + 1, column: '' } };
    const place = this.place(t.grid, row, col.index, col.heading);
    return { text: cellText(this.value(t.grid, row, col.index, col.heading)), place };
  }

  protected raw<K extends string>(t: Table<K>, row: number, key: K): { value: CellInput; place: Place } {
    const col = t.columns.get(key);
    if (!col) return { value: null, place: { sheet: t.grid.name, row: row + 1, column: '' } };
    return { value: this.value(t.grid, row, col.index, col.heading), place: this.place(t.grid, row, col.index, col.heading) };
  }

  protected required(text: string, place: Place): string {
    if (text === '') this.fail('STANDARD_XLSX_EMPTY', 'households:errors.STANDARD_XLSX_EMPTY', place);
    return text;
  }

  protected wholeNumber(v: CellInput, place: Place, allowBlank: boolean): number | undefined {
    const text = cellText(v);
    if (text === '') {
      if (!allowBlank) this.fail('STANDARD_XLSX_EMPTY', 'households:errors.STANDARD_XLSX_EMPTY', place);
      return undefined;
    }
    const n = typeof v === 'number' ? v : /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(n) || n < 0) {
      this.fail('STANDARD_XLSX_WHOLE_NUMBER', 'households:errors.STANDARD_XLSX_WHOLE_NUMBER', place, { value: text });
      return undefined;
    }
    return n;
  }

  protected amount(v: CellInput, place: Place): number | undefined {
    const read = lineAmount(v);
    if (read === 'unreadable') this.fail('STANDARD_XLSX_AMOUNT', 'households:errors.STANDARD_XLSX_AMOUNT', place, { value: cellText(v) });
    else if (read === 'notDong') this.fail('STANDARD_XLSX_AMOUNT_UNIT', 'households:errors.STANDARD_XLSX_AMOUNT_UNIT', place, { value: cellText(v) });
    return typeof read === 'number' ? read : undefined;
  }

  protected code(text: string, place: Place, pattern: RegExp, code: string, key: MessageKey): string {
    if (text !== '' && !pattern.test(text)) this.fail(code, key, place, { value: text.slice(0, 60) });
    return text;
  }
}
