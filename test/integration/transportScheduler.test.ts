import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../electron/core';
import type { Input, OpName, Output } from '../../electron/contract';
import { AppError } from '../../electron/domain/errors';
import type { Office } from './twoOffices';
import { exportTo, filesIn, sendKeyCard, usbStick } from './syncHelpers';

/**
 * The transports run by themselves while the app is open (issue 14): a save is sent after a
 * short wait, the shared folder is watched, and a bundle from a sender nobody enrolled waits
 * for a person. Nobody calls sync.run in this file.
 */
const root = mkdtempSync(path.join(os.tmpdir(), 'soviec-sched-'));
const share = path.join(root, 'share');
mkdirSync(share);
const usb = usbStick('sched');
const opened: Office[] = [];
afterAll(async () => {
  for (const o of opened) await o.core.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(usb, { recursive: true, force: true });
});

async function pc(role: 'so' | 'office', code: string, name: string, auto: boolean): Promise<Office> {
  const dataDir = mkdtempSync(path.join(root, `${code}-`));
  const core = await openCore({ dataDir, autoTransport: auto, sendDebounceMs: 1000 });
  const call = async <K extends OpName>(op: K, input: Input<K>): Promise<Output<K>> => {
    const r = await core.dispatch(op, input);
    if (!r.ok) throw AppError.fromValue(r.error);
    return r.value as Output<K>;
  };
  await call('app.setup', { profileId: 'lang-son-2022', role, officeCode: code, officerName: name });
  const o = { core, dataDir, call };
  opened.push(o);
  return o;
}

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('transports on their own', () => {
  it('a saved edit reaches the Sở through the shared folder without anyone pressing a button; the light goes from sending to up to date', async () => {
    const so = await pc('so', 'SO', 'Nguyễn Mạnh Cường', true);
    const vq = await pc('office', 'VANQUAN', 'Hoàng Thị Lan', true);
    await sendKeyCard(so, vq, usb);
    await sendKeyCard(vq, so, usb);
    for (const o of [so, vq]) await o.call('sync.transports.saveFolder', { root: share, pollSeconds: 2 });
    expect(await vq.call('sync.transports.check', { id: (await vq.call('sync.transports.list', {}))[0]?.id ?? '' })).toEqual({ ok: true, reason: null });

    const savedAt = Date.now();
    await vq.call('households.communes.importSample', {});
    // Waiting for the short debounce after the save: the header says "đang gửi".
    expect((await vq.call('sync.transports.status', {})).light).toBe('sending');
    const communesAtSo = (): Promise<number> => Promise.resolve(so.core.context.store.list('commune').length);
    await until('communes at the Sở', communesAtSo, (n) => n > 0);
    const ms = Date.now() - savedAt;
    console.log(`transport scheduler: save at the office → imported at the Sở over a shared folder in ${ms} ms (debounce 1 s, poll 2 s)`);
    // The Sở acknowledges by itself; the office sees it and its light settles.
    await until('acknowledged', () => vq.call('sync.transports.status', {}), (s) => s.entries.length > 0 && s.entries.every((e) => e.state === 'acknowledged'));
    expect((await vq.call('sync.transports.status', {})).light).toBe('upToDate');
  });

  it('a bundle from a PC nobody enrolled is kept for a person, not imported', async () => {
    const so = opened[0] as Office;
    const stranger = await pc('office', 'BINHGIA', 'Lý Văn Sáng', false);
    await sendKeyCard(so, stranger, usb);
    await stranger.call('households.communes.importSample', {});
    const { dir } = await exportTo(stranger, 'SO', usb);
    // Dropped in the Sở's box of the shared folder by whoever controls it.
    const { copyFileSync } = await import('node:fs');
    for (const f of filesIn(dir)) copyFileSync(f, path.join(share, 'SO', path.basename(f)));
    const st = await until('held', () => so.call('sync.transports.status', {}), (s) => s.held.length > 0);
    // An unpinned key proves nothing about who sent it: the office named in the file stays unnamed.
    expect(st.held[0]).toMatchObject({ reason: 'UNKNOWN_SENDER', office: null });
    expect(st.held[0]?.fileNames[0]).toMatch(/^soviec_BINHGIA_to_SO_.*\.soviec$/);
    expect(st.light).toBe('attention');
    expect(so.core.context.store.list('commune').filter((d) => d.owner === 'BINHGIA')).toEqual([]);

    // A person looks: a first contact, imported only with the fingerprint compared by phone.
    const seen = await so.call('sync.transports.held.inspect', {});
    expect(seen.bundles.map((b) => [b.status, b.sender?.trust])).toEqual([['ready', 'firstContact']]);
    const refused = await so.call('sync.transports.held.import', {});
    expect(refused.bundles.map((b) => b.error?.code)).toEqual(['CONFIRMATION_REQUIRED']);
    expect((await so.call('sync.transports.status', {})).held).toHaveLength(1);
    const fp = (await stranger.call('sync.identity', {})).fingerprint;
    const done = await so.call('sync.transports.held.import', { expectFingerprint: fp });
    expect(done.bundles.map((b) => b.status)).toEqual(['applied']);
    expect(so.core.context.store.list('commune').filter((d) => d.owner === 'BINHGIA').length).toBeGreaterThan(0);
    expect((await so.call('sync.transports.status', {})).held).toEqual([]);
  });
});
