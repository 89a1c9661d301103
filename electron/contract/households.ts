import { z } from 'zod';
import { op } from './define';
import type { FileOut } from './tasks';
import { HouseholdSchema } from '../domain/households/household';
import { CommuneKindSchema } from '../domain/households/communes';
import { HouseholdClassSchema, type Area, type HouseholdClass, type PovertyStandard } from '../domain/households/standards/schema';
import type { ClassificationReason } from '../domain/households/classify';
import type { ClassBasis } from '../domain/households/classOf';
import type { YearOverYear } from '../domain/households/changes';
import type { HouseholdSummary } from '../domain/households/summary';
import type { ScoreTable } from '../domain/households/scoring/schema';
import { PublicListKindSchema, type ListTotals, type PublicList, type PublicListColumn, type PublicListKind } from '../domain/households/publicLists';
import type { YearStandard } from '../domain/households/standards/overview';
import type { SentStandardFile } from '../domain/households/standards/sent';

/**
 * Poverty review (rà soát hộ nghèo, cận nghèo): communes and villages, household records, the
 * Excel import, the summary. Glossary: hộ nghèo = poor, cận nghèo = near-poor, chủ hộ = head of
 * household, CCCD = citizen ID number, thôn/bản = village, hộ người có công = household of a
 * person with merit, chỉ số thiếu hụt = deprivation indicator.
 *
 * The pure rules are re-exported here so the renderer can classify as the officer types,
 * exactly as the core does (none of these modules touches Node).
 */
export { classifyHousehold, type Classification, type ClassificationReason } from '../domain/households/classify';
export { formatNumberVi, formatVnd, parseNumberVi } from '../domain/numbers';
export { STANDARDS, standardById, standardForYear, standardIdForYear, reviewYearRange, REVIEW_YEARS } from '../domain/households/standards';
export type { YearStandard, SentInfo } from '../domain/households/standards/overview';
export type { KnownStandard, MissingPart } from '../domain/households/standards/citations';
export { indicatorsOf, HOUSEHOLD_CLASSES, type Area, type HouseholdClass, type PovertyStandard, type Indicator } from '../domain/households/standards/schema';
export { HouseholdSchema, isValidIdNumber, normaliseIdNumber, canonicalEthnicity, isEthnicMinority, type Household, type HouseholdInput } from '../domain/households/household';
export { scorePhieuB, scoreB1, tablesForYear, type ScoreTable, type ScoreQuestion, type PhieuBScore } from '../domain/households/scoring';
export { communeArea, communeLabel, type CommuneKind } from '../domain/households/communes';
export { classifyWithBasis, decidingTable, type ClassBasis, type LoadedTables, type RecordClass } from '../domain/households/classOf';
export { SECTORS, mediumScopeOf, type Sector } from '../domain/households/sector';
export type { StatusChange, YearOverYear } from '../domain/households/changes';
export type { HouseholdSummary, SummaryRow, SummaryCounts } from '../domain/households/summary';
export { PUBLIC_LIST_KINDS, needsPreviousYear, type PublicListKind, type PublicList, type PublicListRow, type PublicListColumn, type ListTotals } from '../domain/households/publicLists';

/** Base64 of an .xlsx of up to ~30 MB (a district's whole list fits easily). */
/** A standard workbook is tens of KB; its reader refuses more than 2 MiB (base64: 4/3 of that). */
const standardXlsx = z.string().min(4).max(2_900_000, 'households:errors.STANDARD_XLSX_TOO_LARGE');
const base64Xlsx = z.string().min(4).max(42_000_000, 'households:errors.fileTooLarge');
const year = z.number().int().min(2000).max(2100);
const docId = z.string().min(1).max(200);

export interface CommuneView {
  code: string;
  name: string;
  kind: z.infer<typeof CommuneKindSchema>;
  /** "Xã Tràng Các" */
  label: string;
  area: Area;
  villages: string[];
  office: string;
  sample: boolean;
  /** Tổng số hộ dân cư by year ("2025" -> 12450), the base of the poverty rates. */
  totalHouseholds: Record<string, number>;
}

/** Total households of communes in one year; null clears a figure. */
export const CommuneTotalsInputSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    totals: z
      .array(z.object({ code: z.string().regex(/^[A-Z0-9_-]{2,48}$/), households: z.number().int().min(0).max(10_000_000).nullable() }).strict())
      .min(1)
      .max(500),
  })
  .strict();
export type CommuneTotalsInput = z.input<typeof CommuneTotalsInputSchema>;

