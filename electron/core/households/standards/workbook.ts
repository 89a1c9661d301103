import type ExcelJS from 'exceljs';
import type { StandardSource, SentStandardFile } from '../../../domain/households/standards';
import type { PovertyStandard } from '../../../domain/households/standards/schema';
import { newWorkbook, workbookBuffer, writeCell, type CellInput } from '../../files/xlsx';

/**
 * The poverty standard as an Excel workbook a Sở officer edits instead of JSON. Five sheets,
 * each with a first row saying what it holds and a heading row; the reader (workbookRead.ts)
 * finds the heading by its words, so an officer may add a title, a second heading row or a
 * notes column. The layout round-trips SentStandardFileSchema:
 *   "Chuẩn"          — label | value rows: mã, tên, căn cứ pháp lý, năm áp dụng từ/đến,
 *                      thay thế chuẩn có sẵn (Có/Không), ghi chú;
 *   "Chuẩn thu nhập" — one row per named line: mã mức, tên mức, rural and urban amounts;
 *   "Chỉ số"         — one row per indicator: mã/tên chiều, mã/tên chỉ số, tên khác (";");
 *   "Quy tắc"        — one row per band: thứ tự, loại hộ, thu nhập không quá mức (a line's
 *                      name or code), thiếu hụt từ/đến (blank = no bound);
 *   "Nguồn"          — where each value was read: giá trị, văn bản, đọc tại (optional sheet).
 * Text is written as string cells and read back unchanged (no apostrophe: this workbook comes
 * back to the app, like the household workbooks of writeCell).
 */

export const SHEET = {
  standard: 'Chuẩn',
  lines: 'Chuẩn thu nhập',
  indicators: 'Chỉ số',
  rules: 'Quy tắc',
  sources: 'Nguồn',
} as const;

/** Labels of the "Chuẩn" sheet, as written in the template. */
export const STANDARD_LABEL = {
  id: 'Mã chuẩn',
  title: 'Tên chuẩn',
  legalBasis: 'Căn cứ pháp lý',
  from: 'Áp dụng từ năm',
  to: 'Áp dụng đến năm',
  replaces: 'Thay thế chuẩn có sẵn cùng mã (Có/Không)',
  note: 'Ghi chú',
} as const;

export const HEADERS = {
  standard: ['Mục', 'Giá trị'],
  lines: ['Mã mức', 'Tên mức', 'Nông thôn (đồng/người/tháng)', 'Thành thị (đồng/người/tháng)'],
  indicators: ['Mã chiều', 'Tên chiều', 'Mã chỉ số', 'Tên chỉ số', 'Tên khác (cách nhau bởi dấu ;)'],
  rules: ['Thứ tự', 'Loại hộ', 'Thu nhập không quá mức', 'Thiếu hụt từ (số chỉ số)', 'Thiếu hụt đến (số chỉ số)'],
  sources: ['Giá trị', 'Văn bản', 'Đọc tại'],
} as const;

/** Names of the lines every shipped standard uses; any other line is written with its code. */
export const LINE_NAME: Readonly<Record<string, string>> = { floor: 'Mức thu nhập sàn', poverty: 'Chuẩn nghèo', medium: 'Mức sống trung bình' };
export const CLASS_NAME = { poor: 'Hộ nghèo', nearPoor: 'Hộ cận nghèo', medium: 'Hộ có mức sống trung bình' } as const;
export const YES = 'Có';
export const NO = 'Không';

