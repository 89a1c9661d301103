import { fold } from '../../../domain/text';
import { indicatorsOf, type PovertyStandard } from '../../../domain/households/standards/schema';

/**
 * Spreadsheet columns found by their Vietnamese header, however the office typed it:
 * "HỌ VÀ TÊN  CHỦ HỘ", "ho va ten chu ho" and "Họ và tên chủ hộ (*)" all name one column.
 */

export type BaseField =
  | 'seq'
  | 'code'
  | 'headName'
  | 'idNumber'
  | 'ethnicity'
  | 'commune'
  | 'village'
  | 'area'
  | 'members'
  | 'income'
  | 'merit'
  | 'sector'
  | 'mediumRequest'
  | 'notes'
  | 'deprivedCount';
export type IndicatorField = `indicator:${string}`;
export type ColumnField = BaseField | IndicatorField;

interface FieldDef {
  field: BaseField;
  /** Header written in our own files and named in "column missing" messages. */
  label: string;
  synonyms: readonly string[];
  /** Headers that begin with one of these (then a space) also match, e.g. "Số CCCD của chủ hộ". */
  prefixes?: readonly string[];
  required: boolean;
}

export const BASE_FIELDS: readonly FieldDef[] = [
  { field: 'seq', label: 'STT', synonyms: ['STT', 'TT', 'Số TT', 'Số thứ tự'], required: false },
  { field: 'code', label: 'Mã hộ', synonyms: ['Mã hộ', 'Mã số hộ', 'Mã hộ gia đình', 'Mã HGĐ', 'Mã'], required: false },
  {
    field: 'headName',
    label: 'Họ và tên chủ hộ',
    synonyms: ['Họ và tên chủ hộ', 'Chủ hộ', 'Họ tên chủ hộ', 'Tên chủ hộ', 'Họ và tên'],
    prefixes: ['Họ và tên chủ hộ', 'Họ tên chủ hộ'],
    required: true,
  },
  {
    field: 'idNumber',
    label: 'Số CCCD/CMND',
    synonyms: [
      'Số CCCD',
      'Số định danh',
      'CMND/CCCD',
      'CCCD/CMND',
      'Số CMND/CCCD',
      'Số CCCD/CMND',
      'Số CMND',
      'CCCD',
      'CMND',
      'Số định danh cá nhân',
      'Số căn cước',
      'Số căn cước công dân',
      'Căn cước công dân',
    ],
    prefixes: ['Số CCCD', 'Số CMND', 'Số định danh', 'CMND/CCCD', 'CCCD/CMND', 'Số căn cước'],
    required: true,
  },
  { field: 'ethnicity', label: 'Dân tộc', synonyms: ['Dân tộc'], prefixes: ['Dân tộc'], required: true },
  {
    field: 'commune',
    label: 'Xã/phường/thị trấn',
    synonyms: ['Xã', 'Xã/phường/thị trấn', 'Xã, phường, thị trấn', 'Phường/xã', 'Xã/phường', 'Tên xã', 'Đơn vị hành chính cấp xã'],
    required: true,
  },
  {
    field: 'village',
    label: 'Thôn/bản',
    synonyms: ['Thôn', 'Thôn/bản', 'Thôn, bản', 'Thôn/bản/khối', 'Thôn/khối', 'Thôn/tổ dân phố', 'Thôn, bản, khối phố', 'Bản', 'Khối', 'Tổ dân phố'],
    required: false,
  },
  {
    field: 'area',
    label: 'Khu vực',
    synonyms: ['Khu vực', 'Thành thị/Nông thôn', 'Nông thôn/Thành thị', 'Khu vực thành thị/nông thôn'],
    required: false,
  },
  {
    field: 'members',
    label: 'Số nhân khẩu',
    synonyms: ['Số nhân khẩu', 'Nhân khẩu', 'Số khẩu', 'Số người trong hộ', 'Số thành viên', 'Tổng số nhân khẩu', 'Số nhân khẩu trong hộ'],
    prefixes: ['Số nhân khẩu'],
    required: true,
  },
  {
    field: 'income',
    label: 'Thu nhập bình quân đầu người/tháng',
    synonyms: [
      'Thu nhập bình quân',
      'Thu nhập BQ người/tháng',
      'Thu nhập BQ',
      'Thu nhập bình quân người/tháng',
      'Thu nhập bình quân đầu người',
      'Thu nhập bình quân đầu người/tháng',
      'Thu nhập BQ đầu người/tháng',
      'TNBQ',
      'Thu nhập',
    ],
    prefixes: ['Thu nhập bình quân', 'Thu nhập BQ', 'TNBQ'],
    required: true,
  },
  {
    field: 'merit',
    label: 'Hộ người có công',
    synonyms: ['Hộ người có công', 'Người có công', 'Hộ NCC', 'Hộ có người có công', 'Hộ người có công với cách mạng', 'NCC'],
    prefixes: ['Hộ người có công', 'Hộ có người có công'],
    required: false,
  },
  {
    field: 'sector',
    label: 'Ngành nghề',
    // Not "Nghề nghiệp": lists use it for the head's own job in free words, not these sectors.
    synonyms: ['Ngành nghề', 'Lĩnh vực', 'Lĩnh vực sản xuất', 'Ngành nghề chính', 'Lĩnh vực làm việc', 'Ngành nghề của hộ'],
    prefixes: ['Ngành nghề', 'Lĩnh vực'],
    required: false,
  },
  {
    field: 'mediumRequest',
    label: 'Ngày nộp giấy đề nghị',
    // The Giấy đề nghị xác nhận hộ có mức sống trung bình (domain/households/mediumRequest.ts).
    synonyms: ['Ngày nộp giấy đề nghị', 'Ngày nhận giấy đề nghị', 'Ngày nộp đơn đề nghị', 'Giấy đề nghị', 'Ngày đề nghị', 'Ngày nộp giấy đề nghị xác nhận hộ có mức sống trung bình'],
    prefixes: ['Ngày nộp giấy đề nghị', 'Ngày nhận giấy đề nghị'],
    required: false,
  },
  { field: 'notes', label: 'Ghi chú', synonyms: ['Ghi chú'], required: false },
  {
    field: 'deprivedCount',
    label: 'Số chỉ số thiếu hụt',
    synonyms: ['Số chỉ số thiếu hụt', 'Tổng số chỉ số thiếu hụt', 'Số chỉ số thiếu hụt dịch vụ xã hội cơ bản', 'Số chỉ số thiếu', 'Số chỉ tiêu thiếu hụt'],
    prefixes: ['Số chỉ số thiếu hụt'],
    required: false,
  },
];

