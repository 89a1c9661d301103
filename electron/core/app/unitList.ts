import type { FileOut } from '../../contract/tasks';
import { AppError } from '../../domain/errors';
import { say } from '../../domain/i18n/keys';
import { checkUnitRows, withUnits, type UnitListCheck, type UnitRow } from '../../domain/profiles/unitList';
import { translator } from '../../domain/translate';
import { buildWorkbook, loadWorkbook } from '../files/xlsx';
import { cellInput, cellText } from '../households/excel/cells';
import type { CoreContext } from '../runtime/context';

const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The empty list the Sở fills: code, name, kind (xã/phường), official code. */
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
  return { fileName: 'danh-sach-don-vi.xlsx', mime: XLSX_MIME_TYPE, base64: buffer.toString('base64'), personalData: false };
}

/** Rows of the first sheet; a first row whose first cell reads "Mã"/"Code" is the header. */
export async function readUnitRows(bytes: Uint8Array): Promise<UnitRow[]> {
  const wb = await loadWorkbook(bytes);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const rows: UnitRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const text = (i: number): string => cellText(cellInput(row.getCell(i).value));
    if (n === 1 && /^(mã|ma|code)(\s|$)/iu.test(text(1))) return;
    if (!text(1) && !text(2)) return;
    rows.push({ row: n, code: text(1), name: text(2), kind: text(3), officialCode: text(4) });
  });
  return rows;
}

/**
 * Checks the Sở's list and, unless only a preview is asked or a row is bad, adds the new units
 * to this folder's profile. Only the Sở keeps the list of its units.
 */
export async function importUnitList(ctx: CoreContext, bytes: Uint8Array, dryRun: boolean): Promise<UnitListCheck> {
  const s = ctx.session();
  if (s.role !== 'so') throw new AppError('SO_ONLY', 'reports:errors.soOnly');
  const rows = await readUnitRows(bytes);
  if (rows.length === 0) throw new AppError('UNIT_LIST_EMPTY', 'app:units.errors.empty');
  const check = checkUnitRows(ctx.profile(), rows);
  if (!dryRun) {
    if (check.problems.length > 0) throw new AppError('UNIT_LIST_INVALID', 'app:units.errors.hasProblems', { count: check.problems.length });
    if (check.added.length > 0) await ctx.setProfile(withUnits(ctx.profile(), check.added));
  }
  return check;
}
