import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate';
import { AppError } from '../../domain/errors';

/**
 * Bounds checked on an uploaded workbook BEFORE exceljs parses it. exceljs builds the whole
 * workbook in memory, so a zip bomb (a sheet of repeated rows compressing 1000:1) or a sheet
 * with one cell at row 1,048,576 would take the app down before any of our code sees a row.
 * The checks read the zip's central directory (declared sizes, no inflation), then inflate
 * every entry in small slices, counting the real bytes (declared sizes can lie) and reading the
 * row and cell references of each worksheet as they stream past; the first number over a
 * limit stops the scan. Memory stays bounded by the slice size times the worst ratio.
 */
export interface WorkbookLimits {
  maxFileBytes: number;
  maxEntries: number;
  /** Sum of the entries once inflated (declared, then counted). */
  maxInflatedBytes: number;
  /** Inflated/compressed of one entry, for entries above ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxRows: number;
  maxColumns: number;
}

const MiB = 1024 * 1024;

export const WORKBOOK_LIMITS: Readonly<WorkbookLimits> = Object.freeze({
  maxFileBytes: 50 * MiB,
  maxEntries: 2000,
  // A district's 30,000 households in one sheet is ~40 MB of sheet XML plus shared strings.
  maxInflatedBytes: 150 * MiB,
  // Real sheet XML compresses 5–30:1; a sheet of identical empty styled rows can reach ~100:1.
  maxRatio: 200,
  ratioFloorBytes: 1 * MiB,
  maxRows: 200_000,
  maxColumns: 200,
});

/** Compressed bytes handed to the inflater at a time: bounds one burst of output to ~8 MiB. */
const SLICE = 8 * 1024;

export function tooLarge(limitMb: number): AppError {
  return new AppError('WORKBOOK_TOO_LARGE', 'common:errors.WORKBOOK_TOO_LARGE', { limitMb });
}

export function tooWide(rows: number, columns: number, limits: WorkbookLimits): AppError {
  return new AppError('WORKBOOK_DIMENSIONS', 'common:errors.WORKBOOK_DIMENSIONS', {
    rows,
    columns,
    maxRows: limits.maxRows,
    maxColumns: limits.maxColumns,
  });
}

/** "AB" → 28. Stops counting past the limit so a 1000-letter reference costs nothing. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
    if (n > 1e9) return n;
  }
  return n;
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const DIMENSION = /<dimension\s+ref="[A-Z]*\d*:?([A-Z]+)(\d+)"/g;
const ROW = /<row\b[^>]*?\sr="(\d+)"/g;
const CELL = /<c\b[^>]*?\sr="([A-Z]+)(\d+)"/g;

/**
 * Throws WORKBOOK_TOO_LARGE or WORKBOOK_DIMENSIONS (AppErrors with vi+en sentences); lets a
 * non-zip through untouched for exceljs to refuse as it always did. Synchronous and bounded.
 */
export function checkWorkbookBytes(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): void {
  if (!checkWorkbookDirectory(bytes, limits)) return;
  scanInflated(bytes, limits);
}

/**
 * The checks that need no inflation: file size, number of entries, declared sizes and ratios
 * from the zip's central directory. False when the bytes are not a zip (the reader refuses
 * them in its own words). The streaming reader (xlsxStream.ts) relies on this alone and checks
 * rows and columns as they are parsed, so the workbook is inflated once.
 */
export function checkWorkbookDirectory(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): boolean {
  const limitMb = Math.round(limits.maxInflatedBytes / MiB);
  if (bytes.length > limits.maxFileBytes) throw tooLarge(Math.round(limits.maxFileBytes / MiB));

  const listed: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter(f) {
        if (listed.length >= limits.maxEntries) throw tooLarge(limitMb);
        listed.push(f);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    return false; // not a zip: exceljs gives its usual "unreadable" refusal
  }
  let declared = 0;
  for (const f of listed) {
    declared += f.originalSize;
    if (declared > limits.maxInflatedBytes) throw tooLarge(limitMb);
    if (f.originalSize > limits.ratioFloorBytes && f.originalSize / Math.max(f.size, 1) > limits.maxRatio) throw tooLarge(limitMb);
  }
  return true;
}

/** Inflates every entry in slices, counting real bytes and scanning sheet references. */
function scanInflated(bytes: Uint8Array, limits: WorkbookLimits): void {
  const limitMb = Math.round(limits.maxInflatedBytes / MiB);

  let refusal: AppError | null = null;
  let inflated = 0;
  const unzip = new Unzip((file) => {
    const sheet = SHEET.test(file.name);
    let tail = '';
    file.ondata = (err, chunk) => {
      if (refusal) return;
      if (err) return; // a broken entry is exceljs's to report
      inflated += chunk.length;
      if (inflated > limits.maxInflatedBytes) {
        refusal = tooLarge(limitMb);
        return;
      }
      if (!sheet) return;
      // Tags are ASCII; latin1 keeps one char per byte. The tail carries a tag cut by a slice.
      const text = tail + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      tail = text.slice(-256);
      refusal = scanSheet(text, limits);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < bytes.length && !refusal; at += SLICE) {
    try {
      unzip.push(bytes.subarray(at, Math.min(at + SLICE, bytes.length)), at + SLICE >= bytes.length);
    } catch {
      return; // damaged zip: exceljs refuses it
    }
  }
  if (refusal) throw refusal;
}

function scanSheet(text: string, limits: WorkbookLimits): AppError | null {
  for (const m of text.matchAll(DIMENSION)) {
    const cols = columnNumber(m[1] ?? '');
    const rows = Number(m[2]);
    if (rows > limits.maxRows || cols > limits.maxColumns) return tooWide(rows, cols, limits);
  }
  for (const m of text.matchAll(ROW)) {
    const rows = Number(m[1]);
    if (rows > limits.maxRows) return tooWide(rows, 0, limits);
  }
  for (const m of text.matchAll(CELL)) {
    const cols = columnNumber(m[1] ?? '');
    const rows = Number(m[2]);
    if (rows > limits.maxRows || cols > limits.maxColumns) return tooWide(rows, cols, limits);
  }
  return null;
}
