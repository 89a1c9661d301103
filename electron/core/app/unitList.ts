import type { Worksheet } from 'exceljs';
import type { FileOut } from '../../contract/tasks';
import { AppError } from '../../domain/errors';
import { say } from '../../domain/i18n/keys';
import { rootUnit, type OrgUnit } from '../../domain/org';
import { checkUnitRows, type UnitColumn, type UnitListCheck, type UnitRow, type UnitSheetLayout } from '../../domain/profiles/unitList';
import { fold } from '../../domain/text';
import { translator } from '../../domain/translate';
import { buildWorkbook, loadWorkbook, workbookBuffer, type CellInput } from '../files/xlsx';
import { cellInput, cellText } from '../households/excel/cells';
import type { CoreContext } from '../runtime/context';

const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The empty list the Sở fills: code (may stay empty), name, kind (xã/phường), official code.
 * The code columns are Text cells, so "06001" keeps its leading zero as typed.
 */
export async function unitListTemplate(): Promise<FileOut> {
  const vi = translator('vi');
  const buffer = await buildWorkbook([
    {
      name: 'Don vi',
      headers: [say(vi, 'app:units.template.code'), say(vi, 'app:units.template.name'), say(vi, 'app:units.template.kind'), say(vi, 'app:units.template.officialCode')],
      widths: [24, 32, 18, 12],
      rows: [],
    },
  ]);
  const wb = await loadWorkbook(buffer);
  const ws = wb.worksheets[0];
  if (ws) for (const c of [1, 4]) ws.getColumn(c).numFmt = '@';
  const out = await workbookBuffer(wb);
  return { fileName: 'danh-sach-don-vi.xlsx', mime: XLSX_MIME_TYPE, base64: out.toString('base64'), personalData: false };
}

/**
 * What a heading names, folded: "Mã ĐVHC" / "Mã đơn vị hành chính" is the official code, a
 * plain "Mã" the app's code; "STT" and notes are not read. Checked in this order.
 */
function columnOf(heading: string): UnitColumn | null {
  const h = fold(heading);
  if (/^ma (dvhc|don vi hanh chinh|chinh thuc)|^official/.test(h)) return 'officialCode';
  if (/^(ma|code)\b/.test(h)) return 'code';
  if (/^(ten|name)\b/.test(h)) return 'name';
  if (/^(loai|cap|kind)\b/.test(h)) return 'kind';
  return null;
}

/** How far down a title and a heading may sit (the officer's list has a title above). */
const HEADING_SEARCH_ROWS = 12;

/** An official code typed as a number (6001) lost its leading zero: put it back. */
function officialText(v: CellInput): string {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 100_000) return String(v).padStart(5, '0');
  return cellText(v);
}

export interface UnitSheet {
  rows: UnitRow[];
  layout: UnitSheetLayout;
}

/**
 * The rows under the first heading row that names a name and a kind column. A title row above
 * (merged across the table) and a second heading row below a merged heading are passed over;
 * rows with neither code nor name (blank rows at the end, a "(1) (2) (3)" numbering row) too.
 */
export function readUnitSheet(sheet: Worksheet): UnitSheet {
  const text = (r: number, c: number): string => cellText(cellInput(sheet.getRow(r).getCell(c).value));
  const width = Math.min(sheet.columnCount, 30);
  let heading = 0;
  let columns: Partial<Record<UnitColumn, number>> = {};
  for (let r = 1; r <= Math.min(sheet.rowCount, HEADING_SEARCH_ROWS) && !heading; r++) {
    const found: Partial<Record<UnitColumn, number>> = {};
    for (let c = 1; c <= width; c++) {
      const col = columnOf(text(r, c));
      // A merged heading cell repeats its text over the cells it covers: the first one counts.
      if (col && found[col] === undefined) found[col] = c;
    }
    if (found.name !== undefined && found.kind !== undefined) {
      heading = r;
      columns = found;
    }
  }
  if (!heading) throw new AppError('UNIT_LIST_HEADERS', 'app:units.errors.headers', { sheet: sheet.name });
  const letters: UnitSheetLayout['columns'] = {};
  for (const [k, c] of Object.entries(columns) as [UnitColumn, number][]) letters[k] = sheet.getColumn(c).letter;
  const rows: UnitRow[] = [];
  const at = (r: number, col: UnitColumn): CellInput => (columns[col] === undefined ? null : cellInput(sheet.getRow(r).getCell(columns[col]).value));
  for (let r = heading + 1; r <= sheet.rowCount; r++) {
    const code = cellText(at(r, 'code'));
    const name = cellText(at(r, 'name'));
    const kind = cellText(at(r, 'kind'));
    if (!code && !name) continue;
    // A second heading row under merged headings ("Tên" over "Loại") or a column-numbering row.
    if (r === heading + 1 && (columnOf(name) !== null || /^\(?\d+\)?$/.test(name))) continue;
    rows.push({ row: r, code, name, kind, officialCode: officialText(at(r, 'officialCode')) });
  }
  return { rows, layout: { sheet: sheet.name, columns: letters } };
}

/** The first sheet of the officer's workbook, read as a unit list. */
export async function readUnitList(bytes: Uint8Array): Promise<UnitSheet> {
  const wb = await loadWorkbook(bytes);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new AppError('UNIT_LIST_EMPTY', 'app:units.errors.empty');
  return readUnitSheet(sheet);
}

export const orgUnitDocId = (code: string): string => `orgUnit:${code}`;

/**
 * Checks the Sở's list and, unless only a preview is asked, writes the new and renamed units as
 * orgUnit documents: the Sở's profile reads them (core/runtime/travelledUnits.ts) and every
 * office receives them in its next bundle. A list with refused rows is applied only when the
 * Sở asks for the accepted rows alone.
 */
export async function importUnitList(ctx: CoreContext, bytes: Uint8Array, dryRun: boolean, acceptedOnly = false): Promise<UnitListCheck> {
  const s = ctx.session();
  if (s.role !== 'so') throw new AppError('SO_ONLY', 'reports:errors.soOnly');
  const { rows, layout } = await readUnitList(bytes);
  if (rows.length === 0) throw new AppError('UNIT_LIST_EMPTY', 'app:units.errors.empty');
  // The list adds communes and wards reporting to the Sở; a tree with a district level between
  // (2022) would hold them without ever showing them.
  if (!ctx.profile().levels.lower.includes('commune')) throw new AppError('UNIT_LIST_NOT_FOR_PROFILE', 'app:units.errors.notForProfile', { profile: ctx.profile().name });
  const check = checkUnitRows(ctx.profile(), rows, { layout });
  if (!dryRun) {
    if (check.problems.length > 0 && !acceptedOnly) throw new AppError('UNIT_LIST_INVALID', 'app:units.errors.hasProblems', { count: check.problems.length });
    const units: OrgUnit[] = [...check.added, ...check.renamed.map((r) => r.unit)];
    const owner = rootUnit(ctx.profile()).code;
    if (units.length > 0) await ctx.store.write(units.map((u) => ({ id: orgUnitDocId(u.code), kind: 'orgUnit' as const, owner, data: { ...u } })));
  }
  return check;
}
