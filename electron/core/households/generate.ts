import type { Commune } from '../../domain/households/communes';
import { communeArea } from '../../domain/households/communes';
import type { Household } from '../../domain/households/household';
import { standardForYear } from '../../domain/households/standards';
import { indicatorsOf, type PovertyStandard } from '../../domain/households/standards/schema';
import type { CellInput } from './excel/cells';
import type { ColumnField } from './excel/columns';

export { writeHouseholdWorkbook, type OfficeWorkbook, type OfficeWorkbookOptions } from './excel/write';

/**
 * Deterministic, realistic-looking households for tests and benchmarks: Tày, Nùng, Kinh, Dao,
 * Mông and Sán Chay heads with names of their usual family lines, incomes spread around the
 * lines with a share placed right at the boundaries. Same seed, same data. Villages are
 * invented (Tày-Nùng style toponyms) unless the commune lists its own.
 */

export type Rng = () => number;

/** mulberry32: small, fast, good enough for test data. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let u = rng() * total;
  for (const [v, w] of items) {
    u -= w;
    if (u < 0) return v;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['Tày', 50],
  ['Nùng', 25],
  ['Kinh', 12],
  ['Dao', 8],
  ['Mông', 3],
  ['Sán Chay', 2],
];

const SURNAMES: Readonly<Record<string, readonly string[]>> = {
  Tày: ['Hoàng', 'Nông', 'Lương', 'Vi', 'Lộc', 'Hà', 'Lăng', 'Chu', 'Đinh', 'Hứa', 'Bế', 'Mông', 'Ma', 'Tô', 'Dương'],
  Nùng: ['Hoàng', 'Lương', 'Vy', 'Lộc', 'Chu', 'Đàm', 'Lăng', 'Nông', 'Mã', 'Hứa', 'La'],
  Kinh: ['Nguyễn', 'Lê', 'Trần', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Ngô', 'Đặng'],
  Dao: ['Triệu', 'Bàn', 'Đặng', 'Lý', 'Phùng'],
  Mông: ['Lý', 'Vàng', 'Giàng', 'Thào', 'Sùng', 'Hầu'],
  'Sán Chay': ['Hoàng', 'Lương', 'Trương', 'Dương', 'Lý'],
};
const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Tiến', 'Công'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc'];
const MALE_GIVEN = ['Long', 'Hùng', 'Dũng', 'Thắng', 'Sơn', 'Hải', 'Tuấn', 'Bình', 'Quân', 'Thành', 'Cường', 'Lâm', 'Phúc', 'Nam', 'Khánh', 'Vinh', 'Chiến', 'Định', 'Hưng', 'Tài', 'Lợi', 'Mạnh', 'Sáng', 'Toàn', 'Kiên'];
const FEMALE_GIVEN = ['Lan', 'Hoa', 'Mai', 'Huệ', 'Thảo', 'Hằng', 'Hương', 'Nga', 'Liên', 'Thủy', 'Vân', 'Yến', 'Dung', 'Hạnh', 'Nhung', 'Tuyết', 'Loan', 'Phượng', 'Xuân', 'Hiền'];
const TOPONYM_HEAD = ['Nà', 'Khòn', 'Pác', 'Còn', 'Pò', 'Lũng', 'Khuổi', 'Bản', 'Slằng', 'Nặm'];
const TOPONYM_TAIL = ['Lầu', 'Pàn', 'Riềng', 'Hin', 'Mạ', 'Cáp', 'Tềnh', 'Nưa', 'Cải', 'Chang', 'Pha', 'Rào', 'Búng', 'Khau', 'Tào'];
const NOTES = ['Chủ hộ cao tuổi', 'Hộ có người khuyết tật', 'Hộ có người ốm đau dài ngày', 'Hộ mới tách', 'Thiếu đất sản xuất'];

/** Lạng Sơn's province code opens every CCCD issued there. */
const PROVINCE_CODE = '020';
/** Multiplier coprime with 10^6 and 10^7: serial i -> a distinct 6- or 7-digit number. */
const SERIAL_STEP = 389_003;

export interface GenerateOptions {
  seed: number;
  count: number;
  communes: readonly Commune[];
  reviewYear?: number;
  standard?: PovertyStandard;
  /** Share of incomes put within ±50.000 đ of a line, a fifth of them exactly on it. Default 0.1. */
  nearBoundaryShare?: number;
  villagesPerCommune?: number;
}

export function villagesFor(commune: Commune, count: number): string[] {
  if (commune.villages.length > 0) return commune.villages.map((v) => v.name);
  if (commune.kind !== 'xa') return Array.from({ length: count }, (_v, i) => `Khối ${i + 1}`);
  const rng = seededRng([...commune.code].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7));
  const names = new Set<string>();
  while (names.size < count) names.add(`Thôn ${pick(rng, TOPONYM_HEAD)} ${pick(rng, TOPONYM_TAIL)}`);
  return [...names];
}