export const CommuneInputSchema = z
  .object({
    /** Absent for a new commune: made from the name ("Tràng Các" -> "TRANGCAC"). */
    code: z.string().regex(/^[A-Z0-9_-]{2,48}$/).optional(),
    name: z.string().trim().min(1, 'households:communes.nameRequired').max(80),
    kind: CommuneKindSchema,
    villages: z.array(z.string().trim().min(1).max(80)).max(300).default([]),
  })
  .strict();
export type CommuneInput = z.input<typeof CommuneInputSchema>;


export interface HouseholdMeta {
  role: 'so' | 'office';
  office: { code: string; name: string };
  /** Review years with records, newest first. */
  years: number[];
  defaultYear: number;
  /** The standards this folder classifies by: those the Sở sent first, then the built-ins not replaced. */
  standards: PovertyStandard[];
  communes: CommuneView[];
  /** The office has no commune list yet and the app ships a sample for it. */
  sampleAvailable: boolean;
  /** Districts whose records this installation holds (the Sở). */
  offices: Array<{ code: string; name: string }>;
  /**
   * Offices whose commune lists the Sở can open: the lower units of its profile, then any
   * other office with records here (a unit of an earlier profile). An office: itself.
   */
  units: Array<{ code: string; name: string }>;
}

/** One line of the list: what the table shows, nothing more (50,000 of them must stay light). */
export interface HouseholdRow {
  id: string;
  owner: string;
  code: string;
  headName: string;
  /** Masked ("0201******89") unless the list was asked to show ID numbers. */
  idNumber: string;
  ethnicity: string;
  communeCode: string;
  village: string;
  area: Area;
  members: number;
  income: number;
  deprived: string[];
  merit: boolean;
  class: HouseholdClass;
  /** "Theo điểm Phiếu B" / "Theo thu nhập": what decided the class (classOf.ts). */
  classBasis: ClassBasis;
  change: YearOverYear;
}

export const HouseholdFilterSchema = z
  .object({
    office: z.string().max(32).optional(),
    communeCode: z.string().max(64).optional(),
    village: z.string().max(80).optional(),
    class: HouseholdClassSchema.optional(),
    indicator: z.string().max(40).optional(),
    ethnicity: z.string().max(40).optional(),
    merit: z.boolean().optional(),
    /** Name, household code or ID number; case and diacritics are ignored. */
    q: z.string().max(100).optional(),
  })
  .strict();
export type HouseholdFilter = z.infer<typeof HouseholdFilterSchema>;

export interface HouseholdPage {
  /** Rows matching the filter. */
  total: number;
  /** Rows of the year, before filtering. */
  yearTotal: number;
  offset: number;
  rows: HouseholdRow[];
  byClass: Record<HouseholdClass, number>;
}

export interface HouseholdFacets {
  villages: Array<{ communeCode: string; village: string }>;
  ethnicities: string[];
}

/** A full record as the form edits it, with the class the rule gives and why. */
export interface HouseholdRecord {
  id: string;
  owner: string;
  rev: number;
  household: z.output<typeof HouseholdSchema>;
  class: HouseholdClass;
  /** What decided `class`: the Phiếu B score (an official table) or income in đồng. */
  classBasis: ClassBasis;
  /** Why income gives its class (shown beside the Phiếu B class when that decides). */
  reason: ClassificationReason;
  /** "thu nhập 1.200.000 đ ≤ 1.500.000 đ; thiếu hụt 4 chỉ số" */
  reasonText: string;
  change: YearOverYear;
  /** Class in the previous review year, when a record with the same code exists. */
  previousClass: HouseholdClass | null;
  updatedAt: string;
  updatedBy: string;
}

export interface IdCheck {
  valid: boolean;
  duplicates: Array<{ id: string; code: string; headName: string; communeCode: string }>;
}

export interface ImportProblem {
  row: number;
  column: string;
  columnLetter: string;
  messageKey: string;
  params: Record<string, string | number>;
}

export interface ImportPreview {
  token: string;
  fileName: string;
  sheetName: string;
  headerRow: number;
  year: number;
  standardId: string;
  columns: Array<{ letter: string; header: string; field: string; label: string }>;
  unmapped: Array<{ letter: string; header: string; reason: 'unknown' | 'duplicate' }>;
  errors: ImportProblem[];
  /** Rows read as households; valid + invalid = rows. */
  counts: { rows: number; valid: number; invalid: number; skipped: number; created: number; updated: number };
  byClass: Record<HouseholdClass, number>;
  /** The office has no commune list: every row will be refused until one is loaded. */
  noCommunes: boolean;
  /**
   * Valid rows whose deprivations are a count only ("Số chỉ số thiếu hụt" without a column per
   * indicator): classified by the count, but missing from every per-indicator figure.
   */
  countOnly: number;
}

