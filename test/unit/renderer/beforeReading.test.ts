import { describe, expect, it } from 'vitest';
import { applyBeforeReading, hasBeforeDeadlines, newTask, type DraftTask } from '../../../renderer/tasks/directives/draft';

/** "trước ngày X" is read as due X − 1 or X, at the officer's choice, for every task read from such words. */
const task = (date: string, beforeDay: string | null, text = 'trước ngày 10/7/2025'): DraftTask => ({
  ...newTask(null),
  deadline: { kind: 'date', date, text },
  hint: { undecided: [], warnings: [], lead: null, beforeDay },
});

describe('reading of "trước ngày X"', () => {
  it('moves deadlines read from "trước ngày X" between X − 1 and X, across a month end', () => {
    const tasks = [task('2025-07-09', '2025-07-10'), task('2025-05-31', '2025-06-01', 'trước ngày 01/6/2025'), task('2025-12-31', null, 'chậm nhất ngày 31/12/2025')];
    expect(hasBeforeDeadlines(tasks)).toBe(true);
    const same = applyBeforeReading(tasks, 'sameDay');
    expect(same.map((t) => t.deadline.kind === 'date' && t.deadline.date)).toEqual(['2025-07-10', '2025-06-01', '2025-12-31']);
    const back = applyBeforeReading(same, 'dayBefore');
    expect(back.map((t) => t.deadline.kind === 'date' && t.deadline.date)).toEqual(['2025-07-09', '2025-05-31', '2025-12-31']);
    // The notice's words stay with the date.
    expect(same[0]?.deadline).toMatchObject({ text: 'trước ngày 10/7/2025' });
  });

  it('leaves a date the officer typed himself alone', () => {
    const typed = task('2025-07-03', '2025-07-10');
    expect(applyBeforeReading([typed], 'sameDay')[0]?.deadline).toMatchObject({ date: '2025-07-03' });
    expect(hasBeforeDeadlines([task('2025-12-31', null)])).toBe(false);
  });
});
