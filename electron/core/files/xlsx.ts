import ExcelJS from 'exceljs';
import { checkWorkbookBytes } from './workbookLimits';

/**
 * The one home of Excel file handling, for every feature: the table exports of tasks, reports
 * and households (buildWorkbook), the households' own workbooks (newWorkbook, writeCell,
 * workbookBuffer) and reading an uploaded file (loadWorkbook).
 *
 * Safety of cells: exceljs writes a JS string as a string cell (t="s" in the sheet XML), which
 * Excel shows as text and never evaluates, so "=1+1" or "@SUM(A1)" typed by a citizen cannot
 * become a formula in our files; only a `{ formula }` object would, and no code here builds one
 * from data. But a person who opens a table export, clicks into such a cell and presses Enter,
 * or copies the column into another sheet or a CSV, makes Excel parse the text as typed input.
 * So the one-way table exports (buildWorkbook) pass every text through neutraliseText: a text
 * that starts with = + - @ tab or CR gets a leading apostrophe. The households' own workbooks
 * (writeCell) are read back by the import and keep text unchanged, so that a note starting
 * with "- " comes back exactly as it was; they rely on the string-cell type alone.
 */

/** What a cell of an export holds. */
export type CellValue = string | number | Date | null;

/** What a cell of a household workbook holds (the import reads booleans back too). */
export type CellInput = string | number | boolean | Date | null;

export interface SheetSpec {
  name: string;
  title?: string;
  headers: string[];
  widths?: number[];
  rows: CellValue[][];
  dateColumns?: number[];
  /** Lines under the table after a blank row, each across its width (a note on a mark used in it). */
  notes?: string[];
}

export interface WorkbookOptions {
  /**
   * Thousands separators on every figure after the first column (the first is the row number):
   * '#,##0' for whole numbers, '#,##0.0#' otherwise. Excel shows them the way the PC's locale
   * writes them: 1.250 in Vietnamese. Applied while the workbook is built, so it is written once.
   */
  numberFormats?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would read as a formula when re-typed or pasted, made inert. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function neutraliseRow(row: readonly CellValue[]): CellValue[] {
  return row.map((v) => (typeof v === 'string' ? neutraliseText(v) : v));
}

/** A date column holds real Excel dates (YYYY-MM-DD text becomes a Date at noon UTC). */
export function isoToExcelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : null;
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sổ Việc';
  return wb;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  // exceljs types it as its own Buffer; at runtime under Node it is a Node Buffer.
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

export function writeCell(cell: ExcelJS.Cell, value: CellInput): void {
  if (value === null) return;
  cell.value = value;
}

/**
 * An uploaded file as a workbook; throws what exceljs throws when it is not one, and
 * WORKBOOK_TOO_LARGE / WORKBOOK_DIMENSIONS (AppError) before exceljs sees a hostile one.
 */
export async function loadWorkbook(buffer: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : buffer;
  checkWorkbookBytes(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(wholeArrayBuffer(bytes));
  return wb;
}

/**
 * The bytes as an ArrayBuffer, which is what exceljs's load() is typed for (JSZip reads it as
 * well as a Node Buffer): the view's own buffer when it spans all of it, as a file read or an
 * IPC message gives, else a copy of the view.
 */
function wholeArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer } = bytes;
  const whole = buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength;
  return whole ? buffer : bytes.slice().buffer;
}

function applyNumberFormats(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) =>
    row.eachCell((cell, col) => {
      if (typeof cell.value === 'number' && col > 1) cell.numFmt = Number.isInteger(cell.value) ? '#,##0' : '#,##0.0#';
    }),
  );
}

/** Table exports: an optional bold title, a grey header row frozen in place, then the rows. */
export async function buildWorkbook(sheets: SheetSpec[], options: WorkbookOptions = {}): Promise<Buffer> {
  const wb = newWorkbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name.slice(0, 31));
    let headerRow = 1;
    if (spec.title) {
      ws.addRow([neutraliseText(spec.title)]).font = { bold: true, size: 13 };
      ws.mergeCells(1, 1, 1, spec.headers.length);
      headerRow = 3;
      ws.addRow([]);
    }
    const header = ws.addRow(neutraliseRow(spec.headers));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
      c.border = { bottom: { style: 'thin' } };
    });
    for (const r of spec.rows) {
      const row = ws.addRow(neutraliseRow(r));
      row.alignment = { vertical: 'top', wrapText: true };
    }
    if (spec.notes?.length) ws.addRow([]);
    for (const note of spec.notes ?? []) {
      const row = ws.addRow([neutraliseText(note)]);
      ws.mergeCells(row.number, 1, row.number, spec.headers.length);
      row.alignment = { vertical: 'top', wrapText: true };
      row.font = { italic: true };
    }
    for (const col of spec.dateColumns ?? []) ws.getColumn(col).numFmt = 'dd/mm/yyyy';
    spec.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.views = [{ state: 'frozen', ySplit: headerRow }];
    if (options.numberFormats) applyNumberFormats(ws);
  }
  return workbookBuffer(wb);
}
