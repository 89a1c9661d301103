import type { CoreContext } from '../runtime/context';
import type { FileOut } from '../../contract/tasks';
import type { ConsolidationView, NarrativeSection, ReportPrintData } from '../../contract/reports';
import { rootUnit } from '../../domain/org';
import { buildWorkbook, isoToExcelDate, type CellValue, type SheetSpec } from '../files/xlsx';
import { completeness, type CompletenessResult, type ReportState } from '../../domain/reports/completeness';
import type { ConsolidatedIndicator, OfficeFigure } from '../../domain/reports/consolidate';
import { reportsOf, requireLatest, reviewOf, receiptOf, statusInput } from './docs';
import { communesOf } from './facts';
import { formIndicators, type ReportForm } from '../../domain/reports/form';
import { dateInVietnam, periodLabelVi } from '../../domain/reports/periods';
import { notInVersionVi } from '../../domain/reports/versions';
import { titleWithPeriod } from '../../domain/reports/periodsOfForm';
import { consolidationView } from './views';

/**
 * The consolidation as files the Sở forwards: an Excel workbook (figures, who sent what,
 * narrative, per-commune tables) and the data of the printed BÁO CÁO. Words are Vietnamese,
 * as the documents go to the province and the ministry.
 */

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const STATE_VI: Record<ReportState, string> = {
  notStarted: 'Chưa làm',
  draft: 'Đang soạn',
  sentOnTime: 'Đã gửi đúng hạn',
  sentLate: 'Gửi muộn',
  accepted: 'Đã chấp nhận',
  returned: 'Bị trả lại',
};

const NOTE_VI: Partial<Record<ConsolidatedIndicator['totalKind'], string>> = {
  notSummable: 'Không cộng dồn được: xem số liệu từng đơn vị',
  mean: 'Bình quân của các đơn vị (không theo quy mô)',
  ratio: 'Tính lại từ số liệu thành phần của các đơn vị',
};

function figureCell(f: OfficeFigure): CellValue {
  switch (f.status) {
    case 'value':
      if (typeof f.value === 'number') return f.value;
      if (typeof f.value === 'boolean') return f.value ? 'Có' : 'Không';
      return typeof f.value === 'string' ? f.value : '';
    case 'notInVersion':
      return notInVersionVi(f.formVersion ?? 0);
    case 'invalid':
      return '(số liệu không hợp lệ)';
    case 'unknownForm':
      return '(chưa có mẫu báo cáo)';
    default:
      return '';
  }
}

function totalCell(ind: ConsolidatedIndicator): CellValue {
  if (ind.booleans) return `${ind.booleans.yes}/${ind.booleans.yes + ind.booleans.no} đơn vị có`;
  return ind.total;
}

/** Indicator rows grouped under their section headings (I, II...), as the sector's forms are laid out. */
function figureRows(form: ReportForm, view: ConsolidationView): CellValue[][] {
  const byId = new Map(view.consolidation.indicators.map((i) => [i.id, i]));
  const rows: CellValue[][] = [];
  const blank = view.offices.map(() => '');
  const seen = new Set<string>();
  const pushIndicator = (ind: ConsolidatedIndicator, n: number): void => {
    rows.push([
      n,
      ind.label,
      ind.unit,
      ind.target,
      totalCell(ind),
      ind.targetPct,
      NOTE_VI[ind.totalKind] ?? '',
      ...ind.offices.map(figureCell),
    ]);
  };
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
  let s = 0;
  for (const section of form.sections) {
    const inds = section.indicators.map((i) => byId.get(i.id)).filter((i): i is ConsolidatedIndicator => !!i && i.type !== 'text' && i.type !== 'table');
    inds.forEach((i) => seen.add(i.id));
    if (inds.length === 0) continue;
    rows.push([roman[s++] ?? String(s), section.title.toUpperCase(), '', null, null, null, '', ...blank]);
    inds.forEach((ind, i) => pushIndicator(ind, i + 1));
  }
  const older = view.consolidation.indicators.filter((i) => !seen.has(i.id) && i.type !== 'text' && i.type !== 'table');
  if (older.length > 0) {
    rows.push([roman[s] ?? '', 'CHỈ TIÊU CỦA PHIÊN BẢN MẪU TRƯỚC', '', null, null, null, '', ...blank]);
    older.forEach((ind, i) => pushIndicator(ind, i + 1));
  }
  return rows;
}

function periodCompleteness(ctx: CoreContext, form: ReportForm, view: ConsolidationView): CompletenessResult {
  const offices = view.offices.map((o) => o.code);
  const reports = reportsOf(ctx, form.formId, [view.period])
    .filter((r) => offices.includes(r.office))
    .map((r) => statusInput(r, reviewOf(ctx, form.formId, r.period, r.office), receiptOf(ctx, r.id)));
  return completeness({ form, offices, periods: [view.period], reports, asOf: dateInVietnam(ctx.now()) });
}

function narrativeOf(view: ConsolidationView): NarrativeSection[] {
  const name = new Map(view.offices.map((o) => [o.code, o.name]));
  return view.consolidation.indicators
    .filter((i) => i.type === 'text')
    .map((i) => ({
      indicatorId: i.id,
      label: i.label,
      entries: i.offices
        .filter((f) => f.status === 'value' && typeof f.value === 'string' && f.value.trim() !== '')
        .map((f) => ({ office: f.office, officeName: name.get(f.office) ?? f.office, text: String(f.value).trim() })),
    }));
}

