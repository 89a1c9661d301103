import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import type { MessageKey } from '../../../domain/i18n/keys';
import { SentStandardFileSchema, type SentStandardFile } from '../../../domain/households/standards';
import { WorkbookCells, type Place, type Problem } from './workbookCells';
import { fold } from '../../../domain/text';
import { checkWorkbookBytes, WORKBOOK_LIMITS, type WorkbookLimits } from '../../files/workbookLimits';
import { loadWorkbook } from '../../files/xlsx';
import { cellText, type CellInput } from '../excel/cells';
import { findTable, heads, letter, words, type ColumnSpec, type Grid } from './sheetTables';
import { CLASS_NAME, LINE_NAME, NO, SHEET, STANDARD_LABEL, YES } from './workbook';

/**
 * Reads the standard workbook (workbook.ts) as officers fill it: a merged title above the
 * heading, a heading on two rows ("Số chỉ số thiếu hụt" over "Từ | Đến"), a notes column,
 * amounts typed as text ("1.500.000", "1,5 triệu"), blank rows at the end, trailing spaces.
 * Columns are found by the words of their heading, not by position. What cannot be read is
 * refused with the sheet, row and column and what to type instead; what can is then checked by
 * the same schema as the JSON file (SentStandardFileSchema), whose rule issues are pointed back
 * at the cells they came from. The checks against other standards are the caller's (load.ts).
 */

/** A standard is a few dozen rows; these bounds refuse a hostile file before exceljs parses it. */
export const STANDARD_WORKBOOK_LIMITS: Readonly<WorkbookLimits> = Object.freeze({
  ...WORKBOOK_LIMITS,
  maxFileBytes: 2 * 1024 * 1024,
  maxInflatedBytes: 16 * 1024 * 1024,
  maxRows: 2000,
  maxColumns: 40,
});
/** More indicators than any decree has had (10 in 2021, 12 in 2016) by far; more is not a standard. */
export const MAX_INDICATORS = 100;
const MAX_LINES = 20;
const MAX_BANDS = 20;
const MAX_SOURCES = 50;

/** Reads the workbook into a standard file; throws STANDARD_XLSX_* (or workbook limits) refusals. */
export async function readStandardWorkbook(bytes: Uint8Array): Promise<SentStandardFile> {
  checkWorkbookBytes(bytes, STANDARD_WORKBOOK_LIMITS);
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('STANDARD_XLSX_UNREADABLE', 'households:errors.STANDARD_XLSX_UNREADABLE');
  }
  return new StandardReader(wb).read();
}

type StandardKey = keyof typeof STANDARD_LABEL;
type LineKey = 'code' | 'name' | 'rural' | 'urban';
type IndicatorKey = 'serviceCode' | 'serviceName' | 'code' | 'name' | 'aliases';
type RuleKey = 'order' | 'class' | 'income' | 'min' | 'max';
type SourceKey = 'value' | 'document' | 'readOn';

const LINE_COLUMNS: readonly ColumnSpec<LineKey>[] = [
  { key: 'rural', words: [['nong', 'thon']], required: true },
  { key: 'urban', words: [['thanh', 'thi'], ['do', 'thi']], required: true },
  { key: 'code', words: [['ma', 'muc'], ['ma']], required: false },
  { key: 'name', words: [['ten', 'muc'], ['muc'], ['ten']], required: false },
];
const INDICATOR_COLUMNS: readonly ColumnSpec<IndicatorKey>[] = [
  { key: 'serviceCode', words: [['ma', 'chieu']], required: true },
  { key: 'code', words: [['ma', 'chi', 'so']], required: true },
  { key: 'aliases', words: [['ten', 'khac'], ['ten', 'goi', 'khac']], required: false },
  { key: 'serviceName', words: [['ten', 'chieu'], ['chieu']], required: true },
  { key: 'name', words: [['ten', 'chi', 'so'], ['chi', 'so']], required: true },
];
const RULE_COLUMNS: readonly ColumnSpec<RuleKey>[] = [
  { key: 'order', words: [['thu', 'tu'], ['stt']], required: false },
  { key: 'class', words: [['loai', 'ho'], ['xep', 'loai']], required: true },
  { key: 'income', words: [['thu', 'nhap']], required: true },
  { key: 'min', words: [['thieu', 'hut', 'tu'], ['tu']], required: false },
  { key: 'max', words: [['thieu', 'hut', 'den'], ['den']], required: false },
];
const SOURCE_COLUMNS: readonly ColumnSpec<SourceKey>[] = [
  { key: 'document', words: [['van', 'ban']], required: false },
  { key: 'readOn', words: [['doc', 'tai'], ['trang']], required: false },
  { key: 'value', words: [['gia', 'tri'], ['noi', 'dung']], required: true },
];
/** Most specific first: "Thay thế chuẩn có sẵn cùng mã" also has the words of "Mã chuẩn". */
const STANDARD_ROWS: ReadonlyArray<readonly [StandardKey, readonly (readonly string[])[]]> = [
  ['replaces', [['thay', 'the']]],
  ['legalBasis', [['can', 'cu']]],
  ['from', [['tu', 'nam'], ['ap', 'dung', 'tu']]],
  ['to', [['den', 'nam'], ['ap', 'dung', 'den']]],
  ['note', [['ghi', 'chu']]],
  ['id', [['ma', 'chuan'], ['ma']]],
  ['title', [['ten', 'chuan'], ['ten']]],
];

