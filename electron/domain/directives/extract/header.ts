import { foldKeep, isUpperText } from './normalize';

/**
 * Puts a header pasted from a web page or a PDF back into the lines the Nghị định 30/2020
 * layout prints, before the frame is read:
 *  - the two header columns arrive one after the other, as table cells ending in "|", or with
 *    rules ("-------") between them: cells become tab-separated, lone "|" lines disappear;
 *  - the issuing body is wrapped ("ỦY BAN NHÂN\nDÂN\nTỈNH ĐỒNG NAI", "UBND TỈNH X\nSỞ …"):
 *    its upper-case lines before the Quốc hiệu are joined, then split into parent and body;
 *  - the Quốc hiệu is wrapped ("CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM"): joined;
 *  - "Số:" stands alone on its line, or its symbol is spaced ("2455 / LĐTBXH - LĐTL");
 *  - the place–date is split ("Bình Định, ngày\n29 tháng 04 năm 2021").
 * Only the head (before the first line of the body) is touched: pipes in the body are tables.
 */

const HEAD_LIMIT = 40;
const BODY_START_RE = /^(can cu|thuc hien|kinh gui|theo de nghi|xet de nghi|nham |de |dieu \d|i\.|1\.)/;

/** Bodies that sit under a parent in the header: the Sở under "UBND TỈNH X", the Văn phòng. */
const CHILD_BODY_RE = /\s(?=(SỞ|PHÒNG|VĂN PHÒNG|BAN|CỤC|TRUNG TÂM|CHI CỤC|BẢO HIỂM XÃ HỘI|TRƯỜNG)\s)/u;

function headEnd(lines: string[]): number {
  const max = Math.min(lines.length, HEAD_LIMIT);
  for (let i = 0; i < max; i++) {
    const f = foldKeep((lines[i] ?? '').replace(/^[|\s]+/, ''));
    if (BODY_START_RE.test(f)) return i;
  }
  return max;
}

const isMottoStart = (f: string): boolean => /^cong( hoa)?\b/.test(f) && !f.includes('viet nam');

function cellsToTabs(line: string): string {
  return line
    .replace(/\s*\|\s*$/, '')
    .replace(/^\s*\|\s*/, '')
    .replace(/\s+\|\s+/g, '\t')
    .replace(/\s*[-_=]{4,}\s*/g, '\t')
    .replace(/^\t+|\t+$/g, '')
    .trim();
}

/**
 * A PDF's header rows carry both columns side by side ("SỞ LAO ĐỘNG - THƯƠNG BINH\tVIỆT NAM",
 * "VÀ XÃ HỘI\tĐộc lập - Tự do - Hạnh phúc"): when the right cells are the Quốc hiệu, the rows
 * down to "Độc lập …" are read column by column, left column first, so each column's wrapped
 * lines are joined by the rules below instead of being glued across columns.
 */
function columnsApart(head: string[]): string[] {
  const right = (l: string): string => foldKeep(l.split('\t')[1] ?? '');
  const first = head.findIndex((l) => l.includes('\t') && /^cong( hoa)?\b/.test(right(l)));
  if (first < 0) return head;
  const last = head.findIndex((l, i) => i >= first && /doc lap/.test(right(l)));
  if (last <= first) return head;
  const rows = head.slice(first, last + 1);
  if (rows.some((l) => l.split('\t').length > 2)) return head;
  const left = rows.map((l) => (l.includes('\t') ? (l.split('\t')[0] ?? '') : l).trim()).filter(Boolean);
  const rightCol = rows.map((l) => (l.split('\t')[1] ?? '').trim()).filter(Boolean);
  return [...head.slice(0, first), ...left, ...rightCol, ...head.slice(last + 1)];
}

export function tidyHeader(input: string[]): string[] {
  const end = headEnd(input);
  const head = columnsApart(input.slice(0, end).map(cellsToTabs));
  const out: string[] = [];
  for (let i = 0; i < head.length; i++) {
    let line = head[i] ?? '';
    const f = () => foldKeep(line);
    // "Số:" alone, "Số:\n3970/QĐ-UBND".
    if (/^so\s*(va ky hieu\s*)?:\s*$/.test(f()) && i + 1 < head.length) line = `${line} ${head[++i] ?? ''}`;
    // Quốc hiệu over two lines.
    while (isMottoStart(f()) && i + 1 < head.length) line = `${line} ${head[++i] ?? ''}`;
    // Place–date over two or three lines.
    let guard = 0;
    while (/,\s*ngay\b/.test(f()) && !/nam\s*\d{4}/.test(f()) && i + 1 < head.length && guard++ < 2) {
      line = `${line} ${head[++i] ?? ''}`;
    }
    // "ngày 29 / tháng 04 năm 2021": a slash left by the form's blanks.
    line = line.replace(/(ngày\s*\d{1,2})\s*\/\s*(tháng\s*\d{1,2})\s*\/?\s*(năm)/iu, '$1 $2 $3');
    // "Số: 2455 / LĐTBXH - LĐTL" -> "Số: 2455/LĐTBXH-LĐTL".
    line = line.replace(/(Số\s*:\s*)([\p{L}\d][\p{L}\d\s/\-–.]*[\p{L}\d])/u, (_m, lead: string, sym: string) => {
      const tight = sym.replace(/\s*([/\-–])\s*/g, '$1');
      // Keep what follows the symbol on the line ("V/v …" or the date cell) apart from it.
      return lead + tight.replace(/\s+(?=\S)/, '\t');
    });
    out.push(line);
  }
  // The issuing body: upper-case lines before the Quốc hiệu, joined, split at a child body.
  const motto = out.findIndex((l) => /^cong hoa xa hoi/.test(foldKeep(l)) || /\tcong hoa xa hoi/.test(foldKeep(l)));
  if (motto > 0) {
    const block = out.slice(0, motto);
    const texts = block.filter((l) => l.trim() !== '');
    if (texts.length > 1 && texts.every((l) => isUpperText(l) && !l.includes('\t'))) {
      const joined = texts.join(' ').replace(/\s+/g, ' ').trim();
      const m = CHILD_BODY_RE.exec(joined);
      const split = m && m.index > 0 ? [joined.slice(0, m.index), joined.slice(m.index + 1)] : [joined];
      out.splice(0, motto, ...split.map((s) => s.trim()));
    }
  }
  return [...out, ...input.slice(end)];
}
