import type { PublicListInput, PublicListView } from '../../../contract/households';
import type { FileOut } from '../../../contract/tasks';
import { vnDay } from '../../../domain/calendar';
import { communeLabel } from '../../../domain/households/communes';
import { PUBLIC_LISTING } from '../../../domain/households/forms';
import { buildPublicList, publicListCell, publicListColumns, publicListCounts, type ListCandidate, type PublicListColumn } from '../../../domain/households/publicLists';
import { MediumRequestSchema } from '../../../domain/households/mediumRequest';
import { SECTORS, type Sector } from '../../../domain/households/sector';
import { standardForYear } from '../../../domain/households/standards';
import { say } from '../../../domain/i18n/keys';
import { translator } from '../../../domain/translate';
import type { CoreContext } from '../../runtime/context';
import { buildWorkbook, type CellValue } from '../../files/xlsx';
import type { HouseholdIndex } from './householdIndex';
import { XLSX_MIME } from './importFlow';
import { notFound, officeCommunes } from './queries';
import type { HouseholdEntry } from './search';

/**
 * The commune's lists for public listing (domain/households/publicLists.ts) read from the
 * household index: the commune's records of the year, each with its class by year. An office
 * lists its own communes; the Sở names the district office of the commune.
 */

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const SECTOR_SET: ReadonlySet<unknown> = new Set(SECTORS);

/** The stored request's day, when it reads as one (data from another office is checked, not trusted). */
function requestDayOf(v: unknown): string | null {
  const parsed = MediumRequestSchema.safeParse(v);
  return parsed.success ? parsed.data.receivedOn : null;
}

function candidateOf(index: HouseholdIndex, e: HouseholdEntry): ListCandidate {
  const d = e.d;
  const ticked = Array.isArray(d['deprived']) ? d['deprived'].length : typeof d['deprived'] === 'object' && d['deprived'] !== null ? Object.values(d['deprived']).filter((v) => v === true).length : 0;
  const phieuB = typeof d['phieuB'] === 'object' && d['phieuB'] !== null ? (d['phieuB'] as Record<string, unknown>) : undefined;
  return {
    code: e.code,
    headName: e.headName,
    idNumber: e.idNumber,
    village: typeof d['village'] === 'string' ? d['village'] : '',
    members: num(d['members']) ?? 0,
    incomePerPerson: num(d['incomePerPerson']),
    deprivedCount: Math.max(ticked, num(d['deprivedCount']) ?? 0),
    b1: num(phieuB?.['b1']),
    b2: num(phieuB?.['b2']),
    history: { ...index.historyOf(e.owner, e.code), [e.year]: e.cls },
    ...(SECTOR_SET.has(d['sector']) ? { sector: d['sector'] as Sector } : {}),
    requestOn: requestDayOf(d['mediumRequest']),
  };
}

export function publicListView(ctx: CoreContext, index: HouseholdIndex, input: PublicListInput): PublicListView {
  const s = ctx.session();
  const office = s.role === 'office' ? s.office.code : input.office;
  if (office === undefined) throw notFound();
  const commune = officeCommunes(ctx, office).find((c) => c.code === input.communeCode);
  if (!commune) throw notFound();
  const ofCommune = (e: HouseholdEntry): boolean => e.owner === office && e.d['communeCode'] === commune.code;
  const candidates = index.year(input.year).filter(ofCommune).map((e) => candidateOf(index, e));
  const previousYearKnown = index.year(input.year - 1).some(ofCommune);
  const list = buildPublicList(input.kind, input.year, candidates, previousYearKnown);
  const unit = ctx.unit(office);
  return {
    list,
    columns: publicListColumns(input.kind, list.hasScores),
    counts: publicListCounts(input.year, candidates, previousYearKnown),
    commune: { office, code: commune.code, name: commune.name, label: communeLabel(commune) },
    district: unit?.district ?? '',
    province: ctx.profile().province,
    standardTitle: standardForYear(input.year).title,
    procedure: PUBLIC_LISTING.procedure.short,
    date: vnDay(ctx.now()),
  };
}

/** Files for the commune are in Vietnamese whatever the UI language. */
const vi = translator('vi');


/** The title printed above a list: "DANH SÁCH HỘ THOÁT NGHÈO NĂM 2024". */
export function publicListTitle(view: PublicListView): string {
  return say(vi, `households:lists.title.${view.list.kind}`, { year: view.list.year }).toUpperCase();
}

/**
 * The same list as an Excel file: title, commune, the printed columns, the rows, the totals at the
 * foot (households, members). Texts go through buildWorkbook's neutralising like every export.
 */
export async function publicListXlsx(view: PublicListView): Promise<FileOut> {
  if (!view.list.available) throw notFound();
  const headers = view.columns.map((c) => say(vi, `households:lists.column.${c}`));
  const rows: CellValue[][] = view.list.rows.map((r) => view.columns.map((c): CellValue => publicListCell(vi, c, r)));
  const totals: CellValue[] = view.columns.map((c) =>
    c === 'no' ? say(vi, 'households:lists.total') : c === 'headName' ? say(vi, 'households:lists.totalHouseholds', { n: view.list.totals.households }) : c === 'members' ? view.list.totals.members : null,
  );
  // The medium list's "trong đó có giấy đề nghị: N" under the request-day column, as on paper.
  const withRequest = view.list.totals.withRequest;
  if (withRequest !== undefined) totals[view.columns.indexOf('requestOn')] = say(vi, 'households:lists.withRequest', { n: withRequest });
  const buffer = await buildWorkbook([
    {
      name: say(vi, `households:lists.sheet.${view.list.kind}`),
      title: `${publicListTitle(view)} — ${view.commune.label.toUpperCase()}${view.district ? `, ${view.district.toUpperCase()}` : ''}`,
      headers,
      rows: [...rows, totals],
      widths: view.columns.map((c) => WIDTHS[c]),
    },
  ], { numberFormats: true });
  const fileName = `danh-sach-${FILE_PART[view.list.kind]}_${view.commune.code.toLowerCase()}_${view.list.year}.xlsx`;
  // Names are posted publicly anyway and ID numbers are masked: not the file the CCCD warning is about.
  return { fileName, mime: XLSX_MIME, base64: buffer.toString('base64'), personalData: false };
}

const WIDTHS: Record<PublicListColumn, number> = { no: 6, headName: 26, idMasked: 16, village: 20, members: 10, sector: 14, previousClass: 18, class: 18, income: 16, deprived: 12, b1: 9, b2: 9, requestOn: 16 };
const FILE_PART = { poor: 'ho-ngheo', nearPoor: 'ho-can-ngheo', escapedPoor: 'ho-thoat-ngheo', escapedNearPoor: 'ho-thoat-can-ngheo', newPoor: 'ho-ngheo-phat-sinh', newNearPoor: 'ho-can-ngheo-phat-sinh', medium: 'ho-muc-song-trung-binh' } as const;
