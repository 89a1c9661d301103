import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { checkWorkbookDirectory, tooLarge, tooWide, WORKBOOK_LIMITS, type WorkbookLimits } from './workbookLimits';

/**
 * Reading an uploaded workbook row by row (exceljs's streaming reader), for files that can be
 * large: the household import. Nothing of a sheet is kept here; the caller keeps what it needs.
 *
 * Limits: the zip's directory is checked first (declared sizes and ratios, no inflation); then
 * the rows are counted and measured as they are parsed: a row number or a count of rows over
 * maxRows, a row wider than maxColumns, or more text than maxInflatedBytes in one sheet stops
 * the read with WORKBOOK_DIMENSIONS / WORKBOOK_TOO_LARGE. So the file is inflated once, by the
 * reader. What the reader itself keeps (the shared strings) is bounded by the memory cap of
 * the worker the import runs in (households/excel/inWorker.ts).
 */

export interface StreamedRow {
  /** Row number as Excel shows it. */
  number: number;
  /** Cell values from column A; holes are undefined. */
  values: ExcelJS.CellValue[];
}

export interface StreamedSheet {
  name: string;
  /** Must be read to its end (or `drain`ed) before the next sheet is asked for. */
  rows: AsyncIterable<StreamedRow>;
}

type WorksheetReader = AsyncIterable<ExcelJS.Row> & { name?: string; id?: number };

function textLength(v: ExcelJS.CellValue): number {
  if (typeof v === 'string') return v.length;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.reduce((n, r) => n + r.text.length, 0);
  return 8;
}

async function* rowsOf(ws: WorksheetReader, limits: WorkbookLimits): AsyncGenerator<StreamedRow> {
  let ordinal = 0;
  let last = 0;
  let chars = 0;
  for await (const row of ws) {
    ordinal++;
    // A row without its "r" attribute follows the previous one, as Excel reads it.
    const number = Number.isFinite(row.number) && row.number > 0 ? row.number : last + 1;
    last = number;
    if (number > limits.maxRows || ordinal > limits.maxRows) throw tooWide(Math.max(number, ordinal), 0, limits);
    const width = row.cellCount;
    if (width > limits.maxColumns) throw tooWide(number, width, limits);
    const values: ExcelJS.CellValue[] = [];
    for (let c = 1; c <= width; c++) {
      const v = row.getCell(c).value;
      chars += textLength(v);
      values.push(v);
    }
    if (chars > limits.maxInflatedBytes) throw tooLarge(Math.round(limits.maxInflatedBytes / 1024 / 1024));
    yield { number, values };
  }
}

/** Reads what is left of a sheet, so the reader can move on to the next one. */
export async function drain(rows: AsyncIterable<StreamedRow>): Promise<void> {
  for await (const _row of rows) {
    // nothing kept
  }
}

/**
 * The sheets of a workbook in file order, each with its rows as they are parsed. Throws the
 * limit errors above, and what exceljs throws when the bytes are not a workbook.
 */
export async function* streamWorkbook(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): AsyncGenerator<StreamedSheet> {
  if (!checkWorkbookDirectory(bytes, limits)) throw new Error('not a zip file');
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  // Styles are read so that date-formatted numbers come back as dates, as the full loader gives them.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const ws of reader as unknown as AsyncIterable<WorksheetReader>) {
    const rows = rowsOf(ws, limits);
    yield { name: ws.name ?? `Sheet${ws.id ?? ''}`, rows };
    // The caller may have stopped early: the reader needs the rest of this sheet consumed.
    await drain(rows);
  }
}
