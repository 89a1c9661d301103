import { describe, expect, it } from 'vitest';
import { completeness, reportState, type ReportStatusInput } from '../../../electron/domain/reports/completeness';
import { SIX_MONTH_FORM } from '../../../electron/domain/reports/defaultForms';
import { dueDate } from '../../../electron/domain/reports/periods';
import { TEST_FORM } from './fixtures';

/** TEST_FORM: due 10 days after the period ends, so 2022-H1 is due 10/7/2022. */
const DUE = '2022-07-10';
const hlcAt = (iso: string): string => `${String(Date.parse(iso)).padStart(15, '0')}-000000-vanquan01`;
const base = { office: 'X', period: '2022-H1', formVersion: 1 } as const;

describe('trạng thái một báo cáo', () => {
  it('hạn nộp của kỳ', () => {
    expect(dueDate(TEST_FORM.dueRule, '2022-H1')).toBe(DUE);
  });

  it.each<[string, ReportStatusInput | undefined, string]>([
    ['chưa có báo cáo', undefined, 'notStarted'],
    ['đang soạn', { ...base, status: 'draft', rev: 1 }, 'draft'],
    ['gửi đúng hạn ngày 10/7', { ...base, status: 'complete', rev: 1, sentAt: '2022-07-10' }, 'sentOnTime'],
    ['gửi muộn 1 ngày: 11/7', { ...base, status: 'complete', rev: 1, sentAt: '2022-07-11' }, 'sentLate'],
    ['hoàn thành 23:30 ngày 10/7 giờ Việt Nam (HLC)', { ...base, status: 'complete', completedAt: hlcAt('2022-07-10T16:30:00Z') }, 'sentOnTime'],
    ['hoàn thành 00:30 ngày 11/7 giờ Việt Nam (HLC)', { ...base, status: 'complete', completedAt: hlcAt('2022-07-10T17:30:00Z') }, 'sentLate'],
    ['ngày gửi ưu tiên hơn ngày hoàn thành', { ...base, status: 'complete', completedAt: '2022-07-01', sentAt: '2022-07-12' }, 'sentLate'],
    ['đồng hồ huyện chạy nhanh: Sở nhận 9/7 thì không thể gửi 15/7', { ...base, status: 'complete', sentAt: '2022-07-15', receivedAt: '2022-07-09' }, 'sentOnTime'],
    ['hoàn thành 10/7, Sở nhận 14/7: muộn tại Sở', { ...base, status: 'complete', completedAt: '2022-07-10', sentAt: '2022-07-10', receivedAt: '2022-07-14' }, 'sentLate'],
    ['Sở nhận đúng ngày hạn 10/7', { ...base, status: 'complete', completedAt: '2022-07-08', receivedAt: '2022-07-10T16:00:00.000Z' }, 'sentOnTime'],
    ['không có ngày nào: không coi là muộn', { ...base, status: 'complete' }, 'sentOnTime'],
    ['Sở chấp nhận', { ...base, status: 'complete', rev: 2, sentAt: '2022-07-05', review: { state: 'accepted', reportRev: 2 } }, 'accepted'],
    ['Sở trả lại', { ...base, status: 'complete', rev: 2, sentAt: '2022-07-05', review: { state: 'returned', reportRev: 2 } }, 'returned'],
    ['bị trả lại, đang sửa (bản nháp mới)', { ...base, status: 'draft', rev: 3, sentAt: '2022-07-05', review: { state: 'returned', reportRev: 2 } }, 'returned'],
    ['bị trả lại, đã sửa và gửi lại: tính theo lần gửi đầu', { ...base, status: 'complete', rev: 3, sentAt: '2022-07-05', review: { state: 'returned', reportRev: 2 } }, 'sentOnTime'],
  ])('%s → %s', (_name, report, state) => {
    expect(reportState(report, DUE)).toBe(state);
  });

  it('a report received after its deadline is late at the Sở, with the sent and received dates both shown', () => {
    const r = completeness({
      form: { dueRule: { kind: 'daysAfterPeriodEnd', days: 10 } },
      offices: ['VANQUAN'],
      periods: ['2022-H1'],
      reports: [{ office: 'VANQUAN', period: '2022-H1', status: 'complete', rev: 1, completedAt: '2022-07-09', sentAt: '2022-07-09T08:00:00+07:00', receivedAt: '2022-07-13T02:00:00.000Z' }],
      asOf: '2022-07-20',
    });
    expect(r.cells[0]).toMatchObject({ state: 'sentLate', dueDate: '2022-07-10', submittedOn: '2022-07-09', receivedOn: '2022-07-13', onTime: false, daysLate: 3 });
    expect(r.totals.late).toBe(1);
  });
});

