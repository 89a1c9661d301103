import { unzipSync } from 'fflate';
import { AppError } from '../../domain/errors';
import { ensureDomMatrix } from './domMatrix';
import { repairLegacyText, type LegacyEncoding } from '../../domain/legacyText';

/**
 * Opens a notice file as text for the extractor: .docx (Word, tables kept as "a | b | c" rows,
 * numbered lists kept as "1.", "a)"), PDF with a text layer (lines rebuilt by position, the two
 * header columns split by a tab), or plain text (UTF-8, UTF-16, Windows-1258). The kind is read
 * from the bytes, not the extension. Hostile files stop with a coded error: too large, a zip
 * bomb, damaged, no text layer (a scanned PDF).
 */

export type NoticeFileFormat = 'docx' | 'pdf' | 'txt';
export interface NoticeFileText {
  text: string;
  format: NoticeFileFormat;
  /** Pages read (PDF). */
  pages?: number;
  /** Legacy Vietnamese code the text was converted from (ABC/.VnTime fonts, VNI fonts). */
  encoding?: LegacyEncoding;
}

export const NOTICE_FILE_LIMITS = {
  /** Bytes of the file itself. */
  maxBytes: 20 * 1024 * 1024,
  /** Uncompressed bytes of word/document.xml: a larger one is a zip bomb, not a notice. */
  maxDocxXml: 40 * 1024 * 1024,
  /** Pages of a PDF read; a notice with appendices runs to tens of pages. */
  maxPdfPages: 300,
  /** Text longer than this is cut: the extractor needs the notice, not a book. */
  maxChars: 2_000_000,
};

const startsWith = (b: Uint8Array, sig: number[]): boolean => sig.every((x, i) => b[i] === x);

export function formatOf(bytes: Uint8Array): NoticeFileFormat | 'unknown' {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  // Plain text: no NUL bytes in the first KiB, unless it is UTF-16 (BOM or every other byte NUL).
  const head = bytes.subarray(0, 1024);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'txt';
  const nuls = head.filter((b) => b === 0).length;
  if (nuls === 0) return 'txt';
  if (head.length >= 4 && nuls >= head.length / 3) return 'txt';
  return 'unknown';
}

export async function readNoticeFile(bytes: Uint8Array, name: string): Promise<NoticeFileText> {
  if (bytes.byteLength > NOTICE_FILE_LIMITS.maxBytes) {
    throw new AppError('NOTICE_FILE_TOO_LARGE', 'directives:file.errors.tooLarge', { file: name, mb: Math.round(NOTICE_FILE_LIMITS.maxBytes / 1048576) });
  }
  const format = formatOf(bytes);
  let out: NoticeFileText;
  if (format === 'docx') out = { text: await readDocx(bytes, name), format };
  else if (format === 'pdf') out = await readPdf(bytes, name);
  else if (format === 'txt') {
    const read = decodeTextReading(bytes);
    out = { text: read.text, format, ...(read.encoding ? { encoding: read.encoding } : {}) };
  }
  else throw new AppError('NOTICE_FILE_UNSUPPORTED', 'directives:file.errors.unsupported', { file: name });
  // Text typed in the ABC (.VnTime) or VNI fonts comes out of Word and PDF as Latin-1 symbols too.
  // A .txt read through a legacy chart is Unicode already: a second pass could only garble it.
  const text = out.text.slice(0, NOTICE_FILE_LIMITS.maxChars);
  const legacy = out.encoding ? { text, encoding: out.encoding } : repairLegacyText(text);
  return { ...out, text: legacy.text.normalize('NFC'), ...(legacy.encoding ? { encoding: legacy.encoding } : {}) };
}

/* ---------- plain text ---------- */

export function decodeText(bytes: Uint8Array): string {
  return decodeTextReading(bytes).text;
}

function decodeTextReading(bytes: Uint8Array): { text: string; encoding: LegacyEncoding | null } {
  const plain = (text: string) => ({ text, encoding: null });
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return plain(new TextDecoder('utf-8').decode(bytes.subarray(3)));
  if (startsWith(bytes, [0xff, 0xfe])) return plain(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (startsWith(bytes, [0xfe, 0xff])) return plain(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  const head = bytes.subarray(0, 1024);
  if (head.length >= 4 && head.filter((b) => b === 0).length >= head.length / 3) {
    // UTF-16 without a BOM: ASCII letters put their NUL byte second (LE) or first (BE).
    const evenNul = head.filter((b, i) => i % 2 === 0 && b === 0).length;
    return plain(new TextDecoder(evenNul > head.length / 4 ? 'utf-16be' : 'utf-16le').decode(bytes));
  }
  try {
    return plain(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    // Not UTF-8: a legacy ABC (TCVN3) or VNI file keeps its byte values when read as Windows-1252;
    // otherwise the Vietnamese Windows code page (base letters + combining tone marks; NFC joins them).
    const asBytes = new TextDecoder('windows-1252').decode(bytes);
    const legacy = repairLegacyText(asBytes);
    return legacy.encoding ? legacy : plain(new TextDecoder('windows-1258').decode(bytes));
  }
}

/* ---------- Word ---------- */

async function readDocx(bytes: Uint8Array, name: string): Promise<string> {
  // Check the sizes the zip declares before anything inflates it.
  let declared = 0;
  let hasDocument = false;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (f.name === 'word/document.xml') {
          hasDocument = true;
          declared = f.originalSize;
        }
        return false;
      },
    });
  } catch {
    throw new AppError('NOTICE_FILE_DAMAGED', 'directives:file.errors.damaged', { file: name });
  }
  if (!hasDocument) throw new AppError('NOTICE_FILE_DAMAGED', 'directives:file.errors.damaged', { file: name });
  if (declared > NOTICE_FILE_LIMITS.maxDocxXml) throw new AppError('NOTICE_FILE_TOO_LARGE', 'directives:file.errors.tooLarge', { file: name, mb: Math.round(NOTICE_FILE_LIMITS.maxBytes / 1048576) });
  const mammoth = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = result.value;
  } catch {
    throw new AppError('NOTICE_FILE_DAMAGED', 'directives:file.errors.damaged', { file: name });
  }
  return htmlToLines(html);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });

