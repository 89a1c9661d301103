import type ExcelJS from 'exceljs';
import { AppError } from '../../../domain/errors';
import { fold } from '../../../domain/text';
import { ScoreTableSchema, type ScoreQuestion, type ScoreTable } from '../../../domain/households/scoring/schema';
import type { PovertyStandard } from '../../../domain/households/standards/schema';
import { loadWorkbook, neutraliseText, newWorkbook, workbookBuffer } from '../../files/xlsx';
import { cellInput, cellText, type CellInput } from '../excel/cells';

/**
 * The Phiếu B score table as an Excel workbook: the template the app hands out (headers and the
 * standard's lines filled in, every score blank), and the reader of the filled file. Three
 * sheets, so the table can be typed from the ministry's annex or pasted from its Excel file:
 *   "Thông tin"  — label | value rows (id, title, legal basis, source, region, years…);
 *   "Câu hỏi B1" — one row per answer: question code, question, answer code, answer, rural and
 *                  urban points (question cells may be left blank under the first answer);
 *   "Ngưỡng"     — area, line code, line name, the B1 score at or below which a household
 *                  counts as at or below that line.
 * What is read is checked by ScoreTableSchema: a bad file is refused whole, with where.
 */

const INFO = 'Thông tin';
const QUESTIONS = 'Câu hỏi B1';
const THRESHOLDS = 'Ngưỡng';

/** Rows of the info sheet: label as written, the field it fills. */
const INFO_ROWS = [
  ['Mã bảng', 'id'],
  ['Tên bảng', 'title'],
  ['Căn cứ', 'legalBasis'],
  ['Nguồn số liệu', 'source'],
  ['Chỉ dùng để thử nghiệm (Có/Không)', 'testOnly'],
  ['Vùng', 'region'],
  ['Tỉnh (cách nhau bởi dấu phẩy)', 'provinces'],
  ['Áp dụng từ năm', 'from'],
  ['Áp dụng đến năm', 'to'],
  ['Mã chuẩn nghèo', 'standardId'],
  ['Điểm gốc B1 nông thôn', 'baseRural'],
  ['Điểm gốc B1 thành thị', 'baseUrban'],
  ['Điểm B2 mỗi chỉ số thiếu hụt', 'points'],
] as const;
type InfoField = (typeof INFO_ROWS)[number][1];

const QUESTION_HEADERS = ['Mã câu', 'Câu hỏi', 'Mã phương án', 'Phương án trả lời', 'Điểm nông thôn', 'Điểm thành thị'];
const THRESHOLD_HEADERS = ['Khu vực', 'Mã mức', 'Tên mức', 'Điểm B1 tối đa'];
const AREA_LABEL = { rural: 'Nông thôn', urban: 'Thành thị' } as const;
const LINE_NAME: Readonly<Record<string, string>> = { poverty: 'Chuẩn nghèo', medium: 'Mức sống trung bình', floor: 'Mức thu nhập sàn' };

/** What the template starts from: a whole table (round trip, test fixtures) or just the standard. */
export type TemplateSource = { table: ScoreTable } | { standard: PovertyStandard; years: { from: number; to: number } };

