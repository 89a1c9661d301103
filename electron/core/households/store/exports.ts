import { SUMMARY_COLUMNS } from '../../../contract/households';
import type { HouseholdFilter, SummaryView } from '../../../contract/households';
import type { FileOut } from '../../../contract/tasks';
import { translator } from '../../../domain/translate';
import { say, sayUnchecked } from '../../../domain/i18n/keys';
import type { CoreContext } from '../../runtime/context';
import { vnDay } from '../../../domain/calendar';
import { lowerUnits, parentBodyOf, rootUnit, unitByCode, type OrgProfile } from '../../../domain/org';
import { anyUnitByCode } from '../../../domain/profiles/mapping';
import { buildWorkbook, type CellValue } from '../../files/xlsx';
import { communeLabel } from '../../../domain/households/communes';
import { STANDARDS, standardForYear, type PovertyStandard } from '../../../domain/households/standards';
import { indicatorsOf } from '../../../domain/households/standards/schema';
import { dayVi, MediumRequestSchema } from '../../../domain/households/mediumRequest';
import { SECTOR_CELL, SECTORS, type Sector } from '../../../domain/households/sector';
import { summariseRecords, summaryCell, type HouseholdSummary, type SummaryRow } from '../../../domain/households/summary';
import { summaryByDistrictOfDigests } from '../../../domain/households/summaryDigest';
import type { HouseholdSummaryIndex } from './summaryIndex';
import type { HouseholdIndex } from './householdIndex';
import { XLSX_MIME } from './importFlow';
import { officeCommunes } from './queries';
import { buildPredicate } from './search';
import { writeHouseholdWorkbook } from '../excel/write';
import { standardsOf } from '../standards/inStore';

/** The summary table (per commune, or per district at the Sở) and the Excel files. */

/**
 * Made from what is kept beside the records (summaryIndex.ts), not from the records: no
 * household is read. An office's table (per commune) from its summary rows; the Sở's (per
 * office) from each office's counts, so it reads neither households nor rows.
 * test/integration/summaryRows.test.ts holds both equal to the table made from every record.
 */
export async function summaryView(ctx: CoreContext, summaries: HouseholdSummaryIndex, year: number): Promise<SummaryView> {
  const s = ctx.session();
  const standard = standardForYear(year, standardsOf(ctx.store));
  let summary: HouseholdSummary;
  let issuer: SummaryView['issuer'];
  if (s.role === 'office') {
    const byOwner = await summaries.byOwner();
    summary = summariseRecords(byOwner.get(s.office.code) ?? [], { year, communes: officeCommunes(ctx, s.office.code) });
    // A 2025 commune is its own People's Committee: no district above it to name in the header
    // or among the recipients (its place is its own name, "Ủy ban nhân dân phường Đông Kinh").
    const district = s.office.type === 'commune' ? '' : (s.office.district ?? s.office.place ?? '');
    issuer = { name: s.office.name, parentBody: parentBodyOf(ctx.profile(), s.office), symbol: s.office.symbol, place: s.office.place ?? '', district };
  } else {
    const profile = ctx.profile();
    const digests = await summaries.digestsByOwner();
    const owners = [...digests.keys()].sort();
    const districts = lowerUnits(profile);
    const codes = [...districts.map((u) => u.code).filter((c) => owners.includes(c)), ...owners.filter((o) => !districts.some((u) => u.code === o))];
    summary = summaryByDistrictOfDigests(
      codes.map((code) => ({ office: officeRow(profile, code), digest: digests.get(code) ?? {}, communes: officeCommunes(ctx, code) })),
      { year },
    );
    const root = rootUnit(profile);
    issuer = { name: root.name, parentBody: profile.parentBody, symbol: root.symbol, place: profile.province, district: '' };
  }
  return { summary, scope: s.role === 'office' ? 'district' : 'province', year, standardTitle: standard.title, issuer, date: vnDay(ctx.now()) };
}


/**
 * An owner's row at the Sở: today's unit by its district or short name; a unit of an earlier
 * tree (the folder moved, its records kept their owner) by its own name, marked former. Its
 * figures are not moved to the units it became: a district's cannot be divided between them.
 */
function officeRow(profile: OrgProfile, code: string): { code: string; name: string; former?: boolean } {
  const unit = anyUnitByCode(profile, code);
  const name = unit?.district ?? unit?.shortName ?? code;
  return unit && !unitByCode(profile, code) ? { code, name, former: true } : { code, name };
}

/** Files for the province are always in Vietnamese, whatever the UI language. */
const vi = translator('vi');

function rowLabel(r: SummaryRow): string {
  if (r.labelKey) return sayUnchecked(vi, r.labelKey);
  return r.former ? `${r.label} (${say(vi, 'app:profile.formerUnit')})` : r.label;
}