/** Folded, punctuation turned to spaces: "Thu nhập BQ người/tháng" -> "thu nhap bq nguoi thang". */
export function normaliseHeader(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Also drops bracketed parts: "Thu nhập bình quân (đồng/người/tháng)" -> "thu nhap binh quan". */
function withoutBrackets(text: string): string {
  return normaliseHeader(text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
}

/** Income written in thousands or millions of đồng, as the header says. */
function incomeScale(header: string): number {
  const f = fold(header);
  if (/nghin|ngan|1\.?000 ?d/.test(f)) return 1000;
  if (/trieu/.test(f)) return 1_000_000;
  return 1;
}

export interface HeaderMatch {
  field: ColumnField;
  /** Multiplier to đồng for the income column. */
  scale: number;
}

interface Matcher {
  exact: Map<string, ColumnField>;
  prefixes: { key: string; field: ColumnField }[];
}

const matcherCache = new WeakMap<PovertyStandard, Matcher>();

function matcherFor(standard: PovertyStandard): Matcher {
  const cached = matcherCache.get(standard);
  if (cached) return cached;
  const exact = new Map<string, ColumnField>();
  const prefixes: { key: string; field: ColumnField }[] = [];
  const add = (text: string, field: ColumnField): void => {
    const k = normaliseHeader(text);
    if (k && !exact.has(k)) exact.set(k, field);
  };
  // Indicators first: their names are the more specific ("Việc làm" the indicator, not the service).
  for (const ind of indicatorsOf(standard)) {
    const field: IndicatorField = `indicator:${ind.code}`;
    for (const name of [ind.name, ...ind.aliases]) add(name, field);
  }
  for (const def of BASE_FIELDS) {
    for (const s of def.synonyms) add(s, def.field);
    for (const p of def.prefixes ?? []) prefixes.push({ key: `${normaliseHeader(p)} `, field: def.field });
  }
  prefixes.sort((a, b) => b.key.length - a.key.length);
  const m = { exact, prefixes };
  matcherCache.set(standard, m);
  return m;
}

export function matchHeader(text: string, standard: PovertyStandard): HeaderMatch | undefined {
  const m = matcherFor(standard);
  const full = normaliseHeader(text);
  if (!full) return undefined;
  const field =
    m.exact.get(full) ?? m.exact.get(withoutBrackets(text)) ?? m.prefixes.find((p) => `${full} `.startsWith(p.key))?.field;
  if (!field) return undefined;
  return { field, scale: field === 'income' ? incomeScale(text) : 1 };
}

export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface MappedColumn {
  column: number;
  letter: string;
  header: string;
  field: ColumnField;
  scale: number;
}

export interface UnmappedHeader {
  column: number;
  letter: string;
  header: string;
  reason: 'unknown' | 'duplicate';
}

export interface RequiredColumn {
  field: ColumnField;
  label: string;
}

/** Columns the import cannot do without: the 12 indicators included, since a missing one
 * would silently read as "not deprived" and turn poor households into near-poor ones. */
export function requiredColumns(standard: PovertyStandard): RequiredColumn[] {
  return [
    ...BASE_FIELDS.filter((d) => d.required).map((d) => ({ field: d.field as ColumnField, label: d.label })),
    ...indicatorsOf(standard).map((i) => ({ field: `indicator:${i.code}` as ColumnField, label: i.name })),
  ];
}

export function fieldLabel(field: ColumnField, standard: PovertyStandard): string {
  if (field.startsWith('indicator:')) {
    const code = field.slice('indicator:'.length);
    return indicatorsOf(standard).find((i) => i.code === code)?.name ?? code;
  }
  return BASE_FIELDS.find((d) => d.field === field)?.label ?? field;
}

export interface HeaderDetection {
  /** Row holding most of the headers (1-based). */
  headerRow: number;
  /** All rows the headers were read from (two when indicators sit under a group heading). */
  headerRows: number[];
  /** First row after the headers (and after a "(1) (2) (3)" numbering row, if any). */
  dataStart: number;
  mapping: MappedColumn[];
  unmapped: UnmappedHeader[];
  /** Required columns not found. */
  missing: RequiredColumn[];
}

interface RowMapping {
  mapped: Map<number, { header: string; match: HeaderMatch }>;
  distinct: number;
}

function mapRow(cells: readonly string[], standard: PovertyStandard): RowMapping {
  const mapped = new Map<number, { header: string; match: HeaderMatch }>();
  const fields = new Set<ColumnField>();
  cells.forEach((header, i) => {
    const match = matchHeader(header, standard);
    if (match) {
      mapped.set(i + 1, { header, match });
      fields.add(match.field);
    }
  });
  return { mapped, distinct: fields.size };
}

const NUMBERING_CELL = /^\(?(\d{1,2}|[A-Z])\)?$/;

function isNumberingRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  return filled.length >= 3 && filled.every((c) => NUMBERING_CELL.test(c));
}

/**
 * Finds the header within the first `maxRow` rows (offices put a title and the commune name
 * above the table). `rows[0]` is row 1 and `rows[r][0]` column A, as display text. The row
 * that names most known columns wins; the row just below or above fills columns it left
 * unnamed, which is how a two-row header ("Chỉ số thiếu hụt" over the 12 indicators) reads.
 */
export function detectHeader(rows: readonly (readonly string[])[], standard: PovertyStandard, maxRow = 10): HeaderDetection | undefined {
  const limit = Math.min(maxRow, rows.length);
  let best = -1;
  let bestMap: RowMapping | undefined;
  for (let r = 0; r < limit; r++) {
    const m = mapRow(rows[r] ?? [], standard);
    if (!bestMap || m.distinct > bestMap.distinct) {
      best = r;
      bestMap = m;
    }
  }
  if (!bestMap || bestMap.distinct < 3) return undefined;

  // Column -> header cell, best row first, then neighbours for the columns it left unnamed.
  const chosen = new Map<number, { header: string; match: HeaderMatch }>();
  const unnamed = new Map<number, string>();
  const used = new Set<ColumnField>();
  const bestCells = rows[best] ?? [];
  const headerRows = [best + 1];
  const width = Math.max(...[best - 1, best, best + 1].map((r) => rows[r]?.length ?? 0));
  for (const [col, entry] of bestMap.mapped) {
    if (!used.has(entry.match.field)) {
      chosen.set(col, entry);
      used.add(entry.match.field);
    }
  }
  let lastHeaderRow = best;
  for (const r of [best + 1, best - 1]) {
    if (r < 0 || r >= rows.length) continue;
    const neighbour = mapRow(rows[r] ?? [], standard);
    const fills = [...neighbour.mapped].filter(([col, e]) => !chosen.has(col) && !used.has(e.match.field));
    // One stray match (a note reading "Người có công") does not make a data row a header.
    if (new Set(fills.map(([, e]) => e.match.field)).size < 2) continue;
    for (const [col, entry] of fills) {
      if (used.has(entry.match.field)) continue;
      chosen.set(col, entry);
      used.add(entry.match.field);
    }
    headerRows.push(r + 1);
    lastHeaderRow = Math.max(lastHeaderRow, r);
  }
  for (let c = 1; c <= width; c++) {
    if (chosen.has(c)) continue;
    const text = [bestCells[c - 1], ...headerRows.map((hr) => rows[hr - 1]?.[c - 1])].find((t) => t && t.trim() !== '');
    if (text) unnamed.set(c, text.trim());
  }

  const mapping: MappedColumn[] = [...chosen.entries()]
    .sort(([a], [b]) => a - b)
    .map(([column, { header, match }]) => ({ column, letter: columnLetter(column), header: header.replace(/\s+/g, ' ').trim(), field: match.field, scale: match.scale }));
  const unmapped: UnmappedHeader[] = [...unnamed.entries()]
    .sort(([a], [b]) => a - b)
    .map(([column, header]) => ({
      column,
      letter: columnLetter(column),
      header,
      reason: matchHeader(header, standard) ? 'duplicate' : 'unknown',
    }));
  const missing = requiredColumns(standard).filter((rc) => !used.has(rc.field));

  let dataStart = lastHeaderRow + 2; // 1-based row after the last header row
  if (isNumberingRow(rows[dataStart - 1] ?? [])) dataStart++;
  return { headerRow: best + 1, headerRows: headerRows.sort((a, b) => a - b), dataStart, mapping, unmapped, missing };
}