export async function scoreTableWorkbook(source: TemplateSource): Promise<Buffer> {
  const t = 'table' in source ? source.table : undefined;
  const standard = 'standard' in source ? source.standard : undefined;
  const wb = newWorkbook();
  const text = (v: string | number | undefined): string | number | null => (v === undefined ? null : typeof v === 'string' ? neutraliseText(v) : v);

  const info = wb.addWorksheet(INFO);
  info.addRow(['Mục', 'Giá trị']).font = { bold: true };
  const values: Record<InfoField, string | number | undefined> = {
    id: t?.id,
    title: t?.title,
    legalBasis: t?.legalBasis ?? 'Thông tư số 07/2021/TT-BLĐTBXH, sửa đổi bởi Thông tư số 02/2022/TT-BLĐTBXH',
    source: t?.source,
    testOnly: t ? (t.testOnly ? 'Có' : 'Không') : 'Không',
    region: t?.region,
    provinces: t?.provinces.join(', '),
    from: t?.years.from ?? ('years' in source ? source.years.from : undefined),
    to: t?.years.to ?? ('years' in source ? source.years.to : undefined),
    standardId: t?.standardId ?? standard?.id,
    baseRural: t?.baseScore.rural,
    baseUrban: t?.baseScore.urban,
    points: t?.pointsPerIndicator,
  };
  for (const [label, field] of INFO_ROWS) info.addRow([label, text(values[field])]);
  info.getColumn(1).width = 36;
  info.getColumn(2).width = 80;

  const qs = wb.addWorksheet(QUESTIONS);
  qs.addRow(QUESTION_HEADERS).font = { bold: true };
  for (const q of t?.questions ?? []) {
    q.answers.forEach((a, i) => qs.addRow([i === 0 ? text(q.code) : null, i === 0 ? text(q.text) : null, text(a.code), text(a.text), a.score.rural, a.score.urban]));
  }
  [10, 50, 14, 50, 16, 16].forEach((w, i) => (qs.getColumn(i + 1).width = w));
  qs.views = [{ state: 'frozen', ySplit: 1 }];

  const th = wb.addWorksheet(THRESHOLDS);
  th.addRow(THRESHOLD_HEADERS).font = { bold: true };
  const lines = t ? undefined : standard ? [...new Set(standard.rule.bands.map((b) => b.incomeAtMost))] : [];
  for (const area of ['rural', 'urban'] as const) {
    const entries: [string, number | null][] = t ? Object.entries(t.thresholds[area]) : (lines ?? []).map((l) => [l, null]);
    for (const [line, score] of entries) th.addRow([AREA_LABEL[area], line, LINE_NAME[line] ?? line, score]);
  }
  [14, 14, 28, 18].forEach((w, i) => (th.getColumn(i + 1).width = w));
  return workbookBuffer(wb);
}

/** One problem of a table file, where a person finds it: "Câu hỏi B1, dòng 7: điểm nông thôn". */
export interface TableProblem {
  where: string;
  what: string;
}

function refuse(problems: TableProblem[]): never {
  const first = problems[0] ?? { where: '', what: '' };
  throw new AppError('SCORE_TABLE_INVALID', 'households:errors.SCORE_TABLE_INVALID', { count: problems.length, where: first.where, what: first.what });
}

function rowsOf(ws: ExcelJS.Worksheet): CellInput[][] {
  const rows: CellInput[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: CellInput[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 20); c++) cells.push(cellInput(row.getCell(c).value));
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.worksheets.find((w) => fold(w.name) === fold(name));
  if (!ws) refuse([{ where: name, what: 'không có trang tính này' }]);
  return ws;
}