export async function summaryXlsx(view: SummaryView): Promise<FileOut> {
  const s = view.summary;
  const headers = [say(vi, view.scope === 'district' ? 'households:summary.colCommune' : 'households:summary.colDistrict'), ...SUMMARY_COLUMNS.map((c) => say(vi, `households:summary.column.${c}`))];
  // The same cells as on screen and on paper: "—" for a total of households not known, no rate.
  const line = (r: SummaryRow): CellValue[] => [rowLabel(r), ...SUMMARY_COLUMNS.map((c) => summaryCell(r, c))];
  const rows = [...s.rows.map(line), [], line(s.rural), line(s.urban), line(s.total)];
  // Where to enter a missing commune total (the table's total is then unknown); an area row with
  // no commune of its kind shows "—" without it.
  const notKnown = s.total.households === null;
  const buffer = await buildWorkbook([
    {
      name: `Tổng hợp ${view.year}`,
      title: `TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM ${view.year} — ${view.issuer.name.toUpperCase()}`,
      headers,
      rows,
      widths: [28, ...SUMMARY_COLUMNS.map(() => 12)],
      ...(notKnown ? { notes: [say(vi, view.scope === 'district' ? 'households:summary.notKnownNote' : 'households:summary.notKnownNoteSo', { year: view.year })] } : {}),
    },
  ]);
  return { fileName: `tong-hop-ho-ngheo_${view.year}.xlsx`, mime: XLSX_MIME, base64: buffer.toString('base64'), personalData: false };
}

/** "Nông nghiệp"; blank when not recorded (the import reads a blank back as not recorded). */
function sectorCell(v: unknown): string | null {
  return typeof v === 'string' && (SECTORS as readonly string[]).includes(v) ? SECTOR_CELL[v as Sector] : null;
}

/** "05/11/2025", the way the import reads it back; blank when no Giấy đề nghị was handed in. */
function requestCell(v: unknown): string | null {
  const parsed = MediumRequestSchema.safeParse(v);
  return parsed.success ? dayVi(parsed.data.receivedOn) : null;
}

/** The list as Excel, in the columns the import reads back; holds ID numbers. */
export async function householdsXlsx(ctx: CoreContext, index: HouseholdIndex, year: number, filter: HouseholdFilter): Promise<FileOut> {
  const s = ctx.session();
  const standard = standardForYear(year, standardsOf(ctx.store));
  const indicators = indicatorsOf(standard);
  const communes = new Map(ctx.store.list('commune').map((d) => [`${d.owner}|${String(d.data['code'])}`, d.data]));
  const test = buildPredicate(s.role === 'office' ? { ...filter, office: s.office.code } : filter, index.keys);
  const headers = ['STT', 'Mã hộ', 'Họ và tên chủ hộ', 'Số CCCD/CMND', 'Dân tộc', 'Xã/phường/thị trấn', 'Thôn/bản', 'Khu vực', 'Số nhân khẩu', 'Thu nhập BQ người/tháng (đồng)'];
  const tail = ['Ngành nghề', 'Ngày nộp giấy đề nghị', 'Hộ người có công', 'Ghi chú', 'Phân loại', 'Căn cứ phân loại'];
  const rows: CellValue[][] = [];
  for (const e of index.year(year)) {
    if (!test(e)) continue;
    const d = e.d;
    const text = (k: string): string => String(d[k] ?? '');
    const c = communes.get(`${e.owner}|${text('communeCode')}`) as { name: string; kind: 'xa' } | undefined;
    const deprived = Array.isArray(d['deprived']) ? (d['deprived'] as string[]) : [];
    rows.push([
      rows.length + 1,
      e.code,
      text('headName'),
      text('idNumber'),
      text('ethnicity'),
      c ? communeLabel(c) : text('communeCode'),
      text('village'),
      d['area'] === 'urban' ? 'Thành thị' : 'Nông thôn',
      Number(d['members'] ?? 0),
      Number(d['incomePerPerson'] ?? 0),
      ...indicators.map((i) => (deprived.includes(i.code) ? 'x' : null)),
      sectorCell(d['sector']),
      requestCell(d['mediumRequest']),
      d['merit'] === true ? 'x' : null,
      text('notes'),
      say(vi, `households:class.${e.cls}`),
      text('reasonText'),
    ]);
  }
  const buffer = await buildWorkbook([
    {
      name: `Danh sách ${year}`,
      title: `DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO VÀ HỘ ĐÃ RÀ SOÁT NĂM ${year}`,
      headers: [...headers, ...indicators.map((i) => i.name), ...tail],
      rows,
      widths: [6, 16, 24, 16, 10, 20, 18, 11, 9, 14, ...indicators.map(() => 9), 14, 14, 9, 20, 18, 40],
    },
  ]);
  return { fileName: `danh-sach-ho_${year}.xlsx`, mime: XLSX_MIME, base64: buffer.toString('base64'), personalData: true };
}

/**
 * The blank household list: the title, then the headers the import reads (one column per
 * indicator of the year's standard, marked "x"), no rows. The same writer as the test lists, so
 * the template and the import cannot drift apart (test/integration/householdTemplate.test.ts).
 */
export async function householdTemplate(year: number, standards: readonly PovertyStandard[] = STANDARDS): Promise<FileOut> {
  const standard = standardForYear(year, standards);
  const { buffer } = await writeHouseholdWorkbook([], { communes: [], standard, title: `DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM ${year}` });
  return { fileName: `mau-danh-sach-ho_${year}.xlsx`, mime: XLSX_MIME, base64: buffer.toString('base64'), personalData: false };
}
