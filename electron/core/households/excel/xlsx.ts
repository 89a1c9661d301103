import ExcelJS from 'exceljs';
import type { CellInput } from './cells';

/**
 * Writing cells safely. exceljs writes a JS string as a string cell (t="s" in the sheet XML),
 * which Excel shows as text and never evaluates, so "=1+1" or "@SUM(A1)" typed by a citizen
 * cannot become a formula in our files; only a `{ formula }` object would, and no code here
 * builds one from data. Text is therefore written unchanged rather than prefixed: a note that
 * starts with "- " must come back exactly as it was.
 */
export function writeCell(cell: ExcelJS.Cell, value: CellInput): void {
  if (value === null) return;
  if (typeof value === 'string') cell.value = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) cell.value = value;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  // exceljs types it as its own Buffer; at runtime under Node it is a Node Buffer.
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sổ Việc';
  return wb;
}
