import { formatProblemVi } from '../../../domain/households/messages';
import { rowCells } from './cells';
import type { ImportError, SourceTable } from './import';
import { newWorkbook, workbookBuffer, writeCell } from '../../files/xlsx';
import { streamWorkbook } from '../../files/xlsxStream';

export const REJECTED_SHEET_NAME = 'Dòng bị từ chối';
export const ROW_COLUMN_HEADER = 'Dòng gốc';
export const ERROR_COLUMN_HEADER = 'Lỗi';

/**
 * The rows an import refused, as they were, plus "Dòng gốc" (row in the original file) and
 * "Lỗi" (every problem of the row, in Vietnamese). The office fixes this file and imports it
 * again: the two extra columns are not household columns, so the import ignores them.
 * A problem of the whole file (a missing column) rejects every row and is repeated on each.
 * The rows are read again from the file's bytes (the preview keeps only their numbers).
 */
export async function buildRejectedWorkbook(bytes: Uint8Array, original: SourceTable, errors: readonly ImportError[]): Promise<Buffer> {
  const dataRows = new Set(original.householdRows);
  const fileLevel = errors.filter((e) => !dataRows.has(e.row));
  const byRow = new Map<number, ImportError[]>();
  for (const e of errors) {
    if (!dataRows.has(e.row)) continue;
    const list = byRow.get(e.row);
    if (list) list.push(e);
    else byRow.set(e.row, [e]);
  }

  const wb = newWorkbook();
  const ws = wb.addWorksheet(REJECTED_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = original.headers.length;
  const header = ws.getRow(1);
  original.headers.forEach((h, i) => writeCell(header.getCell(i + 1), h));
  writeCell(header.getCell(width + 1), ROW_COLUMN_HEADER);
  writeCell(header.getCell(width + 2), ERROR_COLUMN_HEADER);
  header.font = { bold: true };

  let out = 2;
  for await (const sheet of streamWorkbook(bytes)) {
    // The other sheets are never parsed (sheet names are unique in a workbook).
    if (sheet.name !== original.sheetName) continue;
    for await (const src of sheet.rows) {
      if (!dataRows.has(src.number)) continue;
      const own = byRow.get(src.number) ?? [];
      if (own.length === 0 && fileLevel.length === 0) continue;
      const row = ws.getRow(out++);
      rowCells(src.values, width).forEach((v, i) => writeCell(row.getCell(i + 1), v));
      writeCell(row.getCell(width + 1), src.number);
      const text = [...fileLevel, ...own].map((e) => (e.column ? `${e.column}: ${formatProblemVi(e.problem)}` : formatProblemVi(e.problem)));
      const cell = row.getCell(width + 2);
      writeCell(cell, text.join('\n'));
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
    break;
  }
  ws.getColumn(width + 2).width = 60;
  return workbookBuffer(wb);
}
