import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { carry, exchangeKeys, usbStick } from './syncHelpers';
import { closeWeek, openWeek, outcome, runWeek, type Week } from './weekOfWork';
import type { Office } from './twoOffices';

/**
 * Bundles through a shared folder only, imported by themselves: the same week as carried by
 * hand ends the same way; a file seen twice is not imported twice; a folder that is away
 * (share not mounted) leaves the bundle waiting with a reason and a next try, and it goes
 * once the folder is back.
 */
const weeks: Week[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const w of weeks) await closeWeek(w);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function pinAll(w: Week): Promise<void> {
  const usb = usbStick('keys');
  dirs.push(usb);
  await exchangeKeys(w.so, w.vq, usb);
  await exchangeKeys(w.so, w.bg, usb);
}

/** Runs every side until a round moves nothing (bounded). */
async function settle(offices: Office[]): Promise<number> {
  for (let round = 1; round <= 8; round++) {
    let moved = 0;
    for (const o of offices) {
      const r = await o.call('sync.run', {});
      moved += r.built + r.sent + r.imported;
    }
    if (moved === 0) return round;
  }
  throw new Error('transports did not settle in 8 rounds');
}

describe('shared-folder transport', () => {
  let byHand: unknown;
  it('a week carried by hand (reference)', async () => {
    const w = await openWeek();
    weeks.push(w);
    await pinAll(w);
    await runWeek(w, async () => {
      await carry(w.so, w.vq);
      await carry(w.so, w.bg);
      await carry(w.vq, w.so);
      await carry(w.bg, w.so);
    });
    byHand = await outcome(w);
  });

  let w: Week;
  let share = '';
  it('the same week through a shared folder, imported automatically, ends the same', async () => {
    w = await openWeek();
    weeks.push(w);
    await pinAll(w);
    share = mkdtempSync(path.join(os.tmpdir(), 'soviec-share-'));
    dirs.push(share);
    for (const o of [w.so, w.vq, w.bg]) await o.call('sync.transports.saveFolder', { root: share });
    expect((await w.so.call('sync.transports.status', {})).light).toBe('upToDate');
    await runWeek(w, async () => void (await settle([w.so, w.vq, w.bg])));
    expect(await outcome(w)).toEqual(byHand);
    const st = await w.vq.call('sync.transports.status', {});
    expect(st.light).toBe('upToDate');
    // Everything Văn Quan sent was acknowledged by the Sở's later bundles, but the last (an
    // acknowledgement itself, answered by nobody) may still read "sent".
    expect(st.entries.filter((e) => e.state === 'acknowledged').length).toBeGreaterThanOrEqual(3);
    expect(st.entries.every((e) => e.state === 'acknowledged' || e.state === 'sent')).toBe(true);
    expect(readdirSync(path.join(share, 'SO')).filter((n) => n.endsWith('.soviec'))).toEqual([]);
  });

  it('a bundle file that shows up again is not imported twice', async () => {
    const handled = path.join(share, 'SO', 'da-nhap');
    const names = readdirSync(handled).filter((n) => n.endsWith('.soviec'));
    expect(names.length).toBeGreaterThan(3);
    for (const n of names) copyFileSync(path.join(handled, n), path.join(share, 'SO', n));
    const before = w.so.core.context.store.count('progress');
    const r = await w.so.call('sync.run', {});
    expect(r.imported).toBe(0);
    expect(r.duplicates).toBe(names.length);
    expect(r.reports.every((b) => b.error?.code === 'ALREADY_IMPORTED')).toBe(true);
    expect(w.so.core.context.store.count('progress')).toBe(before);
    expect((await w.so.call('sync.transports.status', {})).light).toBe('upToDate');
  });

  it('a share that is away: the bundle waits, failed with a reason and a next try; it goes once the share is back', async () => {
    const away = path.join(share, 'not-mounted');
    const [folder] = await w.vq.call('sync.transports.list', {});
    await w.vq.call('sync.transports.saveFolder', { id: folder?.id, root: away });
    const task = (await w.vq.call('tasks.list', {}))[0];
    await w.vq.call('progress.save', { taskId: task?.task.id ?? '', status: 'inProgress', percent: 10, narrative: 'Bắt đầu triển khai.' });
    const r = await w.vq.call('sync.run', {});
    expect(r).toMatchObject({ built: 1, sent: 0, failed: 1 });
    let st = await w.vq.call('sync.transports.status', {});
    const entry = st.entries.at(-1);
    expect(entry).toMatchObject({ state: 'failed', attempts: 1, lastError: { reason: 'ENOENT' } });
    expect(Date.parse(entry?.nextTryAt ?? '') - w.clock.now()).toBe(30_000);
    expect(st.light).toBe('offline');
    // Not due yet: nothing is tried, and no second bundle is built meanwhile.
    expect(await w.vq.call('sync.run', {})).toMatchObject({ built: 0, sent: 0, failed: 0 });
    w.clock.tick(1 / 60);
    expect(await w.vq.call('sync.run', {})).toMatchObject({ failed: 1 });
    st = await w.vq.call('sync.transports.status', {});
    expect(st.entries.at(-1)).toMatchObject({ attempts: 2 });
    expect(Date.parse(st.entries.at(-1)?.nextTryAt ?? '') - w.clock.now()).toBe(60_000);
    // The share is back.
    await w.vq.call('sync.transports.saveFolder', { id: folder?.id, root: share });
    w.clock.tick(1 / 30);
    expect(await w.vq.call('sync.run', {})).toMatchObject({ sent: 1 });
    expect((await w.so.call('sync.run', {})).imported).toBe(1);
    expect((await w.vq.call('sync.run', {})).imported).toBe(1);
    st = await w.vq.call('sync.transports.status', {});
    expect(st.entries.find((e) => e.bundleId === entry?.bundleId)?.state).toBe('acknowledged');
    expect(st.light).toBe('upToDate');
  });
});
