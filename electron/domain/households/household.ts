import { z } from 'zod';
import { fold } from '../text';
import { AreaSchema } from './standards/schema';
import { MediumRequestSchema } from './mediumRequest';
import { SectorSchema } from './sector';

export { yearOverYearChange, type ClassHistory, type StatusChange, type YearOverYear } from './changes';

/**
 * A household as recorded in one review year (the `data` of a `household` document).
 * The class is not stored: it is computed from income, area and deprivations by the standard
 * named in `standardId`, so a corrected figure can never leave a stale class behind.
 */

/** CCCD (căn cước công dân) has 12 digits; the older CMND has 9. */
export const ID_NUMBER_PATTERN = /^(\d{9}|\d{12})$/;

export function isValidIdNumber(value: string): boolean {
  return ID_NUMBER_PATTERN.test(value);
}

/**
 * Strips what people put around ID numbers: spaces, dots, dashes, a leading apostrophe (Excel's
 * "keep as text" habit). Does not invent digits; see excel/cells.ts for numeric cells.
 */
export function normaliseIdNumber(value: string): string {
  return value.normalize('NFC').replace(/^'/, '').replace(/[\s.\-\u00a0]/g, '');
}

const Text = (max: number) => z.string().trim().max(max);

/** Deprivations as indicator codes; a flags record ({ water: true }) is accepted too. */
export const DeprivedSchema = z
  .union([z.array(z.string().min(1)), z.record(z.string(), z.boolean())])
  .transform((v) => (Array.isArray(v) ? v : Object.keys(v).filter((k) => v[k] === true)))
  .transform((codes) => [...new Set(codes)].sort());

/**
 * A filled Phiếu B (Thông tư 07/2021): the score table it was filled against (a scoreTable
 * document id) and the answer chosen for each B1 question. B2 is `deprived`. b1, b2 and
 * class are what the table gave when the record was saved (the core computes them; a value
 * sent in is replaced), so lists and exports need not hold the table.
 */
export const PhieuBSchema = z.object({
  table: z.string().min(1).max(200),
  answers: z.record(z.string().max(40), z.string().max(40)),
  b1: z.number().finite().optional(),
  b2: z.number().finite().optional(),
  class: z.enum(['poor', 'nearPoor', 'medium', 'above']).optional(),
});
export type PhieuB = z.output<typeof PhieuBSchema>;

export const HouseholdSchema = z.object({
  /** Mã hộ: identifies the household across review years. */
  code: Text(64).min(1),
  headName: Text(120).min(1),
  idNumber: z.string().transform(normaliseIdNumber).pipe(z.string().regex(ID_NUMBER_PATTERN, 'idNumber')),
  ethnicity: Text(40).min(1),
  communeCode: Text(64).min(1),
  /** Thôn/bản/khối name; free text when the office keeps no village list. */
  village: Text(80).default(''),
  area: AreaSchema,
  members: z.number().int().min(1).max(99),
  /** Đồng per person per month. */
  incomePerPerson: z.number().int().min(0).max(1_000_000_000),
  deprived: DeprivedSchema,
  /**
   * "Số chỉ số thiếu hụt" when a list gives only the count, not which indicators: the rule
   * counts the larger of this and `deprived`; per-indicator tables cannot count the household.
   */
  deprivedCount: z.number().int().min(0).max(99).optional(),
  /**
   * Ngành nghề (nông, lâm, ngư, diêm nghiệp or another): only the first four are on the official
   * "mức sống trung bình" list (sector.ts). Absent = not recorded ("chưa rõ ngành"): records made
   * before the field existed, and lists without the column.
   */
  sector: SectorSchema.optional(),
  /**
   * The Giấy đề nghị xác nhận hộ có mức sống trung bình, when the household handed one in
   * (mediumRequest.ts). Only a household of the four sectors needs it; the form asks for it only
   * then, and the medium-living list reads it only for them.
   */
  mediumRequest: MediumRequestSchema.optional(),
  /** Hộ người có công với cách mạng. */
  merit: z.boolean().default(false),
  notes: Text(1000).default(''),
  reviewYear: z.number().int().min(2000).max(2100),
  standardId: z.string().min(1),
  phieuB: PhieuBSchema.optional(),
});
export type Household = z.output<typeof HouseholdSchema>;
export type HouseholdInput = z.input<typeof HouseholdSchema>;

export function flagsFromDeprived(deprived: readonly string[], indicatorCodes: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(indicatorCodes.map((c) => [c, deprived.includes(c)]));
}

export interface DuplicateGroup<T> {
  idNumber: string;
  items: T[];
}

/**
 * Records sharing an ID number (after normalising it), in first-seen order. Blank IDs are
 * not duplicates of each other. Two records of one household in different review years are
 * not duplicates either, so callers pass the records of one year.
 */
export function findDuplicateIds<T extends { idNumber: string }>(records: readonly T[]): DuplicateGroup<T>[] {
  const byId = new Map<string, T[]>();
  for (const r of records) {
    const id = normaliseIdNumber(r.idNumber);
    if (id === '') continue;
    const list = byId.get(id);
    if (list) list.push(r);
    else byId.set(id, [r]);
  }
  const groups: DuplicateGroup<T>[] = [];
  for (const [idNumber, items] of byId) if (items.length > 1) groups.push({ idNumber, items });
  return groups;
}

/** Spellings of the ethnic groups common in the northern mountains, by folded letters only. */
const ETHNICITY_SPELLING: Readonly<Record<string, string>> = {
  kinh: 'Kinh',
  tay: 'Tày',
  nung: 'Nùng',
  dao: 'Dao',
  mong: 'Mông',
  hmong: 'Mông',
  meo: 'Mông',
  sanchay: 'Sán Chay',
  sandiu: 'Sán Dìu',
  hoa: 'Hoa',
  thai: 'Thái',
  muong: 'Mường',
};

/**
 * "tày", "TAY" -> "Tày"; "H'Mông" -> "Mông" (the name in the official list of 54 groups).
 * Unknown names are kept as typed (trimmed), never rejected.
 */
export function canonicalEthnicity(text: string): string {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return ETHNICITY_SPELLING[fold(t).replace(/[^a-z]/g, '')] ?? t;
}

/** Ethnic minority (dân tộc thiểu số) = any group other than Kinh. */
export function isEthnicMinority(ethnicity: string): boolean {
  return fold(ethnicity) !== 'kinh';
}
