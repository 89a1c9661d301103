import { describe, expect, it } from 'vitest';
import { dueWithin, overdueTasks, progressToReview, returnedTasks, silentOffices, type TaskFact } from '../../../electron/domain/inbox/select';
import { daysBetween } from '../../../electron/domain/reports/periods';

const fact = (over: Partial<TaskFact>): TaskFact => ({
  taskId: 't1',
  content: 'Xây dựng Kế hoạch giảm nghèo bền vững năm 2022',
  directiveTitle: 'Thông báo kết luận của Giám đốc Sở',
  office: 'VANQUAN',
  officeName: 'Phòng LĐTBXH Văn Quan',
  status: 'inProgress',
  due: { state: 'upcoming', days: 10 },
  review: null,
  changedSinceReview: false,
  returnComment: null,
  ...over,
});

describe('việc cần xử lý', () => {
  it('the Sở reviews done work not yet reviewed or changed after its review; never accepted unchanged work', () => {
    const facts = [
      fact({ taskId: 'a', status: 'done', due: { state: 'doneOnTime', days: 1 } }),
      fact({ taskId: 'b', status: 'done', review: 'accepted' }),
      fact({ taskId: 'c', status: 'done', review: 'returned', changedSinceReview: true }),
      fact({ taskId: 'd', status: 'inProgress' }),
    ];
    expect(progressToReview(facts).map((i) => i.taskId)).toEqual(['a', 'c']);
  });

  it('an office sees returned tasks with the comment, deadlines in 7 days and overdue work, never done work', () => {
    const facts = [
      fact({ taskId: 'r', review: 'returned', returnComment: 'Bổ sung số liệu hộ nghèo theo xã' }),
      fact({ taskId: 's', due: { state: 'dueSoon', days: 3 } }),
      fact({ taskId: 'w', due: { state: 'upcoming', days: 7 } }),
      fact({ taskId: 'x', due: { state: 'upcoming', days: 8 } }),
      fact({ taskId: 'today', due: { state: 'dueToday', days: 0 } }),
      fact({ taskId: 'o', due: { state: 'overdue', days: 4 } }),
      fact({ taskId: 'done', status: 'done', due: { state: 'doneLate', days: 2 } }),
    ];
    expect(returnedTasks(facts)).toMatchObject([{ taskId: 'r', comment: 'Bổ sung số liệu hộ nghèo theo xã' }]);
    expect(dueWithin(facts, 7).map((i) => i.taskId)).toEqual(['today', 's', 'w']);
    expect(overdueTasks(facts).map((i) => [i.taskId, i.days])).toEqual([['o', 4]]);
  });

  it('offices silent longer than the setting, the never-heard-from first', () => {
    const peers = [
      { office: 'VANQUAN', officeName: 'Văn Quan', lastReceivedOn: '2022-07-01' },
      { office: 'VANQUAN', officeName: 'Văn Quan', lastReceivedOn: '2022-07-28' },
      { office: 'BINHGIA', officeName: 'Bình Gia', lastReceivedOn: '2022-07-10' },
      { office: 'CAOLOC', officeName: 'Cao Lộc', lastReceivedOn: null },
    ];
    expect(silentOffices(peers, '2022-08-01', 14, daysBetween)).toEqual([
      { office: 'CAOLOC', officeName: 'Cao Lộc', lastReceivedOn: null, days: null },
      { office: 'BINHGIA', officeName: 'Bình Gia', lastReceivedOn: '2022-07-10', days: 22 },
    ]);
  });
});
