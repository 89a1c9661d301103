import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../electron/domain/directives/extract';
import { dueState } from '../../../electron/domain/directives/dueState';
import { nextDueDate } from '../../../electron/domain/directives/recurrence';

describe('recurring duties', () => {
  it('prefers the monthly submission day over the data cut-off', () => {
    const d = parseDeadline('Báo cáo tháng, thời gian chốt số liệu ngày 25 tháng báo cáo, gửi về Bảo hiểm xã hội Việt Nam trước ngày 28 hàng tháng.').deadline;
    expect(d).toMatchObject({ kind: 'recurring', every: 'month', day: 28 });
  });

  it('reads a 6-month report with its first due day and a yearly one', () => {
    expect(parseDeadline('gửi báo cáo trước ngày 15 tháng 7 đối với báo cáo 6 tháng đầu năm và trước ngày 25 tháng 01 năm sau đối với báo cáo năm.').deadline)
      .toMatchObject({ kind: 'recurring', every: 'half', day: 15, month: 7 });
    expect(parseDeadline('Sở gửi báo cáo chậm nhất là ngày 15/01 năm kế tiếp của năm báo cáo.').deadline)
      .toMatchObject({ kind: 'recurring', every: 'year', day: 15, month: 1 });
  });

  it('generates the next due date per period', () => {
    expect(nextDueDate({ every: 'month', day: 28 }, '2024-02-29')).toBe('2024-03-28');
    expect(nextDueDate({ every: 'month', day: 31 }, '2024-02-10')).toBe('2024-02-29');
    expect(nextDueDate({ every: 'half', day: 15, month: 7 }, '2024-08-01')).toBe('2025-01-15');
    expect(nextDueDate({ every: 'year', day: 15, month: 1 }, '2024-01-16')).toBe('2025-01-15');
    expect(nextDueDate({ every: 'quarter' }, '2024-04-02')).toBe('2024-06-30');
  });

  it('counts down to the next period in the office list', () => {
    const s = dueState({ kind: 'recurring', every: 'month', day: 28, text: 'trước ngày 28 hàng tháng' }, null, new Date('2024-03-25T03:00:00Z'));
    expect(s).toEqual({ state: 'dueSoon', days: 3 });
  });
});
