import type ExcelJS from 'exceljs';
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { checkWorkbookDirectory, tooLarge, tooWide, WORKBOOK_LIMITS, type WorkbookLimits } from './workbookLimits';

/**
 * Reading an uploaded workbook row by row, for files that can be large: the household import.
 * Nothing of a sheet is kept here; the caller keeps what it needs.
 *
 * Why not exceljs's streaming reader (stream.xlsx.WorkbookReader, exceljs 4.4): it decodes each
 * inflated chunk to text on its own (utils/parse-sax.js), so a Vietnamese letter whose UTF-8
 * bytes straddle two chunks becomes "��": on 110,000 rows about twenty names, communes or
 * areas came back garbled ("Th��nh thị"). This reader inflates with fflate, decodes with a
 * streaming TextDecoder and parses with saxes (the XML parser exceljs itself uses).
 *
 * Limits, counted once as the file is inflated: the zip's directory first (declared sizes and
 * ratios); then the real inflated bytes (over maxInflatedBytes: WORKBOOK_TOO_LARGE), row
 * numbers and counts over maxRows and cells beyond maxColumns (WORKBOOK_DIMENSIONS). The
 * compressed bytes go in 8 KB slices, so at most one slice's output (≤ 8 KB × maxRatio) is
 * parsed before the rows it held are handed on. The shared strings are kept (every sheet
 * refers to them); they are bounded by the inflated-bytes limit and the worker's heap cap.
 */

export interface StreamedRow {
  /** Row number as Excel shows it. */
  number: number;
  /** Cell values from column A; holes are undefined. Formulas give their cached result. */
  values: ExcelJS.CellValue[];
}

export interface StreamedSheet {
  name: string;
  /** Inflated and parsed only as they are read: a sheet the caller skips costs nothing. */
  rows: AsyncIterable<StreamedRow>;
}

const SLICE = 8 * 1024;
const MiB = 1024 * 1024;

/** "AB12" → 28; 0 when the reference has no letters. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
    if (n > 1e7) break;
  }
  return n;
}

/** Inflated bytes of the entries started so far, across passes; refuses past the limit. */
class Budget {
  private used = 0;
  constructor(private readonly limits: WorkbookLimits) {}
  take(n: number): void {
    this.used += n;
    if (this.used > this.limits.maxInflatedBytes) throw tooLarge(Math.round(this.limits.maxInflatedBytes / MiB));
  }
}

/**
 * One pass over the zip: the entries `wanted` accepts are inflated and their text handed to
 * `onText` in order; the others are skipped without inflating. `between` runs after each
 * compressed slice (the sheet reader hands its rows on there).
 */