function tableSheets(ctx: CoreContext, view: ConsolidationView): SheetSpec[] {
  const name = new Map(view.offices.map((o) => [o.code, o.name]));
  const communes = new Map<string, Map<string, string>>();
  const communeName = (office: string | undefined, key: string): string => {
    if (!office) return key;
    if (!communes.has(office)) communes.set(office, new Map(communesOf(ctx, office).map((c) => [c.code, c.name])));
    return communes.get(office)?.get(key) ?? key;
  };
  return view.consolidation.indicators
    .filter((i) => i.table)
    .map((i, n) => {
      const cols = i.table?.columns ?? [];
      return {
        name: `Bảng ${n + 1}`,
        title: i.label,
        headers: ['Đơn vị', 'Xã / nhóm', ...cols.map((c) => (c.unit ? `${c.label} (${c.unit})` : c.label))],
        widths: [24, 28, ...cols.map(() => 16)],
        rows: [
          ...(i.table?.rows ?? []).map((r): CellValue[] => [r.office ? (name.get(r.office) ?? r.office) : '', communeName(r.office, r.key), ...cols.map((c) => r.cells[c.id] ?? null)]),
          ['Tổng cộng', '', ...cols.map((c) => c.total)],
        ],
      };
    });
}

export async function consolidationXlsx(ctx: CoreContext, formId: string, period: string, acceptedOnly: boolean): Promise<FileOut> {
  const view = consolidationView(ctx, formId, period, acceptedOnly);
  const form = requireLatest(ctx, formId);
  const label = periodLabelVi(period);
  const cells = periodCompleteness(ctx, form, view).cells;
  const name = new Map(view.offices.map((o) => [o.code, o.name]));
  const narrative = narrativeOf(view);
  const buffer = await buildWorkbook([
    {
      name: 'Tổng hợp',
      title: `BIỂU TỔNG HỢP SỐ LIỆU ${label.toUpperCase()} — ${form.title}`,
      headers: ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch năm', 'Thực hiện', '% so với kế hoạch năm', 'Ghi chú', ...view.offices.map((o) => o.name)],
      widths: [6, 48, 12, 14, 14, 12, 26, ...view.offices.map(() => 16)],
      rows: figureRows(form, view),
    },
    {
      name: 'Tình hình gửi báo cáo',
      title: `TÌNH HÌNH GỬI BÁO CÁO ${label.toUpperCase()}`,
      headers: ['STT', 'Đơn vị', 'Tình trạng', 'Hạn gửi', 'Ngày gửi', 'Số ngày muộn', 'Phiên bản mẫu'],
      widths: [6, 30, 20, 12, 12, 12, 12],
      dateColumns: [4, 5],
      rows: cells.map((c, i) => [
        i + 1,
        name.get(c.office) ?? c.office,
        STATE_VI[c.state],
        isoToExcelDate(c.dueDate),
        isoToExcelDate(c.submittedOn),
        c.daysLate ?? (c.overdue ? c.daysOverdue : null),
        c.formVersion,
      ]),
    },
    {
      name: 'Thuyết minh',
      headers: ['Nội dung', 'Đơn vị', 'Thuyết minh'],
      widths: [30, 24, 100],
      rows: narrative.flatMap((n) => n.entries.map((e): CellValue[] => [n.label, e.officeName, e.text])),
    },
    ...tableSheets(ctx, view),
  ], { numberFormats: true });
  const slug = `${formId}_${period}`.replace(/[^A-Za-z0-9_-]+/g, '_');
  return { fileName: `tong-hop_${slug}.xlsx`, mime: XLSX_MIME, base64: buffer.toString('base64'), personalData: false };
}

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

export function printData(ctx: CoreContext, formId: string, period: string, acceptedOnly: boolean): ReportPrintData {
  const view = consolidationView(ctx, formId, period, acceptedOnly);
  const form = requireLatest(ctx, formId);
  const profile = ctx.profile();
  const so = rootUnit(profile);
  const result = periodCompleteness(ctx, form, view);
  const name = new Map(view.offices.map((o) => [o.code, o.name]));
  const came = (s: ReportState): boolean => s === 'sentOnTime' || s === 'sentLate' || s === 'accepted';
  return {
    issuer: { name: so.name, parentBody: profile.parentBody, symbol: so.symbol, place: so.place ?? profile.province },
    date: dateInVietnam(ctx.now()),
    title: form.title,
    subject: capitalise(titleWithPeriod(form.title, periodLabelVi(period)).replace(/^Báo cáo\s+/i, '')),
    periodLabel: periodLabelVi(period),
    view,
    completeness: result.totals,
    sentOffices: result.cells.filter((c) => came(c.state)).map((c) => name.get(c.office) ?? c.office),
    missingOffices: result.cells.filter((c) => !came(c.state)).map((c) => name.get(c.office) ?? c.office),
    narrative: narrativeOf(view).filter((n) => formIndicators(form).some((i) => i.id === n.indicatorId) || n.entries.length > 0),
    sections: form.sections.map((s) => ({ title: s.title, indicatorIds: s.indicators.map((i) => i.id) })),
  };
}
