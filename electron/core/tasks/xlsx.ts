import ExcelJS from 'exceljs';

/**
 * Shared Excel helpers. Text that starts like a formula (= + - @) is written as a string cell,
 * and exceljs never turns strings into formulas, so a cell "=1+1" reads back as text.
 */
export type CellValue = string | number | Date | null;

export interface SheetSpec {
  name: string;
  title?: string;
  headers: string[];
  widths?: number[];
  rows: CellValue[][];
  dateColumns?: number[];
}

/** A date column holds real Excel dates (YYYY-MM-DD text becomes a Date at noon UTC). */
export function isoToExcelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : null;
}

export async function buildWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sổ Việc';
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name.slice(0, 31));
    let headerRow = 1;
    if (spec.title) {
      ws.addRow([spec.title]).font = { bold: true, size: 13 };
      ws.mergeCells(1, 1, 1, spec.headers.length);
      headerRow = 3;
      ws.addRow([]);
    }
    const header = ws.addRow(spec.headers);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
      c.border = { bottom: { style: 'thin' } };
    });
    for (const r of spec.rows) {
      const row = ws.addRow(r);
      row.alignment = { vertical: 'top', wrapText: true };
    }
    for (const col of spec.dateColumns ?? []) ws.getColumn(col).numFmt = 'dd/mm/yyyy';
    spec.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.views = [{ state: 'frozen', ySplit: headerRow }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
