import { describe, expect, it } from 'vitest';
import { completionDay, completionProblem } from '../../../electron/domain/directives/completion';
import { dueState } from '../../../electron/domain/directives/dueState';

describe('the day a task was really finished', () => {
  const deadline = { kind: 'date' as const, date: '2022-07-30', text: 'Thời gian 30/7/2022 thực hiện xong' };

  it('a task finished on 29/7 and entered 30 days late (28/8) is done on time', () => {
    const enteredOn = new Date(Date.UTC(2022, 7, 28, 3, 0));
    const day = completionDay('2022-07-29', null, '2022-08-28');
    expect(completionProblem(day, { today: '2022-08-28', assignedOn: '2022-07-22' })).toBeNull();
    expect(dueState(deadline, day, enteredOn)).toEqual({ state: 'doneOnTime', days: 1 });
    // What the app measured before: the day of entry, 29 days late.
    expect(dueState(deadline, enteredOn, enteredOn)).toEqual({ state: 'doneLate', days: 29 });
  });

  it('refuses a day not yet come and a day before the task was assigned', () => {
    expect(completionProblem('2022-08-29', { today: '2022-08-28', assignedOn: '2022-07-22' })).toBe('future');
    expect(completionProblem('2022-07-21', { today: '2022-08-28', assignedOn: '2022-07-22' })).toBe('beforeAssignment');
    expect(completionProblem('2022-07-22', { today: '2022-08-28', assignedOn: '2022-07-22' })).toBeNull();
    expect(completionProblem('2020-01-01', { today: '2022-08-28', assignedOn: null })).toBeNull();
  });

  it('keeps the recorded day when nothing new is typed, else today', () => {
    expect(completionDay(null, '2022-07-29', '2022-08-28')).toBe('2022-07-29');
    expect(completionDay(null, null, '2022-08-28')).toBe('2022-08-28');
    expect(completionDay('2022-07-25', '2022-07-29', '2022-08-28')).toBe('2022-07-25');
  });
});
