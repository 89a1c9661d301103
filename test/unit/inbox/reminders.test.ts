import { describe, expect, it } from 'vitest';
import { remindersOf, type ReportFact } from '../../../electron/domain/inbox/reminders';
import type { TaskFact } from '../../../electron/domain/inbox/select';
import { nextReminderAt, scheduleReminders, type Timers } from '../../../electron/core/inbox/reminderSchedule';

const task = (over: Partial<TaskFact>): TaskFact => ({
  taskId: 't',
  content: 'Rà soát hộ nghèo, hộ cận nghèo năm 2026',
  directiveTitle: 'Kế hoạch rà soát hộ nghèo năm 2026',
  office: 'VANQUAN',
  officeName: 'Phòng LĐTBXH Văn Quan',
  status: 'inProgress',
  due: { state: 'upcoming', days: 20 },
  review: null,
  changedSinceReview: false,
  returnComment: null,
  ...over,
});

const report = (over: Partial<ReportFact>): ReportFact => ({
  formId: 'ldtbxh-6-thang',
  formTitle: 'Báo cáo kết quả công tác lao động, người có công và xã hội 6 tháng đầu năm',
  period: '2026-H1',
  dueDate: '2026-06-15',
  state: 'notStarted',
  overdue: false,
  daysLeft: 30,
  comment: null,
  ...over,
});

describe('which items remind an office', () => {
  it('returned work and deadlines within 7 days remind; done, cannot-do, far, overdue and sent work never do', () => {
    const tasks = [
      task({ taskId: 'soon', due: { state: 'dueSoon', days: 3 } }),
      task({ taskId: 'today', due: { state: 'dueToday', days: 0 } }),
      task({ taskId: 'week', status: 'notStarted', due: { state: 'upcoming', days: 7 } }),
      task({ taskId: 'eight', due: { state: 'upcoming', days: 8 } }),
      task({ taskId: 'done-soon', status: 'done', due: { state: 'doneOnTime', days: 2 } }),
      task({ taskId: 'cannot', status: 'cannotDo', due: { state: 'dueSoon', days: 1 } }),
      task({ taskId: 'overdue', due: { state: 'overdue', days: 400 } }),
      task({ taskId: 'returned', status: 'done', due: { state: 'doneOnTime', days: 5 }, review: 'returned', returnComment: 'Bổ sung danh sách hộ theo từng xã' }),
      task({ taskId: 'returned-fixed', status: 'done', review: 'returned', changedSinceReview: true }),
      task({ taskId: 'accepted', status: 'done', review: 'accepted' }),
    ];
    const reports = [
      report({ period: '2026-H1', state: 'draft', daysLeft: 2 }),
      report({ period: '2026-Q1', state: 'sentOnTime', daysLeft: 1 }),
      report({ period: '2025-Y', state: 'notStarted', overdue: true, daysLeft: -20 }),
      report({ period: '2025-H2', state: 'returned', overdue: true, daysLeft: -5, comment: 'Chỉ tiêu 3 lệch với số hộ' }),
      report({ period: '2026-Y', state: 'notStarted', daysLeft: 200 }),
    ];
    const got = remindersOf(tasks, reports, 7);
    expect(got.map((r) => [r.kind, r.ref, r.days])).toEqual([
      ['returned', 'returned', 0],
      ['returned', 'ldtbxh-6-thang/2025-H2', 0],
      ['dueSoon', 'today', 0],
      ['dueSoon', 'ldtbxh-6-thang/2026-H1', 2],
      ['dueSoon', 'soon', 3],
      ['dueSoon', 'week', 7],
    ]);
    expect(got[0]?.comment).toBe('Bổ sung danh sách hộ theo từng xã');
    expect(got[1]?.comment).toBe('Chỉ tiêu 3 lệch với số hộ');
  });

  it('nothing to do, nothing reminds', () => {
    expect(remindersOf([task({ status: 'done', due: { state: 'doneLate', days: 3 }, review: 'accepted' })], [report({ state: 'accepted', daysLeft: 1 })], 7)).toEqual([]);
  });
});

describe('when reminders fire', () => {
  it('the next 08:00 in Vietnam (01:00 UTC), later the same day or the next morning', () => {
    expect(nextReminderAt(new Date('2026-12-05T00:30:00Z')).toISOString()).toBe('2026-12-05T01:00:00.000Z');
    expect(nextReminderAt(new Date('2026-12-05T01:00:00Z')).toISOString()).toBe('2026-12-06T01:00:00.000Z');
    // 23:30 on 31/12 in Vietnam is still 31/12 there: the next reminder is the morning of 1/1.
    expect(nextReminderAt(new Date('2026-12-31T16:30:00Z')).toISOString()).toBe('2027-01-01T01:00:00.000Z');
  });

  it('at start, then each morning; a failed run does not stop the next; stop cancels it', async () => {
    let now = new Date('2026-12-05T03:00:00Z'); // 10:00 in Vietnam
    const pending: Array<{ fn: () => void; at: number; cleared: boolean }> = [];
    const timers: Timers = {
      set: (fn, ms) => {
        const h = { fn, at: now.getTime() + ms, cleared: false };
        pending.push(h);
        return h;
      },
      clear: (h) => void ((h as { cleared: boolean }).cleared = true),
    };
    const runs: string[] = [];
    const errors: unknown[] = [];
    const settle = () => new Promise((r) => setTimeout(r, 0));
    const fire = async (): Promise<void> => {
      const h = pending.shift();
      if (!h || h.cleared) throw new Error('nothing scheduled');
      now = new Date(h.at);
      h.fn();
      await settle();
    };
    const schedule = scheduleReminders({
      now: () => now,
      remind: async () => {
        runs.push(now.toISOString());
        if (runs.length === 2) throw new Error('đĩa đầy');
      },
      onError: (e) => errors.push(e),
      timers,
    });
    await settle();
    expect(runs).toEqual(['2026-12-05T03:00:00.000Z']);
    await fire();
    await fire();
    expect(runs).toEqual(['2026-12-05T03:00:00.000Z', '2026-12-06T01:00:00.000Z', '2026-12-07T01:00:00.000Z']);
    expect(errors).toHaveLength(1);
    schedule.stop();
    expect(pending.every((h) => h.cleared)).toBe(true);
  });
});