export interface ImportResult {
  imported: number;
  created: number;
  updated: number;
  rejected: number;
}

export interface SummaryView {
  summary: HouseholdSummary;
  scope: 'district' | 'province';
  year: number;
  standardTitle: string;
  /** For the printed report (Nghị định 30/2020 layout). */
  issuer: { name: string; parentBody: string; symbol: string; place: string; district: string };
  date: string;
}

/** Each review year the app offers, with its standard and what it rests on (households/standards/overview.ts). */
export interface StandardsOverview {
  years: YearStandard[];
  /** Only the Sở loads standards (they travel to every office). */
  canLoad: boolean;
}

/** What a standard workbook says, before the Sở stores it (households.standards.previewXlsx). */
export interface StandardPreview {
  /** The standard, whether it replaces the built-in of its id, and its sources, as read. */
  file: SentStandardFile;
  /** Storing it replaces the built-in of its id, replaces the Sở's earlier one, or adds a standard. */
  action: 'replacesBuiltIn' | 'replacesSent' | 'adds';
  indicatorCount: number;
  /** Title of the standard it replaces. */
  replacedTitle?: string | undefined;
}

/** A Phiếu B score table in the store, with who loaded it. */
export interface ScoreTableView {
  /** The scoreTable document id a filled Phiếu B names. */
  docId: string;
  owner: string;
  ownerName: string;
  /** Sent by the Sở (or, at the Sở, its own): preferred over an office's own copy. */
  fromSo: boolean;
  fileName: string;
  importedAt: string;
  importedBy: string;
  table: ScoreTable;
}

/** One of a commune's lists for public listing; the Sở names the district office of the commune. */
export const PublicListInputSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    communeCode: z.string().regex(/^[A-Z0-9_-]{2,48}$/),
    office: z.string().regex(/^[A-Z0-9_-]{1,32}$/).optional(),
    kind: PublicListKindSchema,
  })
  .strict();
export type PublicListInput = z.infer<typeof PublicListInputSchema>;

/** A list for public listing with what its printed page needs (Sổ Việc's own layout, not a ministry form). */
export interface PublicListView {
  list: PublicList;
  columns: PublicListColumn[];
  /** Households and members on each list of the commune and year (null: needs last year's records). */
  counts: Record<PublicListKind, ListTotals | null>;
  commune: { office: string; code: string; name: string; label: string };
  /** "Huyện Văn Quan" (empty for a unit without a district). */
  district: string;
  province: string;
  standardTitle: string;
  /** The procedure that has the commune post its lists (Quyết định 24/2021/QĐ-TTg), cited. */
  procedure: string;
  date: string;
}

