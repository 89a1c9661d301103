import { AppError } from '../../../domain/errors';
import { streamWorkbook, type StreamedRow, type StreamedSheet } from '../../files/xlsxStream';
import type { Classification } from '../../../domain/households/classify';
import type { Commune } from '../../../domain/households/communes';
import { householdError } from '../../../domain/households/errors';
import type { Household } from '../../../domain/households/household';
import { problem, type Problem } from '../../../domain/households/messages';
import type { PovertyStandard } from '../../../domain/households/standards/schema';
import { cellText, rowCells } from './cells';
import { detectHeader, type ColumnField, type MappedColumn, type UnmappedHeader } from './columns';
import { SheetReader } from './sheetReader';

export interface ImportOptions {
  /** The office's communes; every row must name one of them. */
  communes: readonly Commune[];
  reviewYear: number;
  standard: PovertyStandard;
  /** How far down to look for the header row (offices put titles above the table). */
  maxHeaderRow?: number;
  /** Today in Vietnam ('YYYY-MM-DD'): a Giấy đề nghị received after it is refused. */
  today?: string;
}

export interface ParsedHouseholdRow {
  /** Row number in the sheet, as Excel shows it. */
  row: number;
  household: Household;
  classification: Classification;
  /**
   * False when the sheet had no code for the row: `household.code` is then only a stand-in
   * and the store gives the household its code (store/codes.ts).
   */
  codeGiven: boolean;
}

export interface ImportError {
  /** Row number in the sheet; the header row for a missing column, 0 when no table was found. */
  row: number;
  /** Header text as in the file (or the expected header for a missing column). */
  column: string;
  /** "D"; '' when the column is missing. */
  columnLetter: string;
  field?: ColumnField;
  problem: Problem;
}

/**
 * Where the data rows sit in the file, kept so that the rejected rows can be read again from
 * the same bytes and given back exactly as they were (rejected.ts); the rows themselves are
 * not kept, so a preview of 110,000 rows holds its errors and counts, never the sheet.
 */
export interface SourceTable {
  sheetName: string;
  /** One header text per column (column A first), as wide as the widest data row. */
  headers: string[];
  /** Rows read as households, valid or not, in sheet order. */
  householdRows: number[];
}

export type SkipReason = 'numbering' | 'communeHeading' | 'total' | 'noHouseholdData';

export interface HouseholdWorkbookParse {
  sheetName: string;
  headerRow: number;
  /** Households from rows without any error, in sheet order. */
  rows: ParsedHouseholdRow[];
  errors: ImportError[];
  columnMapping: MappedColumn[];
  unmappedHeaders: UnmappedHeader[];
  /** Non-blank rows that are not households (headings, totals, signatures), shown for review. */
  skippedRows: { row: number; reason: SkipReason }[];
  /** Number of rows read as households, valid or not. */
  householdRowCount: number;
  table: SourceTable;
}

/**
 * Reads an office's household spreadsheet, row by row as the file is parsed (xlsxStream.ts).
 * Each sheet's rows go through a SheetReader (sheetReader.ts), each household row through
 * HouseholdRowParser (householdRow.ts).
 * Bad rows never throw: each problem is reported with its row, column and a message key, and
 * only rows with no problem at all are returned as households. Throws
 * HOUSEHOLD_WORKBOOK_UNREADABLE when the file is not an xlsx, and the workbook limit errors.
 * Runs in the caller's thread; the app runs it in a memory-capped worker (inWorker.ts).
 */
export async function parseHouseholdWorkbook(buffer: Uint8Array | ArrayBuffer, options: ImportOptions): Promise<HouseholdWorkbookParse> {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : buffer;
  let best: HouseholdWorkbookParse | undefined;
  let firstSheet: string | undefined;
  try {
    for await (const sheet of streamWorkbook(bytes)) {
      firstSheet ??= sheet.name;
      const parse = await readSheet(sheet, options);
      // The sheet whose header maps the most columns is the table; the first one on a tie.
      if (parse && (!best || parse.columnMapping.length > best.columnMapping.length)) best = parse;
    }
  } catch (e) {
    // The size and dimension refusals say what is wrong; anything else is "not a workbook".
    if (e instanceof AppError) throw e;
    throw householdError('HOUSEHOLD_WORKBOOK_UNREADABLE');
  }
  if (best) return best;
  const sheetName = firstSheet ?? '';
  return {
    sheetName,
    headerRow: 0,
    rows: [],
    errors: [{ row: 0, column: '', columnLetter: '', problem: problem('headerNotFound') }],
    columnMapping: [],
    unmappedHeaders: [],
    skippedRows: [],
    householdRowCount: 0,
    table: { sheetName, headers: [], householdRows: [] },
  };
}

/**
 * One sheet: the first rows are held until the header is found in them; then every row goes
 * through the reader as it arrives. A sheet without a header is read to its end and dropped.
 */
async function readSheet(sheet: StreamedSheet, options: ImportOptions): Promise<HouseholdWorkbookParse | undefined> {
  const maxRow = options.maxHeaderRow ?? 10;
  const top: StreamedRow[] = [];
  let reader: SheetReader | null | undefined; // undefined: still looking; null: no header in this sheet
  const start = (): void => {
    const width = Math.max(0, ...top.map((r) => r.values.length));
    const text: string[][] = [];
    for (let r = 1; r <= maxRow + 1; r++) {
      const row = top.find((t) => t.number === r);
      text.push(rowCells(row?.values ?? [], width).map(cellText));
    }
    const header = detectHeader(text, options.standard, maxRow);
    reader = header ? new SheetReader(sheet.name, header, width, options) : null;
    if (reader) for (const r of top) if (r.number >= header!.dataStart) reader.add(r);
    top.length = 0;
  };
  for await (const row of sheet.rows) {
    if (reader === undefined) {
      if (row.number <= maxRow + 1) {
        top.push(row);
        continue;
      }
      start();
    }
    reader?.add(row);
  }
  if (reader === undefined) start();
  return reader ? reader.finish() : undefined;
}