export function generateHouseholds(options: GenerateOptions): Household[] {
  const { seed, count, communes } = options;
  if (communes.length === 0) throw new Error('generateHouseholds: no communes');
  const reviewYear = options.reviewYear ?? 2022;
  const standard = options.standard ?? standardForYear(reviewYear);
  const nearShare = options.nearBoundaryShare ?? 0.1;
  const villages = new Map(communes.map((c) => [c.code, villagesFor(c, options.villagesPerCommune ?? 6)]));
  const codes = indicatorsOf(standard).map((i) => i.code);
  const rng = seededRng(seed);
  const out: Household[] = [];
  for (let i = 0; i < count; i++) {
    // Bigger communes first in the list get a few more households, as in real districts.
    const commune = communes[Math.floor(communes.length * rng() ** 1.2)] as Commune;
    const area = communeArea(commune);
    const ethnicity = weighted(rng, ETHNICITIES);
    const male = rng() < 0.72;
    const headName = [
      pick(rng, SURNAMES[ethnicity] ?? SURNAMES.Kinh ?? ['Nguyễn']),
      pick(rng, male ? MALE_MIDDLE : FEMALE_MIDDLE),
      pick(rng, male ? MALE_GIVEN : FEMALE_GIVEN),
    ].join(' ');
    const birthYear = 1940 + Math.floor(rng() * 62);
    const serial = i * SERIAL_STEP + Math.abs(Math.trunc(seed)); // exact: stays far below 2^53
    const idNumber =
      rng() < 0.05
        ? `08${String(serial % 10_000_000).padStart(7, '0')}`
        : `${PROVINCE_CODE}${(birthYear >= 2000 ? 2 : 0) + (male ? 0 : 1)}${String(birthYear % 100).padStart(2, '0')}${String(serial % 1_000_000).padStart(6, '0')}`;
    const lines = standard.lines[area];
    const income = incomeFor(rng, lines.poverty, lines.medium, nearShare);
    const deprived = deprivationsFor(rng, codes, income <= lines.poverty);
    out.push({
      code: `${commune.code}-${String(i + 1).padStart(5, '0')}`,
      headName,
      idNumber,
      ethnicity,
      communeCode: commune.code,
      village: pick(rng, villages.get(commune.code) ?? ['']),
      area,
      members: weighted(rng, [
        [1, 5],
        [2, 12],
        [3, 18],
        [4, 25],
        [5, 18],
        [6, 10],
        [7, 6],
        [8, 4],
        [9, 2],
      ]),
      incomePerPerson: income,
      deprived,
      merit: rng() < 0.04,
      notes: rng() < 0.08 ? pick(rng, NOTES) : '',
      reviewYear,
      standardId: standard.id,
    });
  }
  return out;
}

function incomeFor(rng: Rng, line: number, medium: number, nearShare: number): number {
  if (rng() < nearShare) {
    const target = rng() < 0.7 ? line : medium;
    if (rng() < 0.2) return target;
    const offset = (1 + Math.floor(rng() * 50)) * 1000;
    return rng() < 0.5 ? target - offset : target + offset;
  }
  const u = rng();
  let raw: number;
  if (u < 0.28) raw = line * (0.45 + 0.53 * rng());
  else if (u < 0.45) raw = line + (medium - line) * rng();
  else raw = medium * (1.02 + 1.5 * rng() ** 1.5);
  return Math.round(raw / 1000) * 1000;
}

function deprivationsFor(rng: Rng, codes: readonly string[], belowLine: boolean): string[] {
  const n = belowLine
    ? weighted(rng, [[0, 8], [1, 15], [2, 22], [3, 22], [4, 16], [5, 10], [6, 7]] as const)
    : weighted(rng, [[0, 45], [1, 28], [2, 15], [3, 8], [4, 4]] as const);
  const pool = [...codes];
  const chosen: string[] = [];
  for (let k = 0; k < Math.min(n, pool.length); k++) chosen.push(pool.splice(Math.floor(rng() * pool.length), 1)[0] as string);
  return chosen.sort();
}

/**
 * The same households a year later: incomes drift, some deprivations are resolved and a few
 * appear, so poverty is escaped, kept and (now and then) fallen back into.
 */
export function nextYearHouseholds(previous: readonly Household[], options: { seed: number; standard?: PovertyStandard }): Household[] {
  const rng = seededRng(options.seed);
  return previous.map((h) => {
    const year = h.reviewYear + 1;
    const standard = options.standard ?? standardForYear(year);
    const codes = indicatorsOf(standard).map((i) => i.code);
    const factor = 0.85 + rng() * 0.45;
    const deprived = codes.filter((c) => (h.deprived.includes(c) ? rng() > 0.25 : rng() < 0.03));
    return { ...h, reviewYear: year, standardId: standard.id, incomePerPerson: Math.round((h.incomePerPerson * factor) / 1000) * 1000, deprived };
  });
}

export type BadCellKind = 'idNumber' | 'incomeMissing' | 'incomeText' | 'commune' | 'members' | 'mark' | 'area';

/** A spread of typical mistakes for `writeHouseholdWorkbook({ overrides })`. */
export function sampleBadCells(
  householdCount: number,
  badRows: number,
  seed: number,
  indicatorCode = 'water',
): { index: number; field: ColumnField; value: CellInput; kind: BadCellKind }[] {
  const rng = seededRng(seed);
  const kinds: readonly [BadCellKind, ColumnField, CellInput][] = [
    ['idNumber', 'idNumber', '0201234'],
    ['incomeMissing', 'income', null],
    ['incomeText', 'income', 'khoảng 1 triệu'],
    ['commune', 'commune', 'Xã Không Có'],
    ['members', 'members', 0],
    ['mark', `indicator:${indicatorCode}`, '?'],
    ['area', 'area', 'Miền núi'],
  ];
  const indexes = new Set<number>();
  while (indexes.size < Math.min(badRows, householdCount)) indexes.add(Math.floor(rng() * householdCount));
  return [...indexes].sort((a, b) => a - b).map((index, k) => {
    const [kind, field, value] = kinds[k % kinds.length] as [BadCellKind, ColumnField, CellInput];
    return { index, field, value, kind };
  });
}
