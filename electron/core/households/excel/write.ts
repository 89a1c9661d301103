import type ExcelJS from 'exceljs';
import { communeLabel, type Commune } from '../../../domain/households/communes';
import type { Household } from '../../../domain/households/household';
import { dayVi } from '../../../domain/households/mediumRequest';
import { SECTOR_CELL } from '../../../domain/households/sector';
import { standardById } from '../../../domain/households/standards';
import { indicatorsOf, type PovertyStandard } from '../../../domain/households/standards/schema';
import type { CellInput } from './cells';
import { BASE_FIELDS, type BaseField, type ColumnField } from './columns';
import { newWorkbook, workbookBuffer, writeCell } from '../../files/xlsx';

export interface OfficeWorkbookOptions {
  communes: readonly Commune[];
  /** Defaults to the standard named by the first household. */
  standard?: PovertyStandard;
  /** Title above the table; defaults to "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM <year>". */
  title?: string;
  subtitle?: string;
  /** Indicators under their service heading on a second header row, as on the review form. */
  twoRowHeader?: boolean;
  /** A "(1) (2) (3)..." row under the header, as many offices print. */
  numberingRow?: boolean;
  /** Cells to overwrite to make bad rows: household index, column, value (null empties it). */
  overrides?: readonly { index: number; field: ColumnField; value: CellInput }[];
  sheetName?: string;
}

export interface OfficeWorkbook {
  buffer: Buffer;
  headerRow: number;
  firstDataRow: number;
  /** Sheet row of the household at `index`. */
  rowOf(index: number): number;
}

const BASE_COLUMNS: readonly BaseField[] = ['seq', 'code', 'headName', 'idNumber', 'ethnicity', 'commune', 'village', 'area', 'members', 'income'];
const TAIL_COLUMNS: readonly BaseField[] = ['sector', 'mediumRequest', 'merit', 'notes'];
const INCOME_HEADER = 'Thu nhập BQ người/tháng (đồng)';

function headerOf(field: BaseField): string {
  if (field === 'income') return INCOME_HEADER;
  return BASE_FIELDS.find((d) => d.field === field)?.label ?? field;
}

/**
 * A household list the way district offices keep it: title rows, then the table with one
 * column per indicator marked "x". Used by tests and benchmarks as the import's input.
 */
export async function writeHouseholdWorkbook(households: readonly Household[], options: OfficeWorkbookOptions): Promise<OfficeWorkbook> {
  const first = households[0];
  const standard = options.standard ?? (first ? standardById(first.standardId) : undefined);
  if (!standard) throw new Error('writeHouseholdWorkbook: no standard and no household to take it from');
  const indicators = indicatorsOf(standard);
  const fields: ColumnField[] = [...BASE_COLUMNS, ...indicators.map((i) => `indicator:${i.code}` as ColumnField), ...TAIL_COLUMNS];
  const col = new Map(fields.map((f, i) => [f, i + 1]));
  const communes = new Map(options.communes.map((c) => [c.code, c]));

  const wb = newWorkbook();
  const ws = wb.addWorksheet(options.sheetName ?? 'Danh sách hộ');
  const year = first?.reviewYear ?? '';
  ws.getCell(1, 1).value = options.title ?? `DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM ${year}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, fields.length);
  ws.getCell(2, 1).value = options.subtitle ?? `(Theo ${standard.title.toLowerCase()})`;
  ws.mergeCells(2, 1, 2, fields.length);

  const headerRow = 4;
  const lastHeaderRow = options.twoRowHeader ? headerRow + 1 : headerRow;
  writeHeader(ws, fields, standard, headerRow, !!options.twoRowHeader);
  let firstDataRow = lastHeaderRow + 1;
  if (options.numberingRow) {
    fields.forEach((_f, i) => writeCell(ws.getCell(firstDataRow, i + 1), `(${i + 1})`));
    firstDataRow++;
  }

  households.forEach((h, i) => {
    const row = ws.getRow(firstDataRow + i);
    const values: Partial<Record<ColumnField, CellInput>> = {
      seq: i + 1,
      code: h.code,
      headName: h.headName,
      idNumber: h.idNumber,
      ethnicity: h.ethnicity,
      commune: communes.has(h.communeCode) ? communeLabel(communes.get(h.communeCode) as Commune) : h.communeCode,
      village: h.village,
      area: h.area === 'urban' ? 'Thành thị' : 'Nông thôn',
      members: h.members,
      income: h.incomePerPerson,
      sector: h.sector ? SECTOR_CELL[h.sector] : null,
      mediumRequest: h.mediumRequest ? dayVi(h.mediumRequest.receivedOn) : null,
      merit: h.merit ? 'x' : null,
      notes: h.notes,
    };
    for (const ind of indicators) values[`indicator:${ind.code}`] = h.deprived.includes(ind.code) ? 'x' : null;
    for (const [f, v] of Object.entries(values) as [ColumnField, CellInput][]) writeCell(row.getCell(col.get(f) ?? 0), v);
    row.getCell(col.get('income') ?? 0).numFmt = '#,##0';
  });
  for (const o of options.overrides ?? []) {
    const c = col.get(o.field);
    if (c === undefined) continue;
    const cell = ws.getCell(firstDataRow + o.index, c);
    cell.value = null;
    writeCell(cell, o.value);
  }
  ws.getColumn(col.get('headName') ?? 1).width = 24;
  ws.getColumn(col.get('idNumber') ?? 1).width = 16;
  ws.getColumn(col.get('income') ?? 1).width = 14;
  return { buffer: await workbookBuffer(wb), headerRow, firstDataRow, rowOf: (index) => firstDataRow + index };
}

function writeHeader(ws: ExcelJS.Worksheet, fields: readonly ColumnField[], standard: PovertyStandard, row: number, twoRows: boolean): void {
  const names = new Map(indicatorsOf(standard).map((i) => [`indicator:${i.code}`, i.name]));
  fields.forEach((f, i) => {
    const text = f.startsWith('indicator:') ? (names.get(f) ?? f) : headerOf(f as BaseField);
    const r = twoRows && f.startsWith('indicator:') ? row + 1 : row;
    writeCell(ws.getCell(r, i + 1), text);
    ws.getCell(r, i + 1).font = { bold: true };
    ws.getCell(r, i + 1).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    if (twoRows && !f.startsWith('indicator:')) ws.mergeCells(row, i + 1, row + 1, i + 1);
  });
  if (!twoRows) return;
  // Service headings ("Việc làm", "Y tế"...) merged above their two indicators.
  let c = fields.findIndex((f) => f.startsWith('indicator:')) + 1;
  for (const service of standard.services) {
    writeCell(ws.getCell(row, c), service.name);
    ws.getCell(row, c).font = { bold: true };
    ws.mergeCells(row, c, row, c + service.indicators.length - 1);
    c += service.indicators.length;
  }
}