function* pass(bytes: Uint8Array, wanted: (name: string) => boolean, onText: (name: string, text: string, final: boolean) => void, budget: Budget): Generator<void> {
  let failure: unknown;
  const unzip = new Unzip((file: UnzipFile) => {
    if (!wanted(file.name)) return;
    const decoder = new TextDecoder('utf-8');
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      try {
        if (err) throw err;
        budget.take(chunk.length);
        onText(file.name, decoder.decode(chunk, { stream: !final }), final);
      } catch (e) {
        failure = e;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < bytes.length; at += SLICE) {
    unzip.push(bytes.subarray(at, Math.min(at + SLICE, bytes.length)), at + SLICE >= bytes.length);
    if (failure) throw failure;
    yield;
  }
}

function drainPass(gen: Generator<void>): void {
  for (const _step of gen) {
    // every slice pushed
  }
}

interface SheetRef {
  name: string;
  path: string;
}

/** Sheet names and their parts, in the workbook's order. */
function sheetList(bytes: Uint8Array, budget: Budget): SheetRef[] {
  const texts = new Map<string, string>();
  const seenSheets: string[] = [];
  drainPass(
    pass(
      bytes,
      (n) => {
        // The sheets are only listed here, not inflated (nor their _rels, which are no sheets).
        if (/^xl\/worksheets\//.test(n)) {
          if (/^xl\/worksheets\/[^/]+\.xml$/.test(n)) seenSheets.push(n);
          return false;
        }
        return n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels';
      },
      (name, text) => texts.set(name, (texts.get(name) ?? '') + text),
      budget,
    ),
  );
  const targets = new Map<string, string>();
  parseAll(texts.get('xl/_rels/workbook.xml.rels') ?? '', (tag) => {
    if (tag.name !== 'Relationship') return;
    const target = String(tag.attributes['Target'] ?? '');
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    targets.set(String(tag.attributes['Id'] ?? ''), path.replace(/\/\.\//g, '/'));
  });
  const sheets: SheetRef[] = [];
  parseAll(texts.get('xl/workbook.xml') ?? '', (tag) => {
    if (tag.name !== 'sheet') return;
    const id = String(tag.attributes['r:id'] ?? '');
    const path = targets.get(id);
    if (path && seenSheets.includes(path)) sheets.push({ name: String(tag.attributes['name'] ?? ''), path });
  });
  // Without a readable workbook part, the sheets as they sit in the zip.
  return sheets.length > 0 ? sheets : seenSheets.map((path, i) => ({ name: `Sheet${i + 1}`, path }));
}

function parseAll(text: string, onOpen: (tag: SaxesTagPlain) => void): void {
  if (!text) return;
  const sax = new SaxesParser();
  sax.on('opentag', onOpen);
  sax.write(text).close();
}

/** The shared strings table: rich text runs joined, phonetic guides (rPh) left out. */
function sharedStrings(bytes: Uint8Array, budget: Budget): string[] {
  const out: string[] = [];
  const sax = new SaxesParser();
  let text = '';
  let inT = false;
  let inPhonetic = 0;
  sax.on('opentag', (t) => {
    if (t.name === 'si') text = '';
    else if (t.name === 't') inT = inPhonetic === 0;
    else if (t.name === 'rPh') inPhonetic++;
  });
  sax.on('closetag', (t) => {
    if (t.name === 'si') out.push(text);
    else if (t.name === 't') inT = false;
    else if (t.name === 'rPh') inPhonetic--;
  });
  sax.on('text', (s) => {
    if (inT) text += s;
  });
  sax.on('cdata', (s) => {
    if (inT) text += s;
  });
  drainPass(
    pass(
      bytes,
      (n) => n === 'xl/sharedStrings.xml',
      (_n, s, final) => {
        sax.write(s);
        if (final) sax.close();
      },
      budget,
    ),
  );
  return out;
}

/** A parsed cell's value, as exceljs's loader gives it (formulas: the cached result). */
function cellValue(type: string, raw: string | undefined, inline: string | undefined, strings: readonly string[]): ExcelJS.CellValue {
  switch (type) {
    case 'inlineStr':
      return inline ?? raw ?? null;
    case 's':
      return raw === undefined ? null : (strings[Number.parseInt(raw, 10)] ?? null);
    case 'str':
      return raw ?? null;
    case 'b':
      return raw === undefined ? null : Number.parseInt(raw, 10) !== 0;
    case 'e':
      return raw === undefined ? null : ({ error: raw } as ExcelJS.CellErrorValue);
    case 'd':
      return raw === undefined ? null : new Date(raw);
    default: {
      if (raw === undefined || raw.trim() === '') return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
  }
}

async function* rowsOf(bytes: Uint8Array, path: string, strings: readonly string[], limits: WorkbookLimits, budget: Budget): AsyncGenerator<StreamedRow> {
  const ready: StreamedRow[] = [];
  const sax = new SaxesParser();
  let row: StreamedRow | null = null;
  let lastRow = 0;
  let ordinal = 0;
  let col = 0;
  let type = '';
  let raw: string | undefined;
  let inline: string | undefined;
  // Which text is being gathered: a cell's <v>, or a <t> of its inline string (not its phonetics).
  let into: 'v' | 't' | null = null;
  let inPhonetic = 0;
  sax.on('opentag', (t) => {
    switch (t.name) {
      case 'row': {
        ordinal++;
        const r = Number.parseInt(String(t.attributes['r'] ?? ''), 10);
        // A row without its "r" follows the previous one, as Excel reads it.
        const number = Number.isFinite(r) && r > 0 ? r : lastRow + 1;
        if (number > limits.maxRows || ordinal > limits.maxRows) throw tooWide(Math.max(number, ordinal), 0, limits);
        lastRow = number;
        row = { number, values: [] };
        col = 0;
        break;
      }
      case 'c': {
        const ref = t.attributes['r'];
        const c = ref ? columnOf(String(ref)) : 0;
        col = c > 0 ? c : col + 1;
        if (col > limits.maxColumns) throw tooWide(row?.number ?? lastRow, col, limits);
        type = String(t.attributes['t'] ?? 'n');
        raw = undefined;
        inline = undefined;
        break;
      }
      case 'v':
        into = 'v';
        raw = '';
        break;
      case 't':
        if (inPhonetic === 0) {
          into = 't';
          inline ??= '';
        }
        break;
      case 'rPh':
        inPhonetic++;
        break;
      default:
        break;
    }
  });
  const gather = (s: string): void => {
    if (into === 'v') raw = (raw ?? '') + s;
    else if (into === 't') inline = (inline ?? '') + s;
  };
  sax.on('text', gather);
  sax.on('cdata', gather);
  sax.on('closetag', (t) => {
    switch (t.name) {
      case 'v':
      case 't':
        into = null;
        break;
      case 'rPh':
        inPhonetic--;
        break;
      case 'c':
        if (row) {
          const v = cellValue(type, raw, inline, strings);
          if (v !== null) row.values[col - 1] = v;
        }
        break;
      case 'row':
        if (row) ready.push(row);
        row = null;
        break;
      default:
        break;
    }
  });
  const steps = pass(
    bytes,
    (n) => n === path,
    (_n, s, final) => {
      sax.write(s);
      if (final) sax.close();
    },
    budget,
  );
  for (const _step of steps) {
    // The rows of this slice go on before the next slice is inflated.
    for (const r of ready) yield r;
    ready.length = 0;
  }
}

/**
 * The sheets of a workbook in the workbook's order, each with its rows as they are parsed.
 * Throws the limit errors above, and a plain Error when the bytes are not a workbook.
 */
export async function* streamWorkbook(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): AsyncGenerator<StreamedSheet> {
  if (!checkWorkbookDirectory(bytes, limits)) throw new Error('not a zip file');
  const budget = new Budget(limits);
  const sheets = sheetList(bytes, budget);
  if (sheets.length === 0) throw new Error('no worksheet');
  const strings = sharedStrings(bytes, budget);
  // Each sheet is its own pass over the bytes, started when its rows are first read.
  for (const sheet of sheets) yield { name: sheet.name, rows: rowsOf(bytes, sheet.path, strings, limits, budget) };
}