function number(v: CellInput): number | undefined {
  if (typeof v === 'number') return v;
  // Scores are small (no thousands separators); a decimal comma is read as a point.
  const s = cellText(v).replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** The table in a filled workbook, validated; AppError SCORE_TABLE_INVALID says where it fails. */
export async function readScoreTableWorkbook(bytes: Uint8Array): Promise<ScoreTable> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('HOUSEHOLD_WORKBOOK_UNREADABLE', 'households:errors.HOUSEHOLD_WORKBOOK_UNREADABLE');
  }
  const problems: TableProblem[] = [];

  const info = new Map<string, CellInput>();
  for (const r of rowsOf(sheet(wb, INFO))) info.set(fold(cellText(r[0] ?? null)), r[1] ?? null);
  const infoValue = (field: InfoField): CellInput => {
    const label = INFO_ROWS.find(([, f]) => f === field)?.[0] ?? '';
    return info.get(fold(label)) ?? null;
  };
  const infoNumber = (field: InfoField): number | undefined => {
    const v = infoValue(field);
    const n = number(v);
    if (n === undefined) problems.push({ where: `${INFO}: ${INFO_ROWS.find(([, f]) => f === field)?.[0] ?? field}`, what: cellText(v) === '' ? 'còn trống' : `“${cellText(v)}” không phải số` });
    return n;
  };
  const test = fold(cellText(infoValue('testOnly')));

  const questions: ScoreQuestion[] = [];
  rowsOf(sheet(wb, QUESTIONS)).forEach((r, i) => {
    if (i === 0 || r.every((c) => cellText(c) === '')) return;
    const where = `${QUESTIONS}, dòng ${i + 1}`;
    const code = cellText(r[0] ?? null);
    const qText = cellText(r[1] ?? null);
    if (code !== '') questions.push({ code, text: qText, answers: [] });
    const q = questions[questions.length - 1];
    if (!q) {
      problems.push({ where, what: 'thiếu mã câu' });
      return;
    }
    const rural = number(r[4] ?? null);
    const urban = number(r[5] ?? null);
    if (rural === undefined || urban === undefined) problems.push({ where, what: 'thiếu điểm nông thôn hoặc thành thị' });
    q.answers.push({ code: cellText(r[2] ?? null), text: cellText(r[3] ?? null), score: { rural: rural ?? 0, urban: urban ?? 0 } });
  });

  const thresholds: { rural: Record<string, number>; urban: Record<string, number> } = { rural: {}, urban: {} };
  rowsOf(sheet(wb, THRESHOLDS)).forEach((r, i) => {
    if (i === 0 || r.every((c) => cellText(c) === '')) return;
    const where = `${THRESHOLDS}, dòng ${i + 1}`;
    const areaText = fold(cellText(r[0] ?? null));
    const area = areaText === 'nong thon' ? 'rural' : areaText === 'thanh thi' ? 'urban' : undefined;
    const score = number(r[3] ?? null);
    if (!area) problems.push({ where, what: `khu vực “${cellText(r[0] ?? null)}” (cần Nông thôn hoặc Thành thị)` });
    else if (score === undefined) problems.push({ where, what: 'điểm B1 tối đa còn trống' });
    else thresholds[area][cellText(r[1] ?? null)] = score;
  });

  const candidate = {
    id: cellText(infoValue('id')),
    title: cellText(infoValue('title')),
    legalBasis: cellText(infoValue('legalBasis')),
    source: cellText(infoValue('source')),
    testOnly: test === 'co' || test === 'x' || test === 'true',
    region: cellText(infoValue('region')),
    provinces: cellText(infoValue('provinces')).split(',').map((p) => p.trim()).filter((p) => p !== ''),
    years: { from: infoNumber('from'), to: infoNumber('to') },
    standardId: cellText(infoValue('standardId')),
    baseScore: { rural: infoNumber('baseRural'), urban: infoNumber('baseUrban') },
    questions,
    pointsPerIndicator: infoNumber('points'),
    thresholds,
  };
  if (problems.length > 0) refuse(problems);
  const parsed = ScoreTableSchema.safeParse(candidate);
  if (!parsed.success) {
    refuse(parsed.error.issues.map((iss) => ({ where: whereOf(iss.path), what: iss.message })));
  }
  return parsed.data;
}

/** A schema path as the sheet and row a person looks at. */
function whereOf(path: readonly PropertyKey[]): string {
  const [head, i] = path;
  if (head === 'questions' && typeof i === 'number') return `${QUESTIONS}, câu thứ ${i + 1}`;
  if (head === 'thresholds') return THRESHOLDS;
  const field = ({ id: 'id', title: 'title', legalBasis: 'legalBasis', source: 'source', region: 'region', provinces: 'provinces', standardId: 'standardId', years: 'from', baseScore: 'baseRural', pointsPerIndicator: 'points' } as Record<string, InfoField>)[String(head)];
  return `${INFO}: ${INFO_ROWS.find(([, f]) => f === field)?.[0] ?? String(head)}`;
}
