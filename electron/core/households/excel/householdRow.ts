import { CommuneIndex, communeArea, communeLabel, findVillage, type Commune } from '../../../domain/households/communes';
import { HouseholdSchema, canonicalEthnicity, isValidIdNumber, type Household } from '../../../domain/households/household';
import { problem, type Problem } from '../../../domain/households/messages';
import { dayVi, isAfter, parseRequestDay } from '../../../domain/households/mediumRequest';
import { parseSector, type Sector } from '../../../domain/households/sector';
import { parseNumberVi } from '../../../domain/numbers';
import { indicatorsOf } from '../../../domain/households/standards/schema';
import { cellText, idNumberFromCell, parseArea, parseMark, type CellInput } from './cells';
import { columnLetter, fieldLabel, type ColumnField, type MappedColumn } from './columns';
import type { ImportError, ImportOptions } from './import';

/** The mapped cells of one row, by field. */
export type RowCells = ReadonlyMap<ColumnField, { value: CellInput; col: MappedColumn }>;

/** The errors of one sheet, each placed on its row and on the column the field was read from. */
export class ImportErrors {
  readonly list: ImportError[] = [];

  constructor(
    private readonly byField: ReadonlyMap<ColumnField, MappedColumn>,
    private readonly options: ImportOptions,
  ) {}

  /** The column's header as in the file, else the expected header. */
  label(field: ColumnField): string {
    return this.byField.get(field)?.header ?? fieldLabel(field, this.options.standard);
  }

  fail(row: number, field: ColumnField, p: Problem): void {
    const col = this.byField.get(field);
    this.list.push({ row, column: this.label(field), columnLetter: col ? columnLetter(col.column) : '', field, problem: p });
  }
}

/** One row read as a household: `household` is undefined when a field had a problem. */
export interface HouseholdRowParse {
  household: Household | undefined;
  idNumber: string;
  /** The code as typed in a "Mã hộ" column; undefined when there is none. */
  code: string | undefined;
}

/**
 * Reads the fields of one household row and checks each against the household's rules,
 * reporting every problem to `errors`. The checks that need the whole sheet (duplicate ID
 * numbers and codes, missing columns) are the sheet reader's (sheetReader.ts).
 */
export class HouseholdRowParser {
  private readonly index: CommuneIndex;
  private readonly indicatorCodes: string[];
  private readonly maxIndicators: number;

  constructor(
    private readonly byField: ReadonlyMap<ColumnField, MappedColumn>,
    private readonly options: ImportOptions,
    private readonly errors: ImportErrors,
  ) {
    this.index = new CommuneIndex(options.communes);
    this.indicatorCodes = indicatorsOf(options.standard).map((i) => i.code);
    this.maxIndicators = options.standard.services.flatMap((s) => s.indicators).length;
  }

  /** The commune named by a heading row ("I. Xã Tràng Các"), if the text is one. */
  findHeading(text: string): Commune | undefined {
    return this.index.findHeading(text);
  }

  get indicatorFields(): ColumnField[] {
    return this.indicatorCodes.map((c) => `indicator:${c}` as ColumnField);
  }