const CLASS_WORDS: ReadonlyMap<string, 'poor' | 'nearPoor' | 'medium'> = new Map([
  ...Object.entries(CLASS_NAME).map(([k, v]) => [fold(v), k as 'poor' | 'nearPoor' | 'medium'] as const),
  ['ngheo', 'poor'],
  ['poor', 'poor'],
  ['can ngheo', 'nearPoor'],
  ['nearpoor', 'nearPoor'],
  ['ho co muc song trung binh', 'medium'],
  ['muc song trung binh', 'medium'],
  ['trung binh', 'medium'],
  ['medium', 'medium'],
]);

const LINE_CODE = /^[a-zA-Z][a-zA-Z0-9]{0,39}$/;
const INDICATOR_CODE = /^[a-zA-Z][a-zA-Z0-9]{1,39}$/;
const STANDARD_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;

class StandardReader extends WorkbookCells {
  /** Schema path ("standard.lines.rural.poverty") → the cell it was read from. */
  private readonly places = new Map<string, Place>();
  /** Indicator code → rows it was read on, to point a duplicate at its second row. */
  private readonly indicatorRows = new Map<string, Place[]>();

  read(): SentStandardFile {
    const standard = this.sheet('standard', true);
    const linesGrid = this.sheet('lines', true);
    const indicatorsGrid = this.sheet('indicators', true);
    const rulesGrid = this.sheet('rules', true);
    const sourcesGrid = this.sheet('sources', false);
    if (!standard || !linesGrid || !indicatorsGrid || !rulesGrid) return this.refuse();

    const head = this.readStandardSheet(standard);
    const lines = this.readLines(linesGrid);
    const services = this.readIndicators(indicatorsGrid);
    const bands = this.readRules(rulesGrid, lines.names);
    const sources = sourcesGrid ? this.readSources(sourcesGrid) : [];
    if (this.problems.length > 0) return this.refuse();

    const candidate = {
      standard: {
        id: head.id,
        title: head.title,
        legalBasis: head.legalBasis,
        reviewYears: { from: head.from, to: head.to },
        ...(head.note !== '' ? { note: head.note } : {}),
        lines: lines.lines,
        rule: { bands },
        services,
      },
      replacesBuiltIn: head.replaces,
      sources,
    };
    const parsed = SentStandardFileSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.problems.push(this.issueProblem(issue));
      return this.refuse();
    }
    return parsed.data;
  }

  private readStandardSheet(grid: Grid): { id: string; title: string; legalBasis: string; from: number | undefined; to: number | undefined; replaces: boolean; note: string } {
    // The value is in the column headed "Giá trị", else the first cell right of the label.
    const valueHead = findTable(grid, [{ key: 'value', words: [['gia', 'tri']], required: true }] as const);
    const valueCol = valueHead?.columns.get('value')?.index;
    const found = new Map<StandardKey, { value: CellInput; place: Place }>();
    grid.rows.forEach((cells, r) => {
      const labelCol = cells.findIndex((c) => cellText(c.value) !== '');
      if (labelCol < 0 || (valueCol !== undefined && labelCol >= valueCol)) return;
      const label = cellText(cells[labelCol]?.value ?? null);
      if (label.length > 80) return; // the explanation row
      const w = words(label);
      const hit = STANDARD_ROWS.find(([k, alts]) => !found.has(k) && heads(w, alts));
      if (!hit) return;
      const col = valueCol ?? labelCol + 1;
      found.set(hit[0], { value: this.value(grid, r, col, label), place: { sheet: grid.name, row: r + 1, column: `${letter(col + 1)} “${label}”` } });
    });
    const get = (k: StandardKey): { value: CellInput; place: Place } => {
      const f = found.get(k);
      if (f) return f;
      this.fail('STANDARD_XLSX_LABEL_MISSING', 'households:errors.STANDARD_XLSX_LABEL_MISSING', { sheet: grid.name }, { label: STANDARD_LABEL[k] });
      return { value: null, place: { sheet: grid.name, row: 0, column: '' } };
    };
    const id = get('id');
    const title = get('title');
    const legal = get('legalBasis');
    const from = get('from');
    const to = get('to');
    const replaces = get('replaces');
    const note = found.get('note');
    this.places.set('standard.id', id.place);
    this.places.set('standard.title', title.place);
    this.places.set('standard.legalBasis', legal.place);
    this.places.set('standard.reviewYears', from.place);
    this.places.set('standard.reviewYears.from', from.place);
    this.places.set('standard.reviewYears.to', to.place);
    this.places.set('replacesBuiltIn', replaces.place);
    if (note) this.places.set('standard.note', note.place);
    const yes = fold(cellText(replaces.value));
    if (!['co', 'khong', '', 'x', 'yes', 'no'].includes(yes)) {
      this.fail('STANDARD_XLSX_YES_NO', 'households:errors.STANDARD_XLSX_YES_NO', replaces.place, { value: cellText(replaces.value), yes: YES, no: NO });
    }
    const idText = this.required(cellText(id.value), id.place);
    return {
      id: this.code(idText, id.place, STANDARD_ID, 'STANDARD_XLSX_ID', 'households:errors.STANDARD_XLSX_ID'),
      title: this.required(cellText(title.value), title.place),
      legalBasis: this.required(cellText(legal.value), legal.place),
      from: found.has('from') ? this.wholeNumber(from.value, from.place, false) : undefined,
      to: found.has('to') ? this.wholeNumber(to.value, to.place, false) : undefined,
      replaces: yes === 'co' || yes === 'x' || yes === 'yes',
      note: note ? cellText(note.value) : '',
    };
  }

  private readLines(grid: Grid): { lines: { rural: Record<string, number>; urban: Record<string, number> }; names: Map<string, string> } {
    const lines = { rural: {} as Record<string, number>, urban: {} as Record<string, number> };
    const names = new Map<string, string>();
    const t = this.table(grid, LINE_COLUMNS, ['Mã mức', 'Tên mức', 'Nông thôn', 'Thành thị']);
    if (!t) return { lines, names };
    const known = new Map(Object.entries(LINE_NAME).map(([code, name]) => [fold(name), code]));
    for (const r of this.rowsOf(t, MAX_LINES, 'mức thu nhập')) {
      const code = this.text(t, r, 'code');
      const name = this.text(t, r, 'name');
      const lineCode = code.text !== '' ? code.text : (known.get(fold(name.text)) ?? '');
      if (lineCode === '') {
        this.fail('STANDARD_XLSX_LINE_CODE', 'households:errors.STANDARD_XLSX_LINE_CODE', t.columns.has('code') ? code.place : name.place, { value: name.text });
        continue;
      }
      this.code(lineCode, code.text !== '' ? code.place : name.place, LINE_CODE, 'STANDARD_XLSX_CODE', 'households:errors.STANDARD_XLSX_CODE');
      names.set(fold(lineCode), lineCode);
      if (name.text !== '') names.set(fold(name.text), lineCode);
      for (const area of ['rural', 'urban'] as const) {
        const cell = this.raw(t, r, area);
        const amount = this.amount(cell.value, cell.place);
        if (amount !== undefined) lines[area][lineCode] = amount;
        this.places.set(`standard.lines.${area}.${lineCode}`, cell.place);
        // The schema says "medium must exceed poverty" of the area: point at the medium cell.
        if (lineCode === 'medium' || !this.places.has(`standard.lines.${area}`)) this.places.set(`standard.lines.${area}`, cell.place);
      }
    }
    // The two lines every standard has, named here rather than as a schema path.
    if (this.problems.length === 0) {
      for (const area of ['rural', 'urban'] as const) {
        for (const line of ['poverty', 'medium'] as const) {
          if (lines[area][line] === undefined) {
            this.fail('STANDARD_XLSX_LINE_MISSING', 'households:errors.STANDARD_XLSX_LINE_MISSING', { sheet: grid.name }, { line: LINE_NAME[line] ?? line, area, areaName: area === 'urban' ? 'thành thị' : 'nông thôn' });
          }
        }
      }
    }
    return { lines, names };
  }

  private readIndicators(grid: Grid): Array<{ code: string; name: string; indicators: Array<{ code: string; name: string; aliases: string[] }> }> {
    const services: Array<{ code: string; name: string; indicators: Array<{ code: string; name: string; aliases: string[] }> }> = [];
    const t = this.table(grid, INDICATOR_COLUMNS, ['Mã chiều', 'Tên chiều', 'Mã chỉ số', 'Tên chỉ số']);
    if (!t) return services;
    for (const r of this.rowsOf(t, MAX_INDICATORS, 'chỉ số')) {
      const sCode = this.text(t, r, 'serviceCode');
      const sName = this.text(t, r, 'serviceName');
      const code = this.text(t, r, 'code');
      const name = this.text(t, r, 'name');
      const aliases = this.text(t, r, 'aliases');
      // Blank service cells (or a merged block) continue the service of the row above.
      let service = services[services.length - 1];
      if (sCode.text !== '' && sCode.text !== service?.code) {
        this.code(sCode.text, sCode.place, INDICATOR_CODE, 'STANDARD_XLSX_CODE', 'households:errors.STANDARD_XLSX_CODE');
        service = { code: sCode.text, name: this.required(sName.text, sName.place), indicators: [] };
        services.push(service);
      }
      if (!service) {
        this.required('', sCode.place);
        continue;
      }
      this.code(this.required(code.text, code.place), code.place, INDICATOR_CODE, 'STANDARD_XLSX_CODE', 'households:errors.STANDARD_XLSX_CODE');
      const si = services.length - 1;
      const ii = service.indicators.length;
      this.places.set(`standard.services.${si}`, sCode.place);
      this.places.set(`standard.services.${si}.indicators.${ii}`, code.place);
      this.places.set(`standard.services.${si}.indicators.${ii}.name`, name.place);
      this.places.set(`standard.services.${si}.indicators.${ii}.aliases`, aliases.place);
      this.indicatorRows.set(code.text, [...(this.indicatorRows.get(code.text) ?? []), code.place]);
      service.indicators.push({
        code: code.text,
        name: this.required(name.text, name.place),
        aliases: aliases.text.split(/\s*;\s*/).filter((a) => a !== ''),
      });
    }
    if (services.length === 0 && this.problems.length === 0) this.fail('STANDARD_XLSX_NO_ROWS', 'households:errors.STANDARD_XLSX_NO_ROWS', { sheet: grid.name });
    return services;
  }

  private readRules(grid: Grid, lineNames: ReadonlyMap<string, string>): Array<{ class: 'poor' | 'nearPoor' | 'medium'; incomeAtMost: string; minDeprivations?: number; maxDeprivations?: number }> {
    const t = this.table(grid, RULE_COLUMNS, ['Thứ tự', 'Loại hộ', 'Thu nhập không quá mức', 'Thiếu hụt từ', 'Thiếu hụt đến']);
    if (!t) return [];
    const read: Array<{ order: number; row: number; band: { class: 'poor' | 'nearPoor' | 'medium'; incomeAtMost: string; minDeprivations?: number; maxDeprivations?: number }; place: Place; income: Place; min: Place }> = [];
    for (const r of this.rowsOf(t, MAX_BANDS, 'dòng xếp loại')) {
      const order = this.raw(t, r, 'order');
      const cls = this.text(t, r, 'class');
      const income = this.text(t, r, 'income');
      const min = this.raw(t, r, 'min');
      const max = this.raw(t, r, 'max');
      const klass = CLASS_WORDS.get(fold(cls.text));
      if (!klass) this.fail('STANDARD_XLSX_CLASS', 'households:errors.STANDARD_XLSX_CLASS', cls.place, { value: cls.text, choices: Object.values(CLASS_NAME).join(', ') });
      const line = lineNames.get(fold(this.required(income.text, income.place))) ?? income.text;
      const band = { class: klass ?? 'poor', incomeAtMost: line } as { class: 'poor' | 'nearPoor' | 'medium'; incomeAtMost: string; minDeprivations?: number; maxDeprivations?: number };
      const lo = this.wholeNumber(min.value, min.place, true);
      const hi = this.wholeNumber(max.value, max.place, true);
      if (lo !== undefined) band.minDeprivations = lo;
      if (hi !== undefined) band.maxDeprivations = hi;
      const n = t.columns.has('order') ? this.wholeNumber(order.value, order.place, true) : undefined;
      read.push({ order: n ?? read.length + 1, row: r, band, place: cls.place, income: income.place, min: min.place });
    }
    if (read.length === 0 && this.problems.length === 0) this.fail('STANDARD_XLSX_NO_ROWS', 'households:errors.STANDARD_XLSX_NO_ROWS', { sheet: grid.name });
    // Bands are tried in the order the "Thứ tự" column gives (sheet order breaks ties).
    read.sort((a, b) => a.order - b.order || a.row - b.row);
    read.forEach((b, i) => {
      this.places.set(`standard.rule.bands.${i}`, b.place);
      this.places.set(`standard.rule.bands.${i}.incomeAtMost`, b.income);
      this.places.set(`standard.rule.bands.${i}.minDeprivations`, b.min);
    });
    return read.map((b) => b.band);
  }

  private readSources(grid: Grid): Array<{ value: string; document?: string; readOn?: string }> {
    const t = findTable(grid, SOURCE_COLUMNS);
    if (!t) {
      // An empty "Nguồn" sheet is allowed; rows under a heading the reader cannot find are not dropped silently.
      if (grid.rows.slice(1).some((r) => r.some((c) => cellText(c.value) !== ''))) {
        this.fail('STANDARD_XLSX_HEADING', 'households:errors.STANDARD_XLSX_HEADING', { sheet: grid.name }, { headings: 'Giá trị, Văn bản, Đọc tại' });
      }
      return [];
    }
    return this.rowsOf(t, MAX_SOURCES, 'nguồn').map((r, i) => {
      const value = this.text(t, r, 'value');
      const document = this.text(t, r, 'document').text;
      const readOn = this.text(t, r, 'readOn').text;
      this.places.set(`sources.${i}`, value.place);
      return { value: this.required(value.text, value.place), ...(document !== '' ? { document } : {}), ...(readOn !== '' ? { readOn } : {}) };
    });
  }

  /** A schema issue as a refusal at the cell the value came from (the longest known path prefix). */
  private issueProblem(issue: z.core.$ZodIssue): Problem {
    const path = issue.path.map(String);
    const params = issue.code === 'custom' ? (issue.params ?? {}) : {};
    const rule = typeof params['rule'] === 'string' ? params['rule'] : '';
    let place: Place | { sheet: string } = { sheet: '' };
    if (rule === 'duplicateIndicator') {
      const rows = this.indicatorRows.get(String(params['code'] ?? ''));
      place = rows?.[1] ?? rows?.[0] ?? { sheet: SHEET.indicators };
    } else if (rule === 'bandLineMissing') {
      place = this.places.get(`${path.join('.')}.incomeAtMost`) ?? { sheet: SHEET.rules };
    } else if (rule === 'tooManyDeprivations') {
      place = this.places.get(`${path.join('.')}.minDeprivations`) ?? { sheet: SHEET.rules };
    } else {
      for (let n = path.length; n > 0; n--) {
        const hit = this.places.get(path.slice(0, n).join('.'));
        if (hit) {
          place = hit;
          break;
        }
      }
    }
    const areaName = params['area'] === 'urban' ? 'thành thị' : params['area'] === 'rural' ? 'nông thôn' : '';
    const known: Record<string, MessageKey> = {
      yearsReversed: 'households:errors.STANDARD_XLSX_YEARS_REVERSED',
      duplicateIndicator: 'households:errors.STANDARD_XLSX_DUPLICATE_INDICATOR',
      mediumNotAbove: 'households:errors.STANDARD_XLSX_MEDIUM_NOT_ABOVE',
      bandLineMissing: 'households:errors.STANDARD_XLSX_BAND_LINE',
      tooManyDeprivations: 'households:errors.STANDARD_XLSX_TOO_MANY_DEPRIVATIONS',
    };
    const key = known[rule];
    const extra: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') extra[k] = v;
    if (key) return { code: `STANDARD_XLSX_${rule.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`, key, params: { ...place, ...extra, areaName } };
    if ('row' in place) return { code: 'STANDARD_XLSX_VALUE', key: 'households:errors.STANDARD_XLSX_VALUE', params: { ...place, what: issue.message } };
    const sheetOf: Record<string, string> = { lines: SHEET.lines, services: SHEET.indicators, rule: SHEET.rules };
    const sheet = path[0] === 'sources' ? SHEET.sources : (sheetOf[path[1] ?? ''] ?? SHEET.standard);
    return { code: 'STANDARD_XLSX_VALUE', key: 'households:errors.STANDARD_XLSX_VALUE_SHEET', params: { sheet, what: issue.message } };
  }
}