const EXPLAIN = {
  standard:
    'Thông tin chung của chuẩn nghèo. Mã chuẩn: chữ thường không dấu, số và dấu gạch ngang (ví dụ nd351-2025). Muốn sửa một chuẩn có sẵn thì giữ mã và ghi “Có” ở dòng thay thế; chuẩn mới thì đặt mã mới và ghi “Không”.',
  lines:
    'Các mức thu nhập, đồng/người/tháng, ghi số đồng (1.500.000 hoặc 1500000; “1,5 triệu” cũng được). Bắt buộc có Chuẩn nghèo và Mức sống trung bình cho cả nông thôn và thành thị; mức khác thì ghi mã (chữ không dấu).',
  indicators:
    'Mỗi dòng một chỉ số thiếu hụt. Mã chiều và mã chỉ số: chữ không dấu và số, bắt đầu bằng chữ; mã chỉ số đã dùng trong dữ liệu hộ thì không đổi. Ô mã/tên chiều để trống thì lấy theo dòng trên.',
  rules:
    'Cách xếp loại: các dòng được xét theo thứ tự, dòng đầu tiên đúng với hộ cho biết loại hộ; hộ không đúng dòng nào là hộ trên mức sống trung bình. “Thu nhập không quá mức” ghi tên mức ở trang Chuẩn thu nhập; thiếu hụt để trống là không giới hạn.',
  sources: 'Nơi đã đối chiếu từng giá trị (văn bản và trang đã đọc). Có thể để trống.',
} as const;

type SheetKey = keyof typeof SHEET;

function addSheet(wb: ExcelJS.Workbook, key: SheetKey, widths: number[], rows: CellInput[][]): void {
  const ws = wb.addWorksheet(SHEET[key]);
  const headers = HEADERS[key];
  ws.getCell(1, 1).value = EXPLAIN[key];
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(1).height = 48;
  ws.getRow(1).font = { italic: true };
  const head = ws.getRow(2);
  headers.forEach((h, i) => (head.getCell(i + 1).value = h));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  rows.forEach((values, r) => {
    const row = ws.getRow(r + 3);
    values.forEach((v, c) => writeCell(row.getCell(c + 1), v));
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
}

/** Line codes of a standard: those the bands read first, in band order, then any other. */
function lineCodes(s: PovertyStandard): string[] {
  const codes = [...new Set(s.rule.bands.map((b) => b.incomeAtMost))];
  for (const c of [...Object.keys(s.lines.rural), ...Object.keys(s.lines.urban)]) if (!codes.includes(c)) codes.push(c);
  return codes;
}

/** The workbook of a standard as it would be sent: every value filled, ready to edit. */
export async function standardWorkbook(file: SentStandardFile): Promise<Buffer> {
  const s = file.standard;
  const wb = newWorkbook();
  addSheet(wb, 'standard', [44, 90], [
    [STANDARD_LABEL.id, s.id],
    [STANDARD_LABEL.title, s.title],
    [STANDARD_LABEL.legalBasis, s.legalBasis],
    [STANDARD_LABEL.from, s.reviewYears.from],
    [STANDARD_LABEL.to, s.reviewYears.to],
    [STANDARD_LABEL.replaces, file.replacesBuiltIn ? YES : NO],
    [STANDARD_LABEL.note, s.note ?? null],
  ]);
  addSheet(
    wb,
    'lines',
    [14, 30, 24, 24],
    lineCodes(s).map((code) => [code, LINE_NAME[code] ?? code, s.lines.rural[code] ?? null, s.lines.urban[code] ?? null]),
  );
  const lines = wb.getWorksheet(SHEET.lines);
  for (const col of [3, 4]) if (lines) lines.getColumn(col).numFmt = '#,##0';
  addSheet(
    wb,
    'indicators',
    [18, 28, 18, 44, 60],
    s.services.flatMap((sv) => sv.indicators.map((i) => [sv.code, sv.name, i.code, i.name, i.aliases.length > 0 ? i.aliases.join('; ') : null])),
  );
  addSheet(
    wb,
    'rules',
    [10, 28, 26, 20, 20],
    s.rule.bands.map((b, i) => [i + 1, CLASS_NAME[b.class], LINE_NAME[b.incomeAtMost] ?? b.incomeAtMost, b.minDeprivations ?? null, b.maxDeprivations ?? null]),
  );
  addSheet(
    wb,
    'sources',
    [60, 40, 60],
    file.sources.map((src: StandardSource) => [src.value, src.document ?? null, src.readOn ?? null]),
  );
  return workbookBuffer(wb);
}
