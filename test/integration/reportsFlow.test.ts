import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { DocKind } from '../../electron/domain/document';
import { carry as carryBundle, exchangeKeys, usbStick } from './syncHelpers';
import { BINHGIA_2022_H1, VANQUAN_2022_H1 } from '../unit/reports/samples';
import { openOffice, type Office } from './twoOffices';
import { householdDocData, householdDocId } from '../../electron/core/households/store/docs';

/**
 * Periodic reports between the Sở and two district offices, each on its own data folder and
 * clock, carried by real bundle files through a temporary "USB stick": forms and targets go
 * out, reports come in, reviews go back.
 */

let clock = Date.parse('2022-06-01T02:00:00Z');
const now = (): number => clock;
const at = (iso: string): void => {
  clock = Date.parse(iso);
};

let so: Office;
let vq: Office;
let bg: Office;

/**
 * Export from `from` to `to`, import the file with every check. Key cards are exchanged once
 * per pair. `kinds` names what the step is about and is checked to have arrived; the bundle
 * itself carries everything the recipient has not acknowledged.
 */
const paired = new Set<string>();
async function carry(from: Office, to: Office, kinds: DocKind[]): Promise<void> {
  const pair = [from.dataDir, to.dataDir].sort().join('|');
  if (!paired.has(pair)) {
    await exchangeKeys(from, to, usbStick('keys'));
    paired.add(pair);
  }
  await carryBundle(from, to);
  // Each office receives only what concerns it (its own targets, reviews of its own reports),
  // so the check is that something of every kind named arrived, at its newest version.
  for (const k of kinds) {
    const arrived = to.core.context.store.list(k).filter((d) => d.owner === from.core.context.session().office.code);
    expect(arrived.length).toBeGreaterThan(0);
    for (const d of arrived) expect(d.hlc).toBe(from.core.context.store.get(d.id)?.hlc);
  }
}

const SIX = 'ldtbxh-6-thang';
const VQ_TABLE = { 'VQ-TRANGCAC': { tong_so_ho: 8_000, ho_ngheo: 2_000, ho_can_ngheo: 1_200 }, 'VQ-TANDOAN': { tong_so_ho: 6_000, ho_ngheo: 1_500, ho_can_ngheo: 800 } };
const BG_TABLE = { 'BG-TTBINHGIA': { tong_so_ho: 6_000, ho_ngheo: 1_200, ho_can_ngheo: 900 } };
const vqValues = { ...VANQUAN_2022_H1, 'gn.theo_xa': VQ_TABLE };
const bgValues = { ...BINHGIA_2022_H1, 'gn.theo_xa': BG_TABLE };

beforeAll(async () => {
  so = await openOffice('so', 'SO', 'Nguyễn Văn Sở', { now });
  vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan', { now });
  bg = await openOffice('office', 'BINHGIA', 'Lý Văn Bình', { now });
});
afterAll(async () => {
  for (const o of [so, vq, bg]) await o?.core.close();
});