  /** `section`: the commune of the heading above the row, for rows with no commune cell. */
  parse(row: number, cells: RowCells, section: Commune | undefined): HouseholdRowParse {
    const get = (f: ColumnField): CellInput => cells.get(f)?.value ?? null;
    const text = (f: ColumnField): string => cellText(get(f));
    const fail = (f: ColumnField, p: Problem): void => this.errors.fail(row, f, p);
    const label = (f: ColumnField): string => this.errors.label(f);
    const before = this.errors.list.length;
    const requireText = (f: ColumnField, max: number): string => {
      const t = text(f).normalize('NFC');
      if (t === '') fail(f, problem('required', { column: label(f) }));
      else if (t.length > max) fail(f, problem('tooLong', { column: label(f), max }));
      return t;
    };

    const headName = requireText('headName', 120);
    const idNumber = idNumberFromCell(get('idNumber'));
    if (idNumber === '') fail('idNumber', problem('required', { column: label('idNumber') }));
    else if (!isValidIdNumber(idNumber)) fail('idNumber', problem('idNumberInvalid', { value: text('idNumber') || idNumber }));
    const ethnicity = canonicalEthnicity(requireText('ethnicity', 40));

    const commune = this.commune(row, text('commune'), section);
    const village = this.village(row, commune, text('village'));
    const areaCell = parseArea(get('area'));
    if (areaCell === undefined) fail('area', problem('areaInvalid', { value: text('area') }));
    const area = areaCell ?? (commune ? communeArea(commune) : undefined);

    const members = this.members(row, get('members'), text('members'));
    const income = this.income(row, get('income'), text('income'));
    const deprived: string[] = [];
    for (const code of this.indicatorCodes) {
      const f: ColumnField = `indicator:${code}`;
      const mark = parseMark(get(f));
      if (mark === undefined) fail(f, problem('markInvalid', { value: text(f) }));
      else if (mark) deprived.push(code);
    }
    // A count-only column ("Số chỉ số thiếu hụt"): kept when it says more than the marks do.
    let deprivedCount: number | undefined;
    if (this.byField.has('deprivedCount') && text('deprivedCount') !== '') {
      const raw = get('deprivedCount');
      const n = typeof raw === 'number' ? raw : parseNumberVi(text('deprivedCount'));
      if (n === undefined || !Number.isInteger(n) || n < deprived.length || n > this.maxIndicators) {
        fail('deprivedCount', problem('invalid', { column: label('deprivedCount') }));
      } else if (n > deprived.length) deprivedCount = n;
    }
    let merit = false;
    if (this.byField.has('merit')) {
      const mark = parseMark(get('merit'));
      if (mark === undefined) fail('merit', problem('markInvalid', { value: text('merit') }));
      else merit = mark;
    }
    // Blank: sector not recorded (kept out of the medium-living list until it is).
    let sector: Sector | undefined;
    if (this.byField.has('sector')) {
      const parsed = parseSector(text('sector'));
      if (parsed === null) fail('sector', problem('sectorInvalid', { value: text('sector') }));
      else sector = parsed;
    }
    // Blank: no Giấy đề nghị handed in (yet). A day after today is a mistyped year.
    let mediumRequest: { receivedOn: string } | undefined;
    if (this.byField.has('mediumRequest')) {
      const day = parseRequestDay(get('mediumRequest'));
      if (day === null) fail('mediumRequest', problem('requestDateInvalid', { value: text('mediumRequest').slice(0, 40) }));
      else if (day !== undefined && this.options.today !== undefined && isAfter(day, this.options.today)) {
        fail('mediumRequest', problem('requestDateFuture', { value: dayVi(day), today: dayVi(this.options.today) }));
      } else if (day !== undefined) mediumRequest = { receivedOn: day };
    }
    const notes = text('notes');
    if (notes.length > 1000) fail('notes', problem('tooLong', { column: label('notes'), max: 1000 }));
    const codeText = this.byField.has('code') ? text('code') : '';
    if (codeText.length > 64) fail('code', problem('tooLong', { column: label('code'), max: 64 }));
    // Duplicate codes are checked on the codes as typed; derived ones repeat the ID check.
    const typed: HouseholdRowParse = { household: undefined, idNumber, code: codeText || undefined };

    if (this.errors.list.length > before || !commune || !area || members === undefined || income === undefined) return typed;
    // Without a "Mã hộ" the row carries a stand-in code, unique within the file (the ID numbers
    // are checked for duplicates); the store replaces it by the household's code.
    const checked = HouseholdSchema.safeParse({
      code: codeText || `${commune.code}-${idNumber}`,
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
      ...(sector ? { sector } : {}),
      ...(mediumRequest ? { mediumRequest } : {}),
      notes,
      reviewYear: this.options.reviewYear,
      standardId: this.options.standard.id,
    });
    if (!checked.success) {
      // The checks above mirror the schema; this is a safety net, reported on the first field named.
      const key = String(checked.error.issues[0]?.path[0] ?? '');
      const field = SCHEMA_FIELD[key] ?? 'headName';
      fail(field, problem('invalid', { column: label(field) }));
      return typed;
    }
    return { ...typed, household: checked.data };
  }

  private commune(row: number, value: string, section: Commune | undefined): Commune | undefined {
    if (value === '') {
      if (section) return section;
      this.errors.fail(row, 'commune', problem('required', { column: this.errors.label('commune') }));
      return undefined;
    }
    const found = this.index.find(value);
    if (!found) this.errors.fail(row, 'commune', problem('communeUnknown', { value }));
    return found;
  }

  private village(row: number, commune: Commune | undefined, value: string): string {
    if (value === '' || !commune || commune.villages.length === 0) return value.normalize('NFC');
    const v = findVillage(commune, value);
    if (!v) {
      this.errors.fail(row, 'village', problem('villageUnknown', { value, commune: communeLabel(commune) }));
      return value;
    }
    return v.name;
  }

  private members(row: number, value: CellInput, text: string): number | undefined {
    if (text === '') {
      // A required column: the row is only read when the column is there, so its header is known.
      this.errors.fail(row, 'members', problem('required', { column: this.errors.label('members') }));
      return undefined;
    }
    const n = typeof value === 'number' ? value : parseNumberVi(text);
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > 99) {
      this.errors.fail(row, 'members', problem('membersInvalid', { value: text }));
      return undefined;
    }
    return n;
  }

  private income(row: number, value: CellInput, text: string): number | undefined {
    const fail = (p: Problem): undefined => {
      this.errors.fail(row, 'income', p);
      return undefined;
    };
    if (text === '') return fail(problem('incomeMissing'));
    const raw = typeof value === 'number' ? value : parseNumberVi(text);
    if (raw === undefined) return fail(problem('notANumber', { value: text }));
    // A per-person average is often fractional; the standard counts whole đồng.
    const amount = Math.round(raw * (this.byField.get('income')?.scale ?? 1));
    if (amount < 0) return fail(problem('incomeNegative', { value: text }));
    if (amount > 0 && amount < 10_000) return fail(problem('incomeImplausible', { value: amount }));
    if (amount > 1_000_000_000) return fail(problem('invalid', { column: this.errors.label('income') }));
    return amount;
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
  sector: 'sector',
  mediumRequest: 'mediumRequest',
  notes: 'notes',
};