/**
 * mammoth's HTML to the lines a person would paste: paragraphs and headings one a line, list
 * items numbered as Word shows them ("1.", "a)" one level down), table rows as cells joined by
 * " | " (the extractor reads nội dung | chủ trì | phối hợp | thời gian rows from them).
 */
export function htmlToLines(html: string): string {
  const lines: string[] = [];
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let row: string[] | null = null;
  let rowCells: string[][] = [];
  let cell: string[] | null = null;
  let buf = '';
  let tableDepth = 0;
  const flush = (): void => {
    const t = decodeEntities(buf).replace(/\s+/g, ' ').trim();
    buf = '';
    if (!t) return;
    if (cell) cell.push(t);
    else lines.push(t);
  };
  const tagRe = /<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi;
  for (let m = tagRe.exec(html); m; m = tagRe.exec(html)) {
    if (m[3] !== undefined) {
      buf += m[3];
      continue;
    }
    const close = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    if (tag === 'br') {
      flush();
      continue;
    }
    if (tag === 'table') {
      flush();
      tableDepth += close ? -1 : 1;
      continue;
    }
    if (tag === 'tr') {
      flush();
      if (!close) {
        row = [];
        rowCells = [];
      } else if (row) {
        if (rowCells.length === 2 && rowCells.some((c) => c.length > 1)) {
          // A two-column layout table (the header: issuer | Quốc hiệu, số | place–date; the
          // signature block): paragraph by paragraph, the columns side by side as a PDF prints them.
          const [left = [], right = []] = rowCells;
          for (let k = 0; k < Math.max(left.length, right.length); k++) lines.push([left[k] ?? '', right[k] ?? ''].join('\t').trim());
        } else if (row.some((c) => c.length > 0)) lines.push(row.join(' | '));
        row = null;
      }
      continue;
    }
    if (tag === 'td' || tag === 'th') {
      flush();
      if (!close) cell = [];
      else if (cell) {
        if (row && tableDepth > 0) {
          row.push(cell.join(' '));
          rowCells.push(cell);
        }
        cell = null;
      }
      continue;
    }
    if (tag === 'ol' || tag === 'ul') {
      flush();
      if (close) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
      continue;
    }
    if (tag === 'li') {
      flush();
      if (!close) {
        const list = lists.at(-1);
        if (list) {
          list.n++;
          const depth = lists.length - 1;
          buf = list.ordered ? (depth === 0 ? `${list.n}. ` : `${String.fromCharCode(96 + Math.min(list.n, 26))}) `) : '- ';
        }
      }
      continue;
    }
    if (['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div'].includes(tag)) flush();
  }
  flush();
  return lines.join('\n');
}

/* ---------- PDF ---------- */

interface PdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
}

async function readPdf(bytes: Uint8Array, name: string): Promise<NoticeFileText> {
  ensureDomMatrix();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js in Node runs its worker in this thread and finds it by a file path next to pdf.mjs,
  // which a bundled core does not have: hand it the worker module (bundled with the core).
  const g = globalThis as { pdfjsWorker?: unknown };
  if (!g.pdfjsWorker) g.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch {
    throw new AppError('NOTICE_FILE_DAMAGED', 'directives:file.errors.damaged', { file: name });
  }
  try {
    const pages = Math.min(doc.numPages, NOTICE_FILE_LIMITS.maxPdfPages);
    const out: string[] = [];
    let chars = 0;
    for (let p = 1; p <= pages && chars < NOTICE_FILE_LIMITS.maxChars; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const [, , , , x, y] = it.transform as number[];
        items.push({ str: it.str, x: x ?? 0, y: y ?? 0, w: it.width });
      }
      const lines = pdfLines(items);
      chars += lines.reduce((n, l) => n + l.length, 0);
      out.push(...lines);
      page.cleanup();
    }
    if (out.join('').replace(/\s+/g, '').length < 20) {
      throw new AppError('SCANNED_PDF', 'directives:file.errors.scanned', { file: name });
    }
    return { text: out.join('\n'), format: 'pdf', pages };
  } finally {
    await doc.destroy();
  }
}

/**
 * Items to lines: same baseline (within 2 pt) is one line, read left to right; a wide gap
 * (the header's two columns: "SỞ LAO ĐỘNG …" and "CỘNG HÒA …") becomes a tab so the frame
 * reader sees two cells.
 */
export function pdfLines(items: PdfItem[]): string[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const it of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs((row[0]?.y ?? 0) - it.y) <= 2) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let end: number | null = null;
    for (const it of row) {
      if (end !== null) {
        const gap = it.x - end;
        // A word space is a few points; the gutter between the header's columns is far wider
        // even when the left column's line runs long ("V/v … năm" | "Lạng Sơn, ngày …").
        if (gap > 15) line += '\t';
        else if (gap > 1 && !line.endsWith(' ') && !it.str.startsWith(' ')) line += ' ';
      }
      line += it.str;
      end = it.x + it.w;
    }
    return line.replace(/[ ]{2,}/g, ' ').trim();
  });
}