describe('bảng đủ/đúng hạn của Sở', () => {
  const offices = ['TPLS', 'TRANGDINH', 'VANLANG', 'VANQUAN', 'BINHGIA', 'BACSON'];
  const reports: ReportStatusInput[] = [
    // TPLS: nothing
    { office: 'TRANGDINH', period: '2022-H1', status: 'draft', rev: 1 },
    { office: 'VANLANG', period: '2022-H1', status: 'complete', rev: 1, sentAt: '2022-07-10', formVersion: 1 },
    { office: 'VANQUAN', period: '2022-H1', status: 'complete', rev: 1, sentAt: '2022-07-11', formVersion: 2 },
    { office: 'BINHGIA', period: '2022-H1', status: 'complete', rev: 2, sentAt: '2022-07-08', review: { state: 'accepted', reportRev: 2 } },
    { office: 'BACSON', period: '2022-H1', status: 'complete', rev: 2, sentAt: '2022-07-09', review: { state: 'returned', reportRev: 2 } },
    // A second PC of Văn Lãng still holds an older draft: the complete one wins.
    { office: 'VANLANG', period: '2022-H1', status: 'draft', rev: 3 },
    // H2 reports are not due yet on 20/7/2022.
    { office: 'BINHGIA', period: '2022-H2', status: 'draft', rev: 1 },
  ];
  const result = completeness({ form: TEST_FORM, offices, periods: ['2022-H1', '2022-H2'], reports, asOf: '2022-07-20' });

  it('ô theo đơn vị × kỳ', () => {
    const h1 = result.cells.filter((c) => c.period === '2022-H1');
    expect(h1.map((c) => [c.office, c.state])).toEqual([
      ['TPLS', 'notStarted'],
      ['TRANGDINH', 'draft'],
      ['VANLANG', 'sentOnTime'],
      ['VANQUAN', 'sentLate'],
      ['BINHGIA', 'accepted'],
      ['BACSON', 'returned'],
    ]);
    expect(h1.find((c) => c.office === 'VANQUAN')).toMatchObject({ daysLate: 1, onTime: false, submittedOn: '2022-07-11', formVersion: 2 });
    expect(h1.find((c) => c.office === 'TPLS')).toMatchObject({ overdue: true, daysOverdue: 10, onTime: null, daysLate: null });
    expect(result.cells).toHaveLength(12);
    expect(result.cells.find((c) => c.office === 'BINHGIA' && c.period === '2022-H2')).toMatchObject({ state: 'draft', overdue: false, dueDate: '2023-01-10' });
  });

  it('tổng: số lượng và tỷ lệ, kỳ chưa đến hạn không kéo tỷ lệ xuống', () => {
    expect(result.totals).toEqual({
      cells: 12,
      expected: 6,
      counts: { notStarted: 6, draft: 2, sentOnTime: 1, sentLate: 1, accepted: 1, returned: 1 },
      received: 4,
      onTime: 3,
      late: 1,
      completenessPct: 66.7,
      timelinessPct: 50,
      acceptedPct: 16.7,
    });
    expect(result.byPeriod['2022-H2']).toMatchObject({ expected: 0, completenessPct: null });
    expect(result.byOffice['VANQUAN']).toMatchObject({ expected: 1, received: 1, onTime: 0, late: 1, completenessPct: 100, timelinessPct: 0 });
  });

  it('danh sách cần đôn đốc: bị trả lại trước, rồi quá hạn lâu nhất', () => {
    expect(result.chase.map((c) => [c.office, c.reason, c.daysOverdue, c.messageKey])).toEqual([
      ['BACSON', 'returned', 0, 'reports:chase.returned'],
      ['TPLS', 'overdue', 10, 'reports:chase.overdue'],
      ['TRANGDINH', 'overdue', 10, 'reports:chase.overdue'],
    ]);
    expect(result.chase[1]?.params).toEqual({ count: 10 });
  });

  it('đúng ngày hạn chưa phải quá hạn; hôm sau mới quá hạn 1 ngày', () => {
    const onDue = completeness({ form: TEST_FORM, offices: ['TPLS'], periods: ['2022-H1'], reports: [], asOf: DUE });
    expect(onDue.chase).toEqual([]);
    expect(onDue.totals.expected).toBe(0);
    const dayAfter = completeness({ form: TEST_FORM, offices: ['TPLS'], periods: ['2022-H1'], reports: [], asOf: '2022-07-11' });
    expect(dayAfter.chase.map((c) => c.daysOverdue)).toEqual([1]);
    expect(dayAfter.totals.completenessPct).toBe(0);
  });

  it('mẫu 6 tháng mặc định: hạn 15/6, gửi 16/6 là muộn', () => {
    const r = completeness({
      form: SIX_MONTH_FORM,
      offices: ['VANQUAN', 'BINHGIA'],
      periods: ['2022-H1'],
      reports: [
        { office: 'VANQUAN', period: '2022-H1', status: 'complete', sentAt: '2022-06-15' },
        { office: 'BINHGIA', period: '2022-H1', status: 'complete', sentAt: '2022-06-16' },
      ],
      asOf: '2022-07-01',
    });
    expect(r.cells.map((c) => c.state)).toEqual(['sentOnTime', 'sentLate']);
  });
});
