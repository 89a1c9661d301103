import { describe, it, expect, afterAll } from 'vitest';
import ExcelJS from 'exceljs';
import { openOffice, type Office } from './twoOffices';
import { carry as carryBundle, exchangeKeys, usbStick } from './syncHelpers';

// 1 Aug 2022, 09:00 in Vietnam: after the 30/7/2022 deadline of the poverty plan task.
let clock = Date.UTC(2022, 6, 26, 2, 0);
const now = () => clock;
const opened: Office[] = [];
afterAll(async () => {
  for (const o of opened) await o.core.close();
});

/**
 * Carry by real bundle files: key cards exchanged once per pair, then export, file, import with
 * every check. `kinds` only says what the step is about: a bundle carries everything the
 * recipient has not acknowledged yet.
 */
const paired = new Set<string>();
async function carry(from: Office, to: Office, _kinds: string[]): Promise<void> {
  const pair = [from.dataDir, to.dataDir].sort().join('|');
  if (!paired.has(pair)) {
    await exchangeKeys(from, to, usbStick('keys'));
    paired.add(pair);
  }
  await carryBundle(from, to);
}

describe('directive → tasks → progress → review, Sở and Văn Quan', () => {
  it('runs the seed notice end to end', async () => {
    const so = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường', { now });
    const vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan', { now });
    opened.push(so, vq);

    const { directive, tasks } = await so.call('directives.loadSample', {});
    expect(directive.date).toBe('2022-07-22');
    const plan = tasks.find((t) => t.requiredContents.length === 5);
    expect(plan?.deadline).toMatchObject({ kind: 'date', date: '2022-07-30' });
    expect(plan?.assignees).toHaveLength(11);
    const xkld = tasks.find((t) => t.content.includes('xuất khẩu lao động'));
    expect(xkld?.assignees.sort()).toEqual(['BINHGIA', 'VANQUAN']);

    await carry(so, vq, ['directive', 'task']);
    const fresh = await vq.call('inbox.get', {});
    expect(fresh.role === 'office' && fresh.newDirectives.map((d) => d.id)).toEqual([directive.id]);
    const mine = await vq.call('tasks.list', {});
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.every((r) => r.assignments.length === 1 && r.assignments[0]?.office === 'VANQUAN')).toBe(true);

    // Completion is refused while a required content is missing.
    const planId = plan?.id as string;
    await expect(
      vq.call('progress.save', {
        taskId: planId,
        status: 'done',
        percent: null,
        narrative: 'Đã tham mưu UBND huyện ban hành Kế hoạch.',
        requiredContents: { 'Mục tiêu': 'Giảm tỷ lệ hộ nghèo 3%/năm' },
      }),
    ).rejects.toMatchObject({ code: 'REQUIRED_CONTENTS_MISSING' });

    // Finished on 29/7 (on time) but entered 30 days later, on 28/8: the office types the real
    // day and the số/ngày of its report; a day not yet come or before the directive is refused.
    clock = Date.UTC(2022, 7, 28, 3, 0);
    const filled = Object.fromEntries((plan?.requiredContents ?? []).map((k) => [k, `Nội dung: ${k}`]));
    const entry = { taskId: planId, status: 'done' as const, percent: null, narrative: 'Đã ban hành Kế hoạch số 85/KH-UBND.', requiredContents: filled };
    await expect(vq.call('progress.save', { ...entry, completedOn: '2022-08-29' })).rejects.toMatchObject({ code: 'COMPLETED_IN_FUTURE' });
    await expect(vq.call('progress.save', { ...entry, completedOn: '2022-07-21' })).rejects.toMatchObject({ code: 'COMPLETED_BEFORE_ASSIGNMENT' });
    await expect(vq.call('progress.save', { ...entry, status: 'inProgress', completedOn: '2022-07-29' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const done = await vq.call('progress.save', { ...entry, completedOn: '2022-07-29', reportRef: { number: '312/BC-LĐTBXH', date: '2022-07-29' } });
    expect(done).toMatchObject({ completedOn: '2022-07-29', reportRef: { number: '312/BC-LĐTBXH', date: '2022-07-29' } });
    // The day of entry stays in the record and its audit trail.
    expect(done.updatedAt.slice(0, 10)).toBe('2022-08-28');
    // Re-saving without a day keeps the recorded one.
    expect((await vq.call('progress.save', { ...entry, narrative: 'Đã ban hành Kế hoạch số 85/KH-UBND ngày 29/7/2022.' })).completedOn).toBe('2022-07-29');

    // Before Văn Quan's first bundle the Sở's inbox lists it as never heard from.
    const before = await so.call('inbox.get', {});
    expect(before.role === 'so' && before.silent.map((s) => [s.office, s.lastReceivedOn])).toEqual([['VANQUAN', null]]);
    await carry(vq, so, ['progress', 'audit']);
    // 28/8: the plan deadline has passed for the others.
    const inbox = await so.call('inbox.get', {});
    if (inbox.role !== 'so') throw new Error('not the Sở');
    // Heard from today: no longer silent (the inbox reads the same peers state the import wrote).
    expect(inbox.silent).toEqual([]);
    expect(inbox.progressToReview.map((i) => [i.taskId, i.office])).toEqual([[planId, 'VANQUAN']]);
    expect(inbox.lastImport).toMatchObject({ progress: 1, reports: 0, offices: [expect.stringContaining('Văn Quan')] });
    const dash = await so.call('dashboard.get', { directiveId: directive.id });
    const planRow = dash.rows.find((r) => r.task.id === planId);
    expect(planRow?.assignments.find((a) => a.office === 'VANQUAN')?.due.state).toBe('doneOnTime');
    expect(planRow?.assignments.filter((a) => a.due.state === 'overdue')).toHaveLength(10);
    expect(dash.overdue.some((o) => o.office === 'BINHGIA')).toBe(true);
    expect(dash.total.doneOnTime).toBe(1);
    expect(dash.total.doneLate).toBe(0);

    // Returned: the office sees it on its home page with the comment, fixes it from there.
    await so.call('reviews.save', { taskId: planId, office: 'VANQUAN', outcome: 'returned', comment: 'Bổ sung chỉ tiêu giảm nghèo theo từng xã.' });
    await carry(so, vq, ['review']);
    const back = await vq.call('inbox.get', {});
    expect(back.role === 'office' && back.returnedTasks).toMatchObject([{ taskId: planId, comment: 'Bổ sung chỉ tiêu giảm nghèo theo từng xã.' }]);
    // That bundle brought no directive: the one received before is no longer "new".
    expect(back.role === 'office' && back.newDirectives).toEqual([]);
    await vq.call('progress.save', { ...entry, narrative: 'Đã bổ sung chỉ tiêu theo từng xã.' });
    const after = await vq.call('inbox.get', {});
    expect(after.role === 'office' && after.returnedTasks).toEqual([]);
    await carry(vq, so, ['progress']);
    const again = await so.call('inbox.get', {});
    expect(again.role === 'so' && again.progressToReview.map((i) => i.taskId)).toEqual([planId]);
    const review = await so.call('reviews.save', { taskId: planId, office: 'VANQUAN', outcome: 'accepted', comment: 'Đạt yêu cầu.' });
    const cleared = await so.call('inbox.get', {});
    expect(cleared.role === 'so' && cleared.progressToReview).toEqual([]);
    await carry(so, vq, ['review']);
    const detail = await vq.call('tasks.get', { id: planId });
    expect(detail.row.assignments[0]?.review).toBe('accepted');
    expect(detail.reviews[0]?.progressHlc).toBe(review.progressHlc);
    expect(detail.audit.some((a) => a.by === 'Hoàng Thị Lan' && a.changes.some((c) => c.field === 'status' && c.to === 'done'))).toBe(true);

    const hits = await so.call('search.query', { q: 'van quan xuat khau' });
    expect(hits.some((h) => h.kind === 'task' && h.taskId === xkld?.id)).toBe(true);
  });

  it('exports the matrix with Vietnamese headers, real dates and formula-looking text as text', async () => {
    const so = opened[0] as Office;
    const list = await so.call('directives.list', {});
    const d = list[0]?.directive;
    if (!d) throw new Error('no directive');
    const full = await so.call('directives.get', { id: d.id });
    await so.call('directives.save', {
      id: d.id,
      directive: { ...d },
      tasks: [...full.tasks.map((t) => ({ ...t })), { field: 'KHAC', content: '=1+1', assignees: ['CAOLOC'], assigneeGroups: [], deadline: { kind: 'date', date: '2022-09-30' }, requiredContents: [] }],
    });
    const file = await so.call('exports.matrixXlsx', { directiveId: d.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.getRow(3).getCell(4).value).toBe('Nội dung nhiệm vụ');
    let formulaCell: ExcelJS.Cell | undefined;
    let dateCell: ExcelJS.Cell | undefined;
    ws.eachRow((row) => {
      // Formula-looking text is written with a leading apostrophe (issue 10): shown, never run.
      if (row.getCell(4).value === "'=1+1") formulaCell = row.getCell(4);
      if (row.getCell(4).value === "'=1+1") dateCell = row.getCell(5);
    });
    expect(formulaCell?.type).toBe(ExcelJS.ValueType.String);
    expect(dateCell?.value).toBeInstanceOf(Date);
    expect((dateCell?.value as Date).toISOString().slice(0, 10)).toBe('2022-09-30');
  });
});
