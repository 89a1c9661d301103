import { fold } from '../../../domain/text';
import type { StreamedRow } from '../../files/xlsxStream';
import { classifyRecord } from '../../../domain/households/classOf';
import type { Commune } from '../../../domain/households/communes';
import { isValidIdNumber } from '../../../domain/households/household';
import { problem } from '../../../domain/households/messages';
import { cellText, isBlank, rowCells, type CellInput } from './cells';
import { fieldLabel, type ColumnField, type HeaderDetection, type MappedColumn, type RequiredColumn } from './columns';
import { HouseholdRowParser, ImportErrors, type HouseholdRowParse, type RowCells } from './householdRow';
import type { HouseholdWorkbookParse, ImportError, ImportOptions, ParsedHouseholdRow, SkipReason, SourceTable } from './import';

/**
 * The rows of one sheet below its header, as they arrive: each is skipped (a heading, a total,
 * a numbering row) or read as a household (householdRow.ts). At the end come the checks that
 * need the whole sheet: missing columns and duplicate ID numbers and codes.
 */
export class SheetReader {
  private readonly errors: ImportErrors;
  private readonly rowParser: HouseholdRowParser;
  private readonly skipped: { row: number; reason: SkipReason }[] = [];
  private readonly byField: Map<ColumnField, MappedColumn>;
  private width: number;
  private readonly keyFields: ColumnField[];
  private readonly householdRows: number[] = [];
  /** Rows read as households, parsed as they come; the duplicate checks wait for the end. */
  private readonly parsed: ({ row: number } & HouseholdRowParse)[] = [];
  private readonly missing: RequiredColumn[];
  /** Commune named by the last heading row read ("I. Xã Tràng Các"). */
  private sectionCommune: Commune | undefined;

  constructor(
    private readonly sheetName: string,
    private readonly header: HeaderDetection,
    topWidth: number,
    private readonly options: ImportOptions,
  ) {
    this.byField = new Map(header.mapping.map((m) => [m.field, m]));
    this.errors = new ImportErrors(this.byField, options);
    this.rowParser = new HouseholdRowParser(this.byField, options, this.errors);
    this.width = Math.max(topWidth, ...header.mapping.map((m) => m.column));
    this.keyFields = ['idNumber', 'members', 'income', 'deprivedCount', ...this.rowParser.indicatorFields];
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
    if (this.missing.length === 0) this.parsed.push({ row: r, ...this.rowParser.parse(r, cells, this.sectionCommune) });
  }

  finish(): HouseholdWorkbookParse {
    const table: SourceTable = { sheetName: this.sheetName, headers: this.headers(), householdRows: this.householdRows };
    const errors = this.errors.list;
    const missing = [...this.missing];
    if (!this.byField.has('commune') && !this.skipped.some((s) => s.reason === 'communeHeading')) {
      missing.push({ field: 'commune', label: fieldLabel('commune', this.options.standard) });
    }
    if (missing.length > 0) {
      // The rows were read before the commune column was known to be missing: their errors go.
      errors.length = 0;
      for (const m of missing) {
        errors.push({ row: this.header.headerRow, column: m.label, columnLetter: '', field: m.field, problem: problem('columnMissing', { column: m.label }) });
      }
      return this.result(table, []);
    }

    const parsed = this.parsed;
    this.flagDuplicates(
      parsed.map((p) => ({ row: p.row, key: isValidIdNumber(p.idNumber) ? p.idNumber : '' })),
      'idNumber',
      'duplicateId',
    );
    if (this.byField.has('code')) this.flagDuplicates(parsed.map((p) => ({ row: p.row, key: p.code ?? '' })), 'code', 'duplicateCode');

    const badRows = new Set(errors.map((e) => e.row));
    const rows: ParsedHouseholdRow[] = [];
    for (const p of parsed) {
      if (!p.household || badRows.has(p.row)) continue;
      rows.push({ row: p.row, household: p.household, classification: classifyRecord(p.household, [this.options.standard]), codeGiven: p.code !== undefined });
    }
    errors.sort((a, b) => a.row - b.row || columnOrder(a) - columnOrder(b));
    return this.result(table, rows);
  }

  private result(table: SourceTable, rows: ParsedHouseholdRow[]): HouseholdWorkbookParse {
    return {
      sheetName: this.sheetName,
      headerRow: this.header.headerRow,
      rows,
      errors: this.errors.list,
      columnMapping: this.header.mapping,
      unmappedHeaders: this.header.unmapped,
      skippedRows: this.skipped,
      householdRowCount: this.householdRows.length,
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
        const heading = this.rowParser.findHeading(t);
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
    if (this.keyFields.every((f) => isBlank(cells.get(f)?.value ?? null))) return 'noHouseholdData';
    return undefined;
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
        this.errors.fail(r, field, problem(key, { value, rows: others }));
      }
    }
  }
}

function columnOrder(e: ImportError): number {
  if (!e.columnLetter) return 0;
  let n = 0;
  for (const ch of e.columnLetter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
