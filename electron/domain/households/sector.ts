import { z } from 'zod';
import { fold } from '../text';

/**
 * The household's line of work (ngành nghề), asked because the official "mức sống trung bình"
 * list is not every household in the income band.
 *
 * Nghị định 07/2021/NĐ-CP (điểm c khoản 2 Điều 3) sets the band of "hộ có mức sống trung bình"
 * (rural: above 1,500,000 đ up to 2,250,000 đ; urban: above 2,000,000 đ up to 3,000,000 đ).
 * The list the commune confirms, which the state's health-insurance support follows, is the
 * one of Quyết định 24/2021/QĐ-TTg (khoản 2 Điều 3 and Điều 6): "Hộ gia đình làm việc trong các
 * lĩnh vực nông nghiệp, ngư nghiệp, lâm nghiệp và diêm nghiệp có Giấy đề nghị xác nhận hộ có
 * mức sống trung bình" (read on tuvanmienphi.vn, "Quy trình xác định hộ làm nông nghiệp, lâm
 * nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình", citing both texts; the decision's
 * title on pgdphurieng.edu.vn; Thông tư 07/2021/TT-BLĐTBXH's title names the same four
 * sectors). So the summary counts "mức sống trung bình" only for these four sectors and shows
 * the other households of the band apart: of another sector, or of a sector not recorded.
 */

export const SECTORS = ['agriculture', 'forestry', 'fishery', 'salt', 'other'] as const;
export const SectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof SectorSchema>;

/** Nông, lâm, ngư, diêm nghiệp: the sectors of the medium-living list. */
const LISTED: ReadonlySet<string> = new Set<Sector>(['agriculture', 'forestry', 'fishery', 'salt']);

/**
 * Where a household of the medium band stands for the official list: counted ('listed'), of
 * another sector, or of a sector not recorded (records made before the field existed).
 */
export type MediumScope = 'listed' | 'otherSector' | 'unknownSector';

export function mediumScopeOf(sector: unknown): MediumScope {
  if (typeof sector !== 'string' || sector === '') return 'unknownSector';
  return LISTED.has(sector) ? 'listed' : SECTORS.includes(sector as Sector) ? 'otherSector' : 'unknownSector';
}

/** The words a list may use for each sector, folded: the first word decides ("Nông nghiệp", "nông"). */
const WORDS: Readonly<Record<string, Sector>> = {
  nong: 'agriculture',
  'nong nghiep': 'agriculture',
  'lam ruong': 'agriculture',
  'trong trot': 'agriculture',
  'chan nuoi': 'agriculture',
  lam: 'forestry',
  'lam nghiep': 'forestry',
  ngu: 'fishery',
  'ngu nghiep': 'fishery',
  'thuy san': 'fishery',
  'nuoi trong thuy san': 'fishery',
  diem: 'salt',
  'diem nghiep': 'salt',
  'lam muoi': 'salt',
  khac: 'other',
  'nganh khac': 'other',
  'phi nong nghiep': 'other',
};

/**
 * A sector cell of a list: undefined for a blank cell (sector not recorded), null for text that
 * names no sector (the import reports it), else the sector. Codes ("agriculture") are accepted.
 */
export function parseSector(text: string): Sector | undefined | null {
  const t = fold(text.normalize('NFC')).replace(/[^a-z]+/g, ' ').trim();
  if (t === '') return undefined;
  if ((SECTORS as readonly string[]).includes(t)) return t as Sector;
  return WORDS[t] ?? null;
}

/** The cell text our own files write for a sector ("" when not recorded). */
export const SECTOR_CELL: Readonly<Record<Sector, string>> = {
  agriculture: 'Nông nghiệp',
  forestry: 'Lâm nghiệp',
  fishery: 'Ngư nghiệp',
  salt: 'Diêm nghiệp',
  other: 'Ngành khác',
};
