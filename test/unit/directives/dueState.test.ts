import { afterEach, describe, expect, it } from 'vitest';
import { addDays, isoDate, lastDayOfQuarter, vnDay } from '../../../electron/domain/calendar';
import type { Deadline } from '../../../electron/domain/directives/deadlineSchema';
import { countdownLabel, dueState, type DueState } from '../../../electron/domain/directives/dueState';

const due30: Deadline = { kind: 'date', date: '2022-07-30', text: 'Thời gian 30/7/2022 thực hiện xong' };
const ongoing: Deadline = { kind: 'ongoing', text: 'Thường xuyên' };
const none: Deadline = { kind: 'none' };
const at = (iso: string): Date => new Date(iso);

describe('dueState (Asia/Ho_Chi_Minh days)', () => {
  it.each<[string, Deadline, string | Date | null, string, DueState]>([
    ['4 days ahead', due30, null, '2022-07-26T10:00:00Z', { state: 'upcoming', days: 4 }],
    ['3 days ahead is due soon', due30, null, '2022-07-27T01:00:00Z', { state: 'dueSoon', days: 3 }],
    ['last minute of the day before (VN 23:59)', due30, null, '2022-07-29T16:59:00Z', { state: 'dueSoon', days: 1 }],
    ['VN midnight: due today', due30, null, '2022-07-29T17:00:00Z', { state: 'dueToday', days: 0 }],
    ['23:30 UTC on the 29th is already the 30th in Vietnam', due30, null, '2022-07-29T23:30:00Z', { state: 'dueToday', days: 0 }],
    ['last second of the due day', due30, null, '2022-07-30T16:59:59Z', { state: 'dueToday', days: 0 }],
    ['one second later: overdue 1', due30, null, '2022-07-30T17:00:00Z', { state: 'overdue', days: 1 }],
    ['overdue 5 days', due30, null, '2022-08-04T03:00:00Z', { state: 'overdue', days: 5 }],
    ['done on the day', due30, '2022-07-30', '2022-08-10T00:00:00Z', { state: 'doneOnTime', days: 0 }],
    ['done 2 days early', due30, '2022-07-28', '2022-08-10T00:00:00Z', { state: 'doneOnTime', days: 2 }],
    ['done 3 days late', due30, '2022-08-02', '2022-08-10T00:00:00Z', { state: 'doneLate', days: 3 }],
    ['done at 18:00 UTC on the 30th = 01:00 on the 31st in VN: late', due30, at('2022-07-30T18:00:00Z'), '2022-08-10T00:00:00Z', { state: 'doneLate', days: 1 }],
    ['done at 16:00 UTC on the 30th = 23:00 VN: on time', due30, at('2022-07-30T16:00:00Z'), '2022-08-10T00:00:00Z', { state: 'doneOnTime', days: 0 }],
    ['done as an ISO timestamp text (UTC 18:00 = VN next day)', due30, '2022-07-30T18:00:00.000Z', '2022-08-10T00:00:00Z', { state: 'doneLate', days: 1 }],
    ['done as an ISO timestamp with +07:00', due30, '2022-07-30T23:00:00+07:00', '2022-08-10T00:00:00Z', { state: 'doneOnTime', days: 0 }],
    ['ongoing', ongoing, null, '2022-08-10T00:00:00Z', { state: 'ongoing', days: 0 }],
    ['ongoing, done', ongoing, '2022-08-01', '2022-08-10T00:00:00Z', { state: 'doneOnTime', days: 0 }],
    ['no deadline', none, null, '2022-08-10T00:00:00Z', { state: 'none', days: 0 }],
    ['no deadline, done', none, '2022-08-01', '2022-08-10T00:00:00Z', { state: 'doneOnTime', days: 0 }],
    ['across a year end', { kind: 'date', date: '2023-01-02', text: '' }, null, '2022-12-31T18:00:00Z', { state: 'dueSoon', days: 1 }],
    ['across 29 February', { kind: 'date', date: '2024-03-01', text: '' }, null, '2024-02-27T12:00:00Z', { state: 'dueSoon', days: 3 }],
  ])('%s', (_name, deadline, done, now, expected) => {
    expect(dueState(deadline, done, at(now))).toEqual(expected);
  });

  it('the due-soon window can be widened', () => {
    expect(dueState(due30, null, at('2022-07-24T03:00:00Z'), { dueSoonDays: 7 })).toEqual({ state: 'dueSoon', days: 6 });
  });

  describe('does not depend on the PC time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    it.each(['America/Los_Angeles', 'Asia/Tokyo', 'UTC'])('%s', (tz) => {
      process.env.TZ = tz;
      expect(dueState(due30, null, at('2022-07-29T23:30:00Z'))).toEqual({ state: 'dueToday', days: 0 });
      expect(vnDay(at('2022-07-29T16:59:59Z'))).toBe('2022-07-29');
      expect(vnDay(at('2022-07-29T17:00:00Z'))).toBe('2022-07-30');
    });
  });
});

describe('countdownLabel', () => {
  it.each<[DueState, string, number]>([
    [{ state: 'upcoming', days: 10 }, 'directives:due.remaining', 10],
    [{ state: 'dueSoon', days: 3 }, 'directives:due.remaining', 3],
    [{ state: 'dueToday', days: 0 }, 'directives:due.dueToday', 0],
    [{ state: 'overdue', days: 5 }, 'directives:due.overdue', 5],
    [{ state: 'ongoing', days: 0 }, 'directives:due.ongoing', 0],
    [{ state: 'none', days: 0 }, 'directives:due.none', 0],
    [{ state: 'doneOnTime', days: 2 }, 'directives:due.doneOnTime', 2],
    [{ state: 'doneLate', days: 1 }, 'directives:due.doneLate', 1],
  ])('%o', (s, key, count) => {
    expect(countdownLabel(s)).toEqual({ key, count });
  });
});

describe('calendar', () => {
  it.each<[number, number, number, string | null]>([
    [2022, 7, 30, '2022-07-30'],
    [2022, 2, 29, null],
    [2024, 2, 29, '2024-02-29'],
    [2022, 2, 31, null],
    [2022, 13, 1, null],
    [2022, 4, 31, null],
  ])('isoDate(%i, %i, %i)', (y, m, d, out) => {
    expect(isoDate(y, m, d)).toBe(out);
  });

  it('adds days and finds quarter ends', () => {
    expect(addDays('2022-08-15', -1)).toBe('2022-08-14');
    expect(addDays('2023-01-01', -1)).toBe('2022-12-31');
    expect(lastDayOfQuarter(2022, 3)).toBe('2022-09-30');
    expect(lastDayOfQuarter(2022, 4)).toBe('2022-12-31');
    expect(lastDayOfQuarter(2022, 5)).toBeNull();
  });
});
