import { AppError } from '../../../domain/errors';
import type ExcelJS from 'exceljs';
import { loadWorkbook } from '../../files/xlsx';
import { fold } from '../../../domain/text';
import type { CommuneKind, VillageKind } from '../../../domain/households/communes';
import { householdError } from '../../../domain/households/errors';
import { cellInput, cellText } from '../excel/cells';

/**
 * A list of communes (and, if the office has them, villages) from an Excel sheet, the way
 * offices keep it: a column of names such as "Xã Tràng Các" / "Thị trấn Văn Quan" and perhaps a
 * column of villages beside it, one village per row (the commune cell may be left blank or
 * merged under the first one). A header row is recognised and skipped; without one, column A
 * holds communes and column B villages.
 */

export interface CommuneSheetEntry {
  name: string;
  kind: CommuneKind;
  villages: string[];
}

const KIND_PREFIXES: readonly [RegExp, CommuneKind][] = [
  [/^(thi tran|tt)\.? +/, 'thiTran'],
  [/^(phuong|p)\.? +/, 'phuong'],
  [/^(xa|x)\.? +/, 'xa'],
];

/** Whole header cells: "Tên xã", "Xã/phường/thị trấn", "Đơn vị"; "Thôn/bản", "Tên thôn". */
const COMMUNE_HEADER = /^(ten )?(xa|phuong|thi tran|don vi( hanh chinh)?|dia ban)( ?[,/] ?(xa|phuong|thi tran))*$/;
const VILLAGE_HEADER = /^(ten )?(thon|ban|khoi|to dan pho|xom)( ?[,/] ?(thon|ban|khoi|to dan pho|to|xom))*$/;
const NUMBERING = /^(\d+|[ivxlc]+)[.)]? *$/;

/** "Xã Tràng Các" -> { name: "Tràng Các", kind: 'xa' }; a bare name is a xã. */
export function splitCommuneName(text: string): { name: string; kind: CommuneKind } {
  const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const folded = fold(clean);
  for (const [re, kind] of KIND_PREFIXES) {
    const m = re.exec(folded);
    if (m) return { name: clean.slice(m[0].length).trim(), kind };
  }
  return { name: clean, kind: 'xa' };
}

export function villageKindOf(name: string): VillageKind {
  const f = fold(name);
  if (f.startsWith('ban ')) return 'ban';
  if (f.startsWith('khoi ')) return 'khoi';
  if (f.startsWith('to dan pho ') || f.startsWith('tdp ')) return 'toDanPho';
  if (f.startsWith('lang ')) return 'lang';
  return 'thon';
}

/** Rows of display text (column A first) to communes with their villages, in sheet order. */
export function communesFromRows(rows: readonly (readonly string[])[]): CommuneSheetEntry[] {
  let communeCol = 0;
  let villageCol: number | undefined = 1;
  let start = 0;
  for (let r = 0; r < Math.min(rows.length, 6); r++) {
    const cells = (rows[r] ?? []).map((c) => fold(c));
    const ci = cells.findIndex((c) => COMMUNE_HEADER.test(c));
    if (ci >= 0) {
      communeCol = ci;
      const vi = cells.findIndex((c) => VILLAGE_HEADER.test(c));
      villageCol = vi >= 0 ? vi : undefined;
      start = r + 1;
      break;
    }
  }
  const out: CommuneSheetEntry[] = [];
  const byKey = new Map<string, CommuneSheetEntry>();
  let current: CommuneSheetEntry | undefined;
  for (const row of rows.slice(start)) {
    const communeText = (row[communeCol] ?? '').trim();
    const villageText = villageCol === undefined ? '' : (row[villageCol] ?? '').replace(/\s+/g, ' ').trim();
    if (communeText && !NUMBERING.test(communeText) && !/^(tong|cong)/.test(fold(communeText))) {
      const split = splitCommuneName(communeText);
      if (split.name === '') continue;
      const key = `${split.kind}|${fold(split.name)}`;
      current = byKey.get(key);
      if (!current) {
        current = { ...split, villages: [] };
        byKey.set(key, current);
        out.push(current);
      }
    }
    if (current && villageText && !NUMBERING.test(villageText) && !current.villages.some((v) => fold(v) === fold(villageText))) {
      current.villages.push(villageText);
    }
  }
  return out;
}

/** Reads the first sheet that yields any commune. */
export async function readCommuneSheet(bytes: Uint8Array): Promise<CommuneSheetEntry[]> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch (e) {
    // The size and dimension refusals say what is wrong; anything else is "not a workbook".
    if (e instanceof AppError) throw e;
    throw householdError('HOUSEHOLD_WORKBOOK_UNREADABLE');
  }
  for (const sheet of wb.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= Math.min(sheet.columnCount, 20); c++) cells.push(cellText(cellInput(row.getCell(c).value)));
      rows.push(cells);
    });
    const found = communesFromRows(rows);
    if (found.length > 0) return found;
  }
  return [];
}
