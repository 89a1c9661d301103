import { createHash } from 'node:crypto';
import { openOffice, type Office } from './twoOffices';

/** 24 KB that do not compress, the same in every run. */
function scan(): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; out.length * 32 < 24 * 1024; i++) out.push(createHash('sha256').update(`trang ${i}`).digest());
  return Buffer.concat(out);
}

/**
 * A week between the Sở, Văn Quan and Bình Gia (directives, progress, reviews, communes of
 * the household register), with `exchange` moving bundles however the test chooses: by
 * hand-carried files, through a shared folder, or by e-mail. `outcome` is what people see at
 * the end, without ids or times, so two ways of moving bundles can be compared.
 */
export interface Week {
  so: Office;
  vq: Office;
  bg: Office;
  clock: { now: () => number; tick: (hours?: number) => void };
}

export async function openWeek(start = Date.UTC(2022, 6, 25, 2, 0)): Promise<Week> {
  let t = start;
  const clock = { now: () => t, tick: (hours = 1) => void (t += hours * 3_600_000) };
  const so = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường', { now: clock.now });
  const vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan', { now: clock.now });
  const bg = await openOffice('office', 'BINHGIA', 'Lương Văn Bình', { now: clock.now });
  return { so, vq, bg, clock };
}

export async function closeWeek(w: Week): Promise<void> {
  for (const o of [w.so, w.vq, w.bg]) await o.core.close();
}

export async function runWeek(w: Week, exchange: () => Promise<void>): Promise<void> {
  const { so, vq, bg, clock } = w;
  // Monday: the Sở hands out a directive.
  const { tasks } = await so.call('directives.loadSample', {});
  const plan = tasks.find((t) => t.requiredContents.length === 5);
  const xkld = tasks.find((t) => t.content.includes('xuất khẩu lao động'));
  if (!plan || !xkld) throw new Error('sample directive changed');
  await exchange();
  clock.tick(24);
  // Tuesday: progress from both offices, the communes of Văn Quan's register.
  await vq.call('progress.save', { taskId: xkld.id, status: 'inProgress', percent: 40, narrative: 'Đã tư vấn cho 12 lao động về thị trường Hàn Quốc.' });
  await bg.call('progress.save', { taskId: xkld.id, status: 'inProgress', percent: 30, narrative: 'Bình Gia: 5 lao động đăng ký.' });
  await vq.call('households.communes.importSample', {});
  // A scanned plan (incompressible, larger than one mail part of the e-mail test).
  await vq.call('attachments.add', { taskId: plan.id, name: 'KH 85 giảm nghèo.pdf', mime: 'application/pdf', base64: scan().toString('base64') });
  await exchange();
  clock.tick(24);
  // Wednesday: Văn Quan reports the plan done; Thursday the Sở returns it for more.
  await vq.call('progress.save', { taskId: plan.id, status: 'done', percent: 100, narrative: 'Đã ban hành Kế hoạch số 85/KH-UBND.', requiredContents: Object.fromEntries(plan.requiredContents.map((c) => [c, 'Đã có.'])) });
  await exchange();
  clock.tick(24);
  await so.call('reviews.save', { taskId: plan.id, office: 'VANQUAN', outcome: 'returned', comment: 'Bổ sung danh sách hộ được hỗ trợ.' });
  await exchange();
  clock.tick(24);
  await vq.call('progress.save', { taskId: xkld.id, status: 'done', percent: 100, narrative: 'Đã có 7 lao động xuất cảnh; danh sách kèm theo.' });
  await bg.call('progress.save', { taskId: xkld.id, status: 'inProgress', percent: 80, narrative: 'Bình Gia: 9 lao động xuất cảnh.' });
  await exchange();
  clock.tick(24);
  // Friday: the Sở accepts Văn Quan's work.
  await so.call('reviews.save', { taskId: xkld.id, office: 'VANQUAN', outcome: 'accepted', comment: 'Đạt yêu cầu.' });
  await exchange();
}

/** What each side sees, free of ids and times. */
export async function outcome(w: Week): Promise<unknown> {
  const view = async (o: Office) =>
    (await o.call('tasks.list', {}))
      .map((r) => ({ content: r.task.content, assignments: r.assignments.map((a) => ({ office: a.office, status: a.status, percent: a.percent, review: a.review })) }))
      .sort((a, b) => a.content.localeCompare(b.content));
  const communes = (o: Office) => o.core.context.store.list('commune').map((d) => `${d.owner}:${String(d.data['name'] ?? '')}`).sort();
  const files = (o: Office) => o.core.context.store.list('attachment').map((d) => `${d.owner}:${String(d.data['name'] ?? '')}:${String(d.data['sha256'] ?? '')}`).sort();
  return { so: await view(w.so), vq: await view(w.vq), bg: await view(w.bg), soCommunes: communes(w.so), vqCommunes: communes(w.vq), soFiles: files(w.so) };
}
