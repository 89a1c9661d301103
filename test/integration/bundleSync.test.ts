import { describe, it, expect, afterAll } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openOffice, type Office } from './twoOffices';
import { carry, exchangeKeys, exportTo, filesIn, hashTree, sendKeyCard, usbStick } from './syncHelpers';
import { buildBundle, bundleFileName } from '../../electron/core/bundles';
import { createIdentityStore } from '../../electron/core/sync/identityStore';
import { progressId } from '../../electron/core/tasks/ids';
import { registerTwoPcScenarios } from './bundleSyncPcs';

/**
 * Three installations (the Sở, Văn Quan, Bình Gia) exchanging real bundle files through a
 * temporary "USB" folder, with clocks given by the test.
 */
let clock = Date.UTC(2022, 6, 25, 2, 0);
const now = () => clock;
const tick = (hours = 1) => (clock += hours * 3_600_000);
const opened: Office[] = [];
const usb = usbStick();
afterAll(async () => {
  for (const o of opened) await o.core.close();
  rmSync(usb, { recursive: true, force: true });
});

let so: Office;
let vq: Office;
let bg: Office;
let planId = '';
let xkldId = '';

describe('bundle sync between the Sở, Văn Quan and Bình Gia', () => {
  it('exchanges key cards before any data moves', async () => {
    so = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường', { now });
    vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan', { now });
    bg = await openOffice('office', 'BINHGIA', 'Lương Văn Bình', { now });
    opened.push(so, vq, bg);

    // No key of the Sở yet: there is no unencrypted path, so nothing can be exported.
    await expect(bg.call('sync.export', { to: 'SO', outDir: usb })).rejects.toMatchObject({ code: 'NO_RECIPIENT_KEY' });
    await expect(vq.call('sync.export', { to: 'BINHGIA', outDir: usb })).rejects.toMatchObject({ code: 'NOT_ALLOWED_RECIPIENT' });

    const card = await sendKeyCard(vq, so, usb);
    expect(path.basename(card)).toMatch(/^soviec-key_VANQUAN_\d{5}\.soviec-key$/);
    await sendKeyCard(so, vq, usb);
    await exchangeKeys(so, bg, usb);

    const id = await vq.call('sync.identity', {});
    expect(id.fingerprint).toMatch(/^\d{5}( \d{5}){7}$/);
    const st = await so.call('sync.status', {});
    expect(st.peers.map((p) => [p.office, p.fingerprint, p.confirmedByPhone])).toEqual([
      ['VANQUAN', id.fingerprint, true],
      ['BINHGIA', (await bg.call('sync.identity', {})).fingerprint, true],
    ]);
    // The card again changes nothing.
    expect((await so.call('sync.keyCard.import', { path: card })).state).toBe('known');
  });

  it('sends the directive and its tasks out; each office takes only its own bundle from the stick', async () => {
    const { directive, tasks } = await so.call('directives.loadSample', {});
    await so.call('reports.installDefaults', {});
    planId = tasks.find((t) => t.requiredContents.length === 5)?.id ?? '';
    xkldId = tasks.find((t) => t.content.includes('xuất khẩu lao động'))?.id ?? '';
    const preview = await so.call('sync.preview', { to: 'ALL' });
    expect(preview.bundles.map((b) => b.to)).toEqual(['VANQUAN', 'BINHGIA']);
    expect(preview.bundles[0]?.counts['directive']).toBe(1);
    expect(preview.bundles[0]?.personalData).toBe(false);

    const { result, dir } = await exportTo(so, 'ALL', usb);
    expect(result.bundles.map((b) => b.fileNames[0])).toEqual([
      bundleFileName('SO', 'VANQUAN', new Date(clock), 1),
      bundleFileName('SO', 'BINHGIA', new Date(clock), 1),
    ]);

    const dry = await vq.call('sync.inspect', { folder: dir });
    const mine = dry.bundles.find((b) => b.status === 'ready');
    expect(mine?.kinds.find((k) => k.kind === 'directive')?.new).toBe(1);
    expect(mine?.sender).toMatchObject({ office: 'SO', trust: 'pinned', confirmedByPhone: true });
    expect(dry.bundles.find((b) => b.recipient === 'BINHGIA')?.error?.code).toBe('WRONG_RECIPIENT');
    expect(await vq.call('tasks.list', {})).toEqual([]);

    const applied = await vq.call('sync.import', { folder: dir });
    expect(applied.bundles.filter((b) => b.status === 'applied')).toHaveLength(1);
    const vqTasks = await vq.call('tasks.list', {});
    expect(vqTasks.length).toBe(tasks.filter((t) => t.assignees.includes('VANQUAN')).length);
    expect(vqTasks.every((r) => r.directive.id === directive.id)).toBe(true);
    await bg.call('sync.import', { folder: dir });
    expect((await bg.call('tasks.list', {})).some((r) => r.task.id === xkldId)).toBe(true);
  });

  it('brings progress with an attachment and a periodic report back, and the review out again with the acknowledgement', async () => {
    tick(24);
    const scan = Buffer.from('%PDF-1.4 Kế hoạch số 85/KH-UBND giảm nghèo huyện Văn Quan\n'.repeat(200));
    const att = await vq.call('attachments.add', { taskId: planId, name: 'KH 85 giảm nghèo.pdf', mime: 'application/pdf', base64: scan.toString('base64') });
    const plan = (await vq.call('tasks.get', { id: planId })).row.task;
    const filled = Object.fromEntries(plan.requiredContents.map((k) => [k, `Nội dung: ${k}`]));
    const done = await vq.call('progress.save', { taskId: planId, status: 'done', percent: null, narrative: 'Đã ban hành Kế hoạch số 85/KH-UBND.', requiredContents: filled, attachmentIds: [att.id] });
    expect((await vq.call('sync.recordStatus', { ids: [done.id] }))[done.id]?.status).toBe('local');

    const due = (await vq.call('reports.due', {}))[0];
    if (!due) throw new Error('no report form reached Văn Quan');
    await vq.call('reports.save', { formId: due.formId, period: due.period, values: {}, complete: false });

    const { result, dir } = await exportTo(vq, 'SO', usb);
    expect(result.bundles[0]?.attachments.count).toBe(1);
    expect(result.bundles[0]?.personalData).toBe(true);
    expect((await vq.call('sync.recordStatus', { ids: [done.id] }))[done.id]?.status).toBe('sent');
    const report = await so.call('sync.import', { paths: filesIn(dir) });
    expect(report.bundles[0]?.kinds.map((k) => [k.kind, k.new, k.refused])).toEqual([['attachment', 1, 0], ['audit', 1, 0], ['progress', 1, 0], ['report', 1, 0]]);
    expect((await so.call('reports.open', { formId: due.formId, period: due.period, office: 'VANQUAN' })).report?.office).toBe('VANQUAN');
    const detail = await so.call('tasks.get', { id: planId });
    expect(detail.progress[0]?.attachments[0]?.name).toBe('KH 85 giảm nghèo.pdf');
    expect(Buffer.from((await so.call('attachments.get', { id: att.id })).base64, 'base64').equals(scan)).toBe(true);

    tick();
    await so.call('reviews.save', { taskId: planId, office: 'VANQUAN', outcome: 'accepted', comment: 'Đạt yêu cầu.' });
    await carry(so, vq);
    expect((await vq.call('tasks.get', { id: planId })).row.assignments[0]?.review).toBe('accepted');
    // The Sở's bundle acknowledged Văn Quan's: the record is now known to have arrived.
    expect((await vq.call('sync.recordStatus', { ids: [done.id] }))[done.id]?.status).toBe('acknowledged');
    const peer = (await vq.call('sync.status', {})).peers[0];
    expect(peer).toMatchObject({ lastSent: { seq: 1 }, lastAcknowledged: { seq: 1 }, waiting: 0 });
  });

  it('recovers a lost bundle with the next one, reports the gap, refuses a duplicate', async () => {
    tick();
    await vq.call('progress.save', { taskId: xkldId, status: 'inProgress', percent: 40, narrative: 'Đã tư vấn cho 12 lao động.' });
    const lost = await exportTo(vq, 'SO', usb);
    rmSync(lost.dir, { recursive: true });
    tick();
    await vq.call('progress.save', { taskId: xkldId, status: 'inProgress', percent: 60, narrative: 'Đã có 7 lao động xuất cảnh.' });
    const next = await exportTo(vq, 'SO', usb);
    expect(next.result.bundles[0]?.seq).toBe(3);

    const report = await so.call('sync.import', { paths: filesIn(next.dir) });
    const b = report.bundles[0];
    expect(b?.status).toBe('applied');
    expect(b?.warnings).toEqual([expect.objectContaining({ code: 'GAP', params: expect.objectContaining({ missing: '2', office: 'Phòng LĐTBXH Văn Quan' }) })]);
    expect(so.core.context.store.get(progressId(xkldId, 'VANQUAN'))?.data['percent']).toBe(60);
    expect((await so.call('sync.status', {})).peers.find((p) => p.office === 'VANQUAN')?.gaps).toEqual([2]);

    const before = hashTree(path.join(so.dataDir, 'db'));
    const again = await so.call('sync.import', { paths: filesIn(next.dir) });
    expect(again.bundles[0]?.error?.code).toBe('ALREADY_IMPORTED');
    expect(hashTree(path.join(so.dataDir, 'db'))).toEqual(before);
  });

  it('imports an older bundle after a newer one without going back', async () => {
    tick();
    await bg.call('progress.save', { taskId: xkldId, status: 'inProgress', percent: 30, narrative: 'Bình Gia: 5 lao động đăng ký.' });
    const first = await exportTo(bg, 'SO', usb);
    tick();
    await bg.call('progress.save', { taskId: xkldId, status: 'inProgress', percent: 80, narrative: 'Bình Gia: 9 lao động xuất cảnh.' });
    const second = await exportTo(bg, 'SO', usb);
    expect((await so.call('sync.import', { paths: filesIn(second.dir) })).bundles[0]?.status).toBe('applied');
    const older = (await so.call('sync.import', { paths: filesIn(first.dir) })).bundles[0];
    expect(older?.status).toBe('applied');
    expect(older?.kinds.find((k) => k.kind === 'progress')).toMatchObject({ older: 1, updated: 0, conflict: 0 });
    expect(older?.warnings.map((w) => w.code)).toContain('OLDER_BUNDLE');
    expect(so.core.context.store.get(progressId(xkldId, 'BINHGIA'))?.data['percent']).toBe(80);
  });

  it('refuses a district document that would change a Sở task and applies the rest', async () => {
    tick();
    const task = so.core.context.store.get(xkldId);
    if (!task) throw new Error('no task');
    // A tampered Bình Gia installation: its own copy of the Sở task, relabelled as its own ...
    await bg.core.context.store.putVersions([{ ...task, owner: 'BINHGIA', hlc: bg.core.context.store.hlc.tick(), data: { ...task.data, content: 'Đã sửa' } }]);
    await bg.call('progress.save', { taskId: xkldId, status: 'done', percent: null, narrative: 'Bình Gia: hoàn thành.' });
    const { dir } = await exportTo(bg, 'SO', usb);
    const r1 = (await so.call('sync.import', { paths: filesIn(dir) })).bundles[0];
    expect(r1?.status).toBe('applied');
    expect(r1?.refused).toEqual([{ id: xkldId, kind: 'task', owner: 'BINHGIA', reason: 'kind' }]);
    expect(so.core.context.store.get(progressId(xkldId, 'BINHGIA'))?.data['status']).toBe('done');

    // ... and a bundle built by hand that claims the Sở still owns it.
    const me = await createIdentityStore(bg.dataDir).get();
    const st = (await bg.call('sync.status', {})).peers[0];
    const forged = buildBundle({
      docs: [{ ...task, hlc: bg.core.context.store.hlc.tick(), data: { ...task.data, content: 'Giả mạo' } }],
      sender: { office: 'BINHGIA', installation: bg.core.context.settings().installationId, signingPublicKey: me.signingPublicKey, agreementPublicKey: me.agreementPublicKey },
      recipient: 'SO',
      seq: (st?.lastSent?.seq ?? 0) + 1,
      prevBundleHash: '0'.repeat(64),
      ack: { lastSeq: 0, hlc: null },
      recipientAgreementPublicKey: (await createIdentityStore(so.dataDir).get()).agreementPublicKey,
      signingPrivateKey: me.signingPrivateKey,
      appVersion: so.core.context.appVersion,
    });
    const r2 = (await so.call('sync.import', { files: [{ name: 'forged.soviec', base64: Buffer.from(forged.bytes).toString('base64') }] })).bundles[0];
    expect(r2?.refused).toEqual([{ id: xkldId, kind: 'task', owner: 'SO', reason: 'owner' }]);
    expect(so.core.context.store.get(xkldId)?.data['content']).toBe(task.data['content']);
  });

  it('refuses a changed key (KEY_CHANGED) until the Sở re-enrols the office', async () => {
    tick();
    // Bình Gia's PC was reinstalled: new data folder, new keys, new installation id.
    const bg2 = await openOffice('office', 'BINHGIA', 'Lương Văn Bình', { now });
    opened.push(bg2);
    await sendKeyCard(so, bg2, usb);
    const { dir } = await exportTo(bg2, 'SO', usb);
    const before = hashTree(path.join(so.dataDir, 'db'));
    const refused = (await so.call('sync.import', { folder: dir })).bundles[0];
    expect(refused?.error).toMatchObject({ code: 'KEY_CHANGED', params: { office: 'Phòng LĐTBXH Bình Gia', officeCode: 'BINHGIA' } });
    expect(hashTree(path.join(so.dataDir, 'db'))).toEqual(before);
    const fp = (await bg2.call('sync.identity', {})).fingerprint;
    const pending = (await so.call('sync.status', {})).pending;
    expect(pending).toEqual([expect.objectContaining({ office: 'BINHGIA', fingerprint: fp, source: 'bundle' })]);

    const st = await so.call('sync.peers.reenrol', { office: 'BINHGIA', installation: pending[0]?.installation ?? '', fingerprint: fp, mode: 'replace' });
    expect(st.peers.filter((p) => p.office === 'BINHGIA').map((p) => p.fingerprint)).toEqual([fp]);
    expect((await so.call('sync.import', { folder: dir })).bundles[0]?.status).toBe('applied');
    expect(readdirSync(path.join(so.dataDir, 'logs')).length).toBeGreaterThan(0);
  });
});

registerTwoPcScenarios();
