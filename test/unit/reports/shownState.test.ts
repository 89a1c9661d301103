import { describe, expect, it } from 'vitest';
import { reportState, shownState, type ReportStatusInput } from '../../../electron/domain/reports/completeness';
import { stateLabel } from '../../../renderer/reports/labels';
import { reportsI18n } from './i18nHelper';

/** Due 10/7/2022 (TEST_FORM: 10 days after the half-year). */
const DUE = '2022-07-10';
const done = (completedAt: string): ReportStatusInput => ({ office: 'VANQUAN', period: '2022-H1', status: 'complete', rev: 1, completedAt });

describe('nhãn trạng thái báo cáo ở đơn vị (issue 13: "Gửi muộn" chỉ khi đã gửi)', () => {
  it('hoàn thành 12/7 nhưng chưa gửi: "Quá hạn, chưa gửi", không phải "Gửi muộn"', async () => {
    const t = (await reportsI18n('vi')).t;
    const state = reportState(done('2022-07-12'), DUE);
    expect(state).toBe('sentLate');
    expect(stateLabel(t, shownState(state, false, DUE, '2022-07-15'))).toBe('Quá hạn, chưa gửi');
    // Once it has left in a bundle, the late sending is named.
    expect(stateLabel(t, shownState(state, true, DUE, '2022-07-15'))).toBe('Gửi muộn');
  });

  it('hoàn thành 5/7, chưa gửi, hôm nay 8/7: "Hoàn thành, chưa gửi"; qua ngày 10/7 thì quá hạn', async () => {
    const t = (await reportsI18n('vi')).t;
    const state = reportState(done('2022-07-05'), DUE);
    expect(stateLabel(t, shownState(state, false, DUE, '2022-07-08'))).toBe('Hoàn thành, chưa gửi');
    expect(stateLabel(t, shownState(state, false, DUE, '2022-07-10'))).toBe('Hoàn thành, chưa gửi');
    expect(stateLabel(t, shownState(state, false, DUE, '2022-07-11'))).toBe('Quá hạn, chưa gửi');
    expect(stateLabel(t, shownState(state, true, DUE, '2022-07-11'))).toBe('Đã gửi đúng hạn');
  });

  it('bản nháp, bị trả lại, đã chấp nhận giữ nguyên nhãn của mình', () => {
    for (const s of ['notStarted', 'draft', 'returned', 'accepted'] as const) expect(shownState(s, false, DUE, '2022-08-01')).toBe(s);
  });

  it('tiếng Anh có nhãn riêng', async () => {
    const t = (await reportsI18n('en')).t;
    expect(stateLabel(t, 'overdueNotSent')).toBe('Overdue, not sent');
    expect(stateLabel(t, 'completedNotSent')).toBe('Completed, not sent');
  });
});