export const householdOps = {
  'households.meta': op(z.object({}).strict()).returns<HouseholdMeta>(),

  'households.communes.save': op(z.object({ commune: CommuneInputSchema }).strict()).returns<CommuneView>(),
  'households.communes.setTotals': op(CommuneTotalsInputSchema).returns<CommuneView[]>(),
  'households.communes.importSample': op(z.object({}).strict()).returns<{ added: number; communes: CommuneView[] }>(),
  /** A sheet of names: a commune column ("Xã Tràng Các") and optionally a village column. */
  'households.communes.importXlsx': op(z.object({ base64: base64Xlsx }).strict()).returns<{ added: number; updated: number; communes: CommuneView[] }>(),

  'households.list': op(
    z
      .object({
        year,
        filter: HouseholdFilterSchema.default({}),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(2000).default(200),
        showIds: z.boolean().default(false),
      })
      .strict(),
  ).returns<HouseholdPage>(),
  'households.facets': op(z.object({ year }).strict()).returns<HouseholdFacets>(),
  'households.get': op(z.object({ id: docId }).strict()).returns<HouseholdRecord>(),
  /** A blank code asks the office's store for one (never made from the ID number). */
  'households.save': op(
    z.object({ id: docId.optional(), household: HouseholdSchema.extend({ code: z.string().trim().max(64) }) }).strict(),
  ).returns<HouseholdRecord>(),
  'households.delete': op(z.object({ id: docId }).strict()).returns<{ deleted: true }>(),
  /** Other households of the year with this ID number (the form flags them as you type). */
  'households.checkId': op(z.object({ idNumber: z.string().max(40), year, exceptId: docId.optional() }).strict()).returns<IdCheck>(),

  'households.import.preview': op(
    z.object({ base64: base64Xlsx, fileName: z.string().max(255).default(''), year }).strict(),
  ).returns<ImportPreview>(),
  /** A blank household list for a review year: the headers the import expects, one column per indicator. */
  'households.template': op(z.object({ year }).strict()).returns<FileOut>(),
  /** Writes the previewed rows, all or nothing. With errors, only on `validOnly: true`. */
  'households.import.commit': op(z.object({ token: z.string().min(1).max(100), validOnly: z.boolean().default(false) }).strict()).returns<ImportResult>(),
  'households.import.rejected': op(z.object({ token: z.string().min(1).max(100) }).strict()).returns<FileOut>(),

  /** Phiếu B score tables this installation holds (the Sở's first). */
  'households.scoring.tables': op(z.object({}).strict()).returns<ScoreTableView[]>(),
  /** Loads a score table from the ministry's file typed into the template; same id replaces. */
  'households.scoring.importXlsx': op(z.object({ base64: base64Xlsx, fileName: z.string().max(255).default('') }).strict()).returns<ScoreTableView>(),
  /** The blank template for the standard of a review year. */
  'households.scoring.template': op(z.object({ year }).strict()).returns<FileOut>(),

  /** Each review year's standard: built-in with its citations, sent by the Sở, or what is missing. */
  'households.standards.list': op(z.object({}).strict()).returns<StandardsOverview>(),
  /** The Sở loads a standard from a JSON file (the built-in files' shape); it reaches every office in its next bundle. */
  'households.standards.importJson': op(z.object({ base64: z.string().min(4).max(400_000, 'households:errors.STANDARD_FILE_TOO_LARGE'), fileName: z.string().max(255).default('') }).strict()).returns<StandardsOverview>(),
  /** A standard as an Excel workbook to edit: the named one, else the current review year's. */
  'households.standards.template': op(z.object({ standardId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/).optional() }).strict()).returns<FileOut>(),
  /** What a filled standard workbook says and what storing it would do (Sở only); stores nothing. */
  'households.standards.previewXlsx': op(z.object({ base64: standardXlsx, fileName: z.string().max(255).default('') }).strict()).returns<StandardPreview>(),
  /** The Sở loads a standard from the workbook it previewed; it reaches every office in its next bundle. */
  'households.standards.importXlsx': op(z.object({ base64: standardXlsx, fileName: z.string().max(255).default('') }).strict()).returns<StandardsOverview>(),
  /** The Sở withdraws a standard it sent (a replaced built-in applies again). */
  'households.standards.remove': op(z.object({ standardId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/) }).strict()).returns<StandardsOverview>(),

  'households.summary': op(z.object({ year }).strict()).returns<SummaryView>(),
  'households.summaryXlsx': op(z.object({ year }).strict()).returns<FileOut>(),
  /** Recomputes the summary rows and per-office counts kept beside the records (CLI `households rebuild-summaries`). */
  'households.summaries.rebuild': op(z.object({}).strict()).returns<{ records: number }>(),
  /** The list as Excel, ID numbers included (personalData). */
  'households.exportXlsx': op(z.object({ year, filter: HouseholdFilterSchema.default({}) }).strict()).returns<FileOut>(),
  /** A commune's list for public listing (niêm yết): hộ nghèo, cận nghèo, thoát nghèo, thoát cận nghèo, phát sinh. */
  'households.publicList': op(PublicListInputSchema).returns<PublicListView>(),
  /** The same list as Excel: names and masked ID numbers only, so not flagged personalData (no CCCD in it). */
  'households.publicListXlsx': op(PublicListInputSchema).returns<FileOut>(),
};

export type SummaryColumn = keyof import('../domain/households/summary').SummaryCounts | 'households' | 'poorPct' | 'nearPoorPct';

/** Columns of the summary table, as the review report prints them; the Excel export uses the same. */
export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  'households',
  'total',
  'poor',
  'poorPct',
  'minorityPoor',
  'nearPoor',
  'nearPoorPct',
  'minorityNearPoor',
  'medium',
  'mediumOtherSector',
  'mediumUnknownSector',
  'poorAtStart',
  'escaped',
  'fellBack',
  'newlyPoor',
  'nearPoorAtStart',
  'nearPoorEscaped',
  'nearPoorFellBack',
  'nearPoorNew',
  'meritPoorOrNearPoor',
];