describe('báo cáo định kỳ: Sở, Văn Quan, Bình Gia', () => {
  it('the Sở installs the default forms and sets targets; offices cannot', async () => {
    const forms = await so.call('reports.forms', {});
    expect(forms.map((f) => f.formId).sort()).toEqual(['ldtbxh-6-thang', 'ldtbxh-nam']);
    expect(forms.find((f) => f.formId === SIX)?.offices).toHaveLength(11);
    await expect(vq.call('reports.installDefaults', {})).rejects.toMatchObject({ code: 'SO_ONLY' });
    const t = await so.call('reports.saveTargets', {
      formId: SIX,
      year: 2022,
      values: { VANQUAN: { 'ld.vieclam.tao_moi': 1_200, 'gn.ho_ngheo': 3_000 }, BINHGIA: { 'ld.vieclam.tao_moi': 900 } },
    });
    expect(t.values['VANQUAN']).toEqual({ 'ld.vieclam.tao_moi': 1_200, 'gn.ho_ngheo': 3_000 });
    for (const d of so.core.context.store.list('reportForm')) expect(d.owner).toBe('SO');
    for (const d of so.core.context.store.list('target')) expect(d.owner).toBe('SO');
    await carry(so, vq, ['reportForm', 'target']);
    await carry(so, bg, ['reportForm', 'target']);
  });

  it('Văn Quan sees what is due, with its targets and household prefill; an invalid report cannot be completed', async () => {
    // Three households of the 2021 review: poor, near-poor, above the line.
    const hh = (code: string, income: number, deprived: string[]) => ({
      id: householdDocId('VANQUAN', 2021, code),
      kind: 'household' as const,
      owner: 'VANQUAN',
      data: householdDocData(
        { code, headName: `Chủ hộ ${code}`, idNumber: '020180001234', ethnicity: 'Tày', communeCode: 'VQ-TRANGCAC', village: '', area: 'rural', members: 4, incomePerPerson: income, deprived, merit: false, notes: '', reviewYear: 2021, standardId: 'nd07-2021' },
        'test',
        new Date(clock),
      ),
    });
    await vq.core.context.store.write([
      hh('H1', 1_000_000, ['employment', 'nutrition', 'healthInsurance']),
      hh('H2', 1_200_000, ['employment']),
      hh('H3', 5_000_000, []),
      // The commune's total households of the 2021 review: the report's Tổng số hộ, not the 3 listed.
      {
        id: 'commune:VANQUAN:VQ-TRANGCAC',
        kind: 'commune' as const,
        owner: 'VANQUAN',
        data: { code: 'VQ-TRANGCAC', name: 'Tràng Các', kind: 'xa', aliases: [], villages: [], totalHouseholds: { '2021': 12_450 }, office: 'VANQUAN', sample: false },
      },
      {
        id: 'commune:VANQUAN:VQ-TANDOAN',
        kind: 'commune' as const,
        owner: 'VANQUAN',
        data: { code: 'VQ-TANDOAN', name: 'Tân Đoàn', kind: 'xa', aliases: [], villages: [], totalHouseholds: { '2021': 6_000 }, office: 'VANQUAN', sample: false },
      },
    ]);
    const due = await vq.call('reports.due', {});
    const h1 = due.find((d) => d.formId === SIX && d.period === '2022-H1');
    expect(h1).toMatchObject({ state: 'notStarted', dueDate: '2022-06-15', overdue: false });

    const open = await vq.call('reports.open', { formId: SIX, period: '2022-H1' });
    expect(open.targets).toEqual({ 'ld.vieclam.tao_moi': 1_200, 'gn.ho_ngheo': 3_000 });
    expect(open.values['gn.tong_so_ho']).toBe(18_450);
    expect(open.values['gn.ho_ngheo']).toBe(1);
    expect(open.values['gn.ho_can_ngheo']).toBe(1);
    expect(open.values['gn.theo_xa']).toEqual({ 'VQ-TRANGCAC': { tong_so_ho: 12_450, ho_ngheo: 1, ho_can_ngheo: 1 }, 'VQ-TANDOAN': { tong_so_ho: 6_000, ho_ngheo: 0, ho_can_ngheo: 0 } });
    expect(open.prefilled).toEqual(expect.arrayContaining(['gn.tong_so_ho', 'gn.ho_ngheo', 'gn.theo_xa']));
    expect(open.communes.map((c) => c.code)).toContain('VQ-TRANGCAC');

    const bad = { ...vqValues, 'gn.ho_ngheo': 20_000 };
    await expect(vq.call('reports.save', { formId: SIX, period: '2022-H1', values: bad, complete: true })).rejects.toMatchObject({
      code: 'REPORT_INVALID',
    });
    const draft = await vq.call('reports.save', { formId: SIX, period: '2022-H1', values: bad, complete: false });
    expect(draft.state).toBe('draft');
    at('2022-06-10T03:00:00Z');
    const done = await vq.call('reports.save', { formId: SIX, period: '2022-H1', values: vqValues, complete: true });
    expect(done.report).toMatchObject({ status: 'complete', completedOn: '2022-06-10', version: 1, office: 'VANQUAN' });
    expect(done.state).toBe('sentOnTime');
    // Carried the same day: the Sở records when the bundle was made and when it arrived.
    await carry(vq, so, ['report']);
    const atSo = await so.call('reports.open', { formId: SIX, period: '2022-H1', office: 'VANQUAN' });
    expect(atSo.receipt?.receivedAt.slice(0, 10)).toBe('2022-06-10');
    expect(atSo.receipt?.sentAt.slice(0, 10)).toBe('2022-06-10');
    expect(done.receipt).toBeNull();
  });

  it('the Sở makes version 2; Bình Gia fills on it, late', async () => {
    at('2022-06-12T03:00:00Z');
    const v1 = await so.call('reports.form', { formId: SIX });
    const sections = v1.sections.map((s) =>
      s.id !== 'lao-dong'
        ? s
        : {
            ...s,
            indicators: [
              ...s.indicators,
              { id: 'ld.vieclam.phien_giao_dich', label: 'Số phiên giao dịch việc làm', type: 'integer' as const, unit: 'phiên', required: true, min: 0 },
            ],
          },
    );
    const v2 = await so.call('reports.saveVersion', { formId: SIX, basedOn: 1, changes: { sections } });
    expect(v2.version).toBe(2);
    await expect(so.call('reports.saveVersion', { formId: SIX, basedOn: 1, changes: { sections } })).rejects.toMatchObject({ code: 'REPORT_FORM_STALE' });
    await carry(so, bg, ['reportForm']);
    await carry(so, vq, ['reportForm']);

    at('2022-06-20T03:00:00Z');
    const open = await bg.call('reports.open', { formId: SIX, period: '2022-H1' });
    expect(open.form.version).toBe(2);
    const missing = bg.call('reports.save', { formId: SIX, period: '2022-H1', values: bgValues, complete: true });
    await expect(missing).rejects.toMatchObject({ code: 'REPORT_INVALID' });
    const done = await bg.call('reports.save', { formId: SIX, period: '2022-H1', values: { ...bgValues, 'ld.vieclam.phien_giao_dich': 4 }, complete: true });
    expect(done.state).toBe('sentLate');
    // Văn Quan's report stays on the version it was filled with.
    expect((await vq.call('reports.open', { formId: SIX, period: '2022-H1' })).form.version).toBe(1);
  });

  it('completeness at the Sở: one on time, one late, nine to chase', async () => {
    await carry(vq, so, ['report']);
    await carry(bg, so, ['report']);
    at('2022-06-21T03:00:00Z');
    const c = await so.call('reports.completeness', { formId: SIX, year: 2022 });
    expect(c.periods).toEqual(['2022-H1']);
    const state = (o: string) => c.result.cells.find((x) => x.office === o)?.state;
    expect(state('VANQUAN')).toBe('sentOnTime');
    expect(state('BINHGIA')).toBe('sentLate');
    expect(c.result.cells.find((x) => x.office === 'BINHGIA')).toMatchObject({ daysLate: 5, formVersion: 2, submittedOn: '2022-06-20', receivedOn: '2022-06-20' });
    expect(c.result.cells.find((x) => x.office === 'VANQUAN')).toMatchObject({ submittedOn: '2022-06-10', receivedOn: '2022-06-10', onTime: true });
    expect(c.result.totals).toMatchObject({ expected: 11, received: 2, onTime: 1, late: 1, completenessPct: 18.2, timelinessPct: 9.1 });
    expect(c.result.chase).toHaveLength(9);
    expect(c.result.chase[0]).toMatchObject({ reason: 'overdue', daysOverdue: 6 });
  });

  it('the Sở returns Văn Quan with a comment at a field; the office corrects and completes again', async () => {
    await expect(so.call('reports.review', { formId: SIX, period: '2022-H1', office: 'VANQUAN', outcome: 'returned', comment: '', fieldComments: {} })).rejects.toMatchObject({
      code: 'REVIEW_COMMENT_REQUIRED',
    });
    const r = await so.call('reports.review', {
      formId: SIX,
      period: '2022-H1',
      office: 'VANQUAN',
      outcome: 'returned',
      comment: '',
      fieldComments: { 'gn.ho_ngheo': 'Số hộ nghèo chưa khớp kết quả rà soát (3.400 hộ)' },
    });
    expect(r.state).toBe('returned');
    expect(so.core.context.store.list('reportReview').every((d) => d.owner === 'SO')).toBe(true);
    const c = await so.call('reports.completeness', { formId: SIX, year: 2022 });
    expect(c.result.chase[0]).toMatchObject({ office: 'VANQUAN', reason: 'returned' });

    await carry(so, vq, ['reportReview']);
    const back = await vq.call('reports.open', { formId: SIX, period: '2022-H1' });
    expect(back.state).toBe('returned');
    expect(back.review?.fieldComments['gn.ho_ngheo']).toContain('3.400');
    expect(back.locked).toBe(false);
    expect((await vq.call('reports.due', {})).find((d) => d.period === '2022-H1' && d.formId === SIX)).toMatchObject({ state: 'returned', comments: 1 });

    at('2022-06-25T03:00:00Z');
    const fixed = {
      ...vqValues,
      'gn.ho_ngheo': 3_400,
      'gn.ty_le_ho_ngheo': 24.3,
      'gn.theo_xa': { ...VQ_TABLE, 'VQ-TRANGCAC': { tong_so_ho: 8_000, ho_ngheo: 1_900, ho_can_ngheo: 1_200 } },
    };
    const again = await vq.call('reports.save', { formId: SIX, period: '2022-H1', values: fixed, complete: true });
    expect(again.report?.completedOn).toBe('2022-06-10');
    expect(again.state).toBe('sentOnTime');

    await carry(vq, so, ['report']);
    const c2 = await so.call('reports.completeness', { formId: SIX, year: 2022 });
    expect(c2.result.cells.find((x) => x.office === 'VANQUAN')?.state).toBe('sentOnTime');
    const ok = await so.call('reports.review', { formId: SIX, period: '2022-H1', office: 'VANQUAN', outcome: 'accepted', comment: '', fieldComments: {} });
    expect(ok.state).toBe('accepted');
    await carry(so, vq, ['reportReview']);
    expect((await vq.call('reports.open', { formId: SIX, period: '2022-H1' })).locked).toBe(true);
    await expect(vq.call('reports.save', { formId: SIX, period: '2022-H1', values: fixed, complete: false })).rejects.toMatchObject({ code: 'REPORT_LOCKED' });
  });

  it('totals across versions, % of target, Excel and print', async () => {
    const v = await so.call('reports.consolidate', { formId: SIX, period: '2022-H1' });
    expect(v.included).toBe(2);
    const ind = (id: string) => v.consolidation.indicators.find((i) => i.id === id);
    expect(ind('ld.vieclam.tao_moi')).toMatchObject({ total: 1_050, target: 2_100, targetPct: 50 });
    expect(ind('gn.ho_ngheo')).toMatchObject({ total: 4_600 });
    expect(ind('gn.tong_so_ho')?.total).toBe(20_000);
    expect(ind('gn.ty_le_ho_ngheo')).toMatchObject({ totalKind: 'ratio', total: 23 });
    const added = ind('ld.vieclam.phien_giao_dich');
    expect(added?.total).toBe(4);
    expect(added?.offices.find((o) => o.office === 'VANQUAN')).toMatchObject({ status: 'notInVersion', formVersion: 1 });
    expect(v.series.map((s) => s.period)).toEqual(['2022-H1']);

    const accepted = await so.call('reports.consolidate', { formId: SIX, period: '2022-H1', acceptedOnly: true });
    expect(accepted.included).toBe(1);

    const file = await so.call('reports.exportXlsx', { formId: SIX, period: '2022-H1' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Tổng hợp');
    const rows = sheet?.getSheetValues().filter(Boolean) as unknown[][];
    const row = rows.find((r) => r.includes('Số lao động được tạo việc làm mới'));
    expect(row).toEqual(expect.arrayContaining([2_100, 1_050, 50, 600, 450]));
    const sent = wb.getWorksheet('Tình hình gửi báo cáo')?.getSheetValues().filter(Boolean) as unknown[][];
    expect(sent.some((r) => r.includes('Phòng LĐTBXH Bình Gia') && r.includes('Gửi muộn'))).toBe(true);

    const p = await so.call('reports.printData', { formId: SIX, period: '2022-H1' });
    expect(p.subject).toBe('Kết quả công tác lao động, người có công và xã hội 6 tháng đầu năm 2022');
    expect(p.sentOffices).toEqual(['Phòng LĐTBXH Văn Quan', 'Phòng LĐTBXH Bình Gia']);
    expect(p.missingOffices).toHaveLength(9);
    expect(p.narrative.find((n) => n.indicatorId === 'tm.ket_qua')?.entries).toHaveLength(2);
  });
});
