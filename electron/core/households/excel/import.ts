import { AppError } from '../../../domain/errors';
import type { CellValue as ExcelCellValue } from 'exceljs';
import { fold } from '../../../domain/text';
import { streamWorkbook, type StreamedRow, type StreamedSheet } from '../../files/xlsxStream';
import type { Classification } from '../../../domain/households/classify';
import { classifyRecord } from '../../../domain/households/classOf';
import { CommuneIndex, communeArea, communeLabel, findVillage, type Commune } from '../../../domain/households/communes';
import { householdError } from '../../../domain/households/errors';
import { canonicalEthnicity, HouseholdSchema, isValidIdNumber, type Household } from '../../../domain/households/household';
import { problem, type Problem } from '../../../domain/households/messages';
import { parseNumberVi } from '../../../domain/numbers';
import { indicatorsOf, type PovertyStandard } from '../../../domain/households/standards/schema';
import { cellInput, cellText, idNumberFromCell, isBlank, parseArea, parseMark, type CellInput } from './cells';
import {
  columnLetter,
  detectHeader,
  fieldLabel,
  type ColumnField,
  type HeaderDetection,
  type MappedColumn,
  type RequiredColumn,
  type UnmappedHeader,
} from './columns';

export interface ImportOptions {
  /** The office's communes; every row must name one of them. */
  communes: readonly Commune[];
  reviewYear: number;
  standard: PovertyStandard;
  /** How far down to look for the header row (offices put titles above the table). */
  maxHeaderRow?: number;
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

/** Cells of a streamed row as the import reads them, padded to `width`. */
export function rowCells(values: readonly ExcelCellValue[], width: number): CellInput[] {
  const out: CellInput[] = [];
  for (let c = 0; c < Math.max(width, values.length); c++) out.push(cellInput(values[c] ?? null));
  return out;
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

type RowCells = ReadonlyMap<ColumnField, { value: CellInput; col: MappedColumn }>;

class SheetReader {
  private readonly errors: ImportError[] = [];
  private readonly skipped: { row: number; reason: SkipReason }[] = [];
  private readonly index: CommuneIndex;
  private readonly byField: Map<ColumnField, MappedColumn>;
  private width: number;
  private readonly indicatorCodes: string[];
  private readonly householdRows: number[] = [];
  /** Rows read as households, parsed as they come; the duplicate checks wait for the end. */
  private readonly parsed: { row: number; household: Household | undefined; idNumber: string; code: string | undefined }[] = [];
  private readonly missing: RequiredColumn[];
  /** Commune named by the last heading row read ("I. Xã Tràng Các"). */
  private sectionCommune: Commune | undefined;

  constructor(
    private readonly sheetName: string,
    private readonly header: HeaderDetection,
    topWidth: number,
    private readonly options: ImportOptions,
  ) {
    this.index = new CommuneIndex(options.communes);
    this.byField = new Map(header.mapping.map((m) => [m.field, m]));
    this.width = Math.max(topWidth, ...header.mapping.map((m) => m.column));
    this.indicatorCodes = indicatorsOf(options.standard).map((i) => i.code);
    // A missing commune column is fine when the sheet is split by commune headings; decided at the end.
    // With a "Số chỉ số thiếu hụt" column the indicator columns may be absent (count-only list).
    const countOnly = this.byField.has('deprivedCount');
    this.missing = header.missing.filter((m) => m.field !== 'commune' && !(countOnly && m.field.startsWith('indicator:')));
  }

  add(source: StreamedRow): void {
    const all = rowCells(source.values, this.width);
    this.width = Math.max(this.width, all.length);
    if (all.every(isBlank)) return;
    const r = source.number;
    const cells = this.mappedCells(all);
    const skip = this.skipReason(all, cells);
    if (skip) {
      this.skipped.push({ row: r, reason: skip });
      return;
    }
    this.householdRows.push(r);
    // With a required column missing every row is refused anyway: no row is parsed.
    if (this.missing.length === 0) this.parsed.push({ row: r, ...this.parseRow(r, cells, this.sectionCommune) });
  }

  finish(): HouseholdWorkbookParse {
    const table: SourceTable = { sheetName: this.sheetName, headers: this.headers(), householdRows: this.householdRows };
    const missing = [...this.missing];
    if (!this.byField.has('commune') && !this.skipped.some((s) => s.reason === 'communeHeading')) {
      missing.push({ field: 'commune', label: fieldLabel('commune', this.options.standard) });
    }
    if (missing.length > 0) {
      // The rows were read before the commune column was known to be missing: their errors go.
      this.errors.length = 0;
      for (const m of missing) {
        this.errors.push({ row: this.header.headerRow, column: m.label, columnLetter: '', field: m.field, problem: problem('columnMissing', { column: m.label }) });
      }
      return this.result(table, [], this.householdRows.length);
    }

    const parsed = this.parsed;
    this.flagDuplicates(
      parsed.map((p) => ({ row: p.row, key: isValidIdNumber(p.idNumber) ? p.idNumber : '' })),
      'idNumber',
      'duplicateId',
    );
    if (this.byField.has('code')) this.flagDuplicates(parsed.map((p) => ({ row: p.row, key: p.code ?? '' })), 'code', 'duplicateCode');

    const badRows = new Set(this.errors.map((e) => e.row));
    const rows: ParsedHouseholdRow[] = [];
    for (const p of parsed) {
      if (!p.household || badRows.has(p.row)) continue;
      rows.push({ row: p.row, household: p.household, classification: classifyRecord(p.household, [this.options.standard]), codeGiven: p.code !== undefined });
    }
    this.errors.sort((a, b) => a.row - b.row || columnOrder(a) - columnOrder(b));
    return this.result(table, rows, this.householdRows.length);
  }

  private result(table: SourceTable, rows: ParsedHouseholdRow[], householdRowCount: number): HouseholdWorkbookParse {
    return {
      sheetName: this.sheetName,
      headerRow: this.header.headerRow,
      rows,
      errors: this.errors,
      columnMapping: this.header.mapping,
      unmappedHeaders: this.header.unmapped,
      skippedRows: this.skipped,
      householdRowCount,
      table,
    };
  }

  private headers(): string[] {
    const out: string[] = [];
    for (let c = 1; c <= this.width; c++) {
      out.push(
        this.header.mapping.find((m) => m.column === c)?.header ?? this.header.unmapped.find((u) => u.column === c)?.header ?? '',
      );
    }
    return out;
  }

  private mappedCells(all: readonly CellInput[]): RowCells {
    const m = new Map<ColumnField, { value: CellInput; col: MappedColumn }>();
    for (const col of this.header.mapping) m.set(col.field, { value: all[col.column - 1] ?? null, col });
    return m;
  }

  private skipReason(all: readonly CellInput[], cells: RowCells): SkipReason | undefined {
    const filled = all.filter((v) => !isBlank(v));
    if (filled.length >= 3 && filled.every((v) => /^\(?(\d{1,2}|[A-Z])\)?$/.test(cellText(v)))) return 'numbering';
    // A heading may be merged across the row: every cell then reads the same text.
    const distinct = [...new Set(filled.map(cellText))];
    const seqFilled = !isBlank(cells.get('seq')?.value ?? null);
    if (distinct.length === 1 || (distinct.length === 2 && seqFilled)) {
      for (const t of distinct) {
        const heading = this.index.findHeading(t);
        if (heading) {
          this.sectionCommune = heading;
          return 'communeHeading';
        }
      }
    }
    // "Tổng cộng" / "Cộng" rows; a name such as "Tống Văn Minh" is not one.
    // Only texts starting with T or C can read "Tổng"/"Cộng": the others are not folded.
    const totalLike = distinct.some((t) => /^[TtCc]/.test(t) && /^(tong cong|tong so)\b|^(cong|tong)\W*$/.test(fold(t)));
    if (totalLike && isBlank(cells.get('idNumber')?.value ?? null)) return 'total';
    const keyFields: ColumnField[] = ['idNumber', 'members', 'income', 'deprivedCount', ...this.indicatorCodes.map((c) => `indicator:${c}` as ColumnField)];
    if (keyFields.every((f) => isBlank(cells.get(f)?.value ?? null))) return 'noHouseholdData';
    return undefined;
  }

  private fail(row: number, field: ColumnField, p: Problem): void {
    const col = this.byField.get(field);
    const label = col?.header ?? fieldLabel(field, this.options.standard);
    this.errors.push({ row, column: label, columnLetter: col ? columnLetter(col.column) : '', field, problem: p });
  }

  private parseRow(row: number, cells: RowCells, section: Commune | undefined): { household: Household | undefined; idNumber: string; code: string | undefined } {
    const get = (f: ColumnField): CellInput => cells.get(f)?.value ?? null;
    const text = (f: ColumnField): string => cellText(get(f));
    const before = this.errors.length;
    const label = (f: ColumnField): string => this.byField.get(f)?.header ?? fieldLabel(f, this.options.standard);
    const requireText = (f: ColumnField, max: number): string => {
      const t = text(f).normalize('NFC');
      if (t === '') this.fail(row, f, problem('required', { column: label(f) }));
      else if (t.length > max) this.fail(row, f, problem('tooLong', { column: label(f), max }));
      return t;
    };

    const headName = requireText('headName', 120);
    const idNumber = idNumberFromCell(get('idNumber'));
    if (idNumber === '') this.fail(row, 'idNumber', problem('required', { column: label('idNumber') }));
    else if (!isValidIdNumber(idNumber)) this.fail(row, 'idNumber', problem('idNumberInvalid', { value: text('idNumber') || idNumber }));
    const ethnicity = canonicalEthnicity(requireText('ethnicity', 40));

    const commune = this.commune(row, text('commune'), section);
    const village = this.village(row, commune, text('village'));
    const areaCell = parseArea(get('area'));
    if (areaCell === undefined) this.fail(row, 'area', problem('areaInvalid', { value: text('area') }));
    const area = areaCell ?? (commune ? communeArea(commune) : undefined);

    const members = this.members(row, get('members'), text('members'));
    const income = this.income(row, get('income'), text('income'));
    const deprived: string[] = [];
    for (const code of this.indicatorCodes) {
      const f: ColumnField = `indicator:${code}`;
      const mark = parseMark(get(f));
      if (mark === undefined) this.fail(row, f, problem('markInvalid', { value: text(f) }));
      else if (mark) deprived.push(code);
    }
    // A count-only column ("Số chỉ số thiếu hụt"): kept when it says more than the marks do.
    let deprivedCount: number | undefined;
    if (this.byField.has('deprivedCount') && text('deprivedCount') !== '') {
      const raw = get('deprivedCount');
      const n = typeof raw === 'number' ? raw : parseNumberVi(text('deprivedCount'));
      if (n === undefined || !Number.isInteger(n) || n < deprived.length || n > this.options.standard.services.flatMap((s) => s.indicators).length) {
        this.fail(row, 'deprivedCount', problem('invalid', { column: label('deprivedCount') }));
      } else if (n > deprived.length) deprivedCount = n;
    }
    let merit = false;
    if (this.byField.has('merit')) {
      const mark = parseMark(get('merit'));
      if (mark === undefined) this.fail(row, 'merit', problem('markInvalid', { value: text('merit') }));
      else merit = mark;
    }
    const notes = text('notes');
    if (notes.length > 1000) this.fail(row, 'notes', problem('tooLong', { column: label('notes'), max: 1000 }));
    const codeText = this.byField.has('code') ? text('code') : '';
    if (codeText.length > 64) this.fail(row, 'code', problem('tooLong', { column: label('code'), max: 64 }));

    if (this.errors.length > before || !commune || !area || members === undefined || income === undefined) {
      return { household: undefined, idNumber, code: codeText || undefined };
    }
    // Without a "Mã hộ" the row carries a stand-in code, unique within the file (the ID numbers
    // are checked for duplicates); the store replaces it by the household's code.
    const code = codeText || `${commune.code}-${idNumber}`;
    const candidate = {
      code,
      headName,
      idNumber,
      ethnicity,
      communeCode: commune.code,
      village,
      area,
      members,
      incomePerPerson: income,
      deprived,
      ...(deprivedCount !== undefined ? { deprivedCount } : {}),
      merit,
      notes,
      reviewYear: this.options.reviewYear,
      standardId: this.options.standard.id,
    };
    const checked = HouseholdSchema.safeParse(candidate);
    if (!checked.success) {
      // The checks above mirror the schema; this is a safety net, reported on the first field named.
      const key = String(checked.error.issues[0]?.path[0] ?? '');
      const field = SCHEMA_FIELD[key] ?? 'headName';
      this.fail(row, field, problem('invalid', { column: label(field) }));
      return { household: undefined, idNumber, code: codeText || undefined };
    }
    // Duplicate codes are checked on the codes as typed; derived ones repeat the ID check.
    return { household: checked.data, idNumber, code: codeText || undefined };
  }

  private commune(row: number, value: string, section: Commune | undefined): Commune | undefined {
    if (value === '') {
      if (section) return section;
      this.fail(row, 'commune', problem('required', { column: this.byField.get('commune')?.header ?? fieldLabel('commune', this.options.standard) }));
      return undefined;
    }
    const found = this.index.find(value);
    if (!found) this.fail(row, 'commune', problem('communeUnknown', { value }));
    return found;
  }

  private village(row: number, commune: Commune | undefined, value: string): string {
    if (value === '' || !commune || commune.villages.length === 0) return value.normalize('NFC');
    const v = findVillage(commune, value);
    if (!v) {
      this.fail(row, 'village', problem('villageUnknown', { value, commune: communeLabel(commune) }));
      return value;
    }
    return v.name;
  }

  private members(row: number, value: CellInput, text: string): number | undefined {
    if (text === '') {
      this.fail(row, 'members', problem('required', { column: this.byField.get('members')?.header ?? 'Số nhân khẩu' }));
      return undefined;
    }
    const n = typeof value === 'number' ? value : parseNumberVi(text);
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > 99) {
      this.fail(row, 'members', problem('membersInvalid', { value: text }));
      return undefined;
    }
    return n;
  }

  private income(row: number, value: CellInput, text: string): number | undefined {
    if (text === '') {
      this.fail(row, 'income', problem('incomeMissing'));
      return undefined;
    }
    const raw = typeof value === 'number' ? value : parseNumberVi(text);
    if (raw === undefined) {
      this.fail(row, 'income', problem('notANumber', { value: text }));
      return undefined;
    }
    // A per-person average is often fractional; the standard counts whole đồng.
    const amount = Math.round(raw * (this.byField.get('income')?.scale ?? 1));
    if (amount < 0) {
      this.fail(row, 'income', problem('incomeNegative', { value: text }));
      return undefined;
    }
    if (amount > 0 && amount < 10_000) {
      this.fail(row, 'income', problem('incomeImplausible', { value: amount }));
      return undefined;
    }
    if (amount > 1_000_000_000) {
      this.fail(row, 'income', problem('invalid', { column: this.byField.get('income')?.header ?? '' }));
      return undefined;
    }
    return amount;
  }

  /** Every row of a group sharing a key gets the error, naming the other rows. */
  private flagDuplicates(items: readonly { row: number; key: string }[], field: ColumnField, key: 'duplicateId' | 'duplicateCode'): void {
    const rowsByKey = new Map<string, number[]>();
    for (const it of items) {
      if (it.key === '') continue;
      const list = rowsByKey.get(it.key);
      if (list) list.push(it.row);
      else rowsByKey.set(it.key, [it.row]);
    }
    for (const [value, rows] of rowsByKey) {
      if (rows.length < 2) continue;
      for (const r of rows) {
        const others = rows.filter((o) => o !== r).join(', ');
        this.fail(r, field, problem(key, { value, rows: others }));
      }
    }
  }
}

const SCHEMA_FIELD: Readonly<Record<string, ColumnField>> = {
  code: 'code',
  headName: 'headName',
  idNumber: 'idNumber',
  ethnicity: 'ethnicity',
  communeCode: 'commune',
  village: 'village',
  area: 'area',
  members: 'members',
  incomePerPerson: 'income',
  merit: 'merit',
  notes: 'notes',
};

function columnOrder(e: ImportError): number {
  if (!e.columnLetter) return 0;
  let n = 0;
  for (const ch of e.columnLetter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
