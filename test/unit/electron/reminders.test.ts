import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCore, type Core } from '../../../electron/core';
import type { Input, OpName, Output } from '../../../electron/contract';
import { addDays } from '../../../electron/domain/calendar';
import { BrowserWindowStandIn, electron, standIn } from './electronStandIn';
import { safeStorageKeyProtector } from '../../../electron/core/bundles';

vi.mock('electron', async () => (await import('./electronStandIn')).electron);

/**
 * Reminders in the desktop app: when the core host opens an office's folder it asks main, by a
 * reverse call, to show one desktop notification naming what is due within 7 days, never the
 * work already done, nor a deadline further away. A click brings the window forward.
 */

const repo = path.resolve(__dirname, '../../..');
const outDir = mkdtempSync(path.join(os.tmpdir(), 'soviec-remind-bundle-'));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'soviec-remind-data-'));
const soDir = mkdtempSync(path.join(os.tmpdir(), 'soviec-remind-so-'));
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const day = (n: number): string => addDays(today, n) ?? today;

const SOON = 'Rà soát, cập nhật danh sách người có công trên địa bàn huyện';
const DONE = 'Báo cáo kết quả hỗ trợ nhà ở cho hộ nghèo quý IV';
const LATER = 'Tổng kết công tác giảm nghèo năm';

async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const caller =
  (core: Core) =>
  async <K extends OpName>(name: K, input: Input<K>): Promise<Output<K>> => {
    const r = await core.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value as Output<K>;
  };

/** The Sở's directive reaches Văn Quan (documents carried in-process); Văn Quan finishes one task. */
async function seed(): Promise<void> {
  const so = await openCore({ dataDir: soDir });
  // Set up as the app would: the folder's data key sealed by main's safeStorage, which the core host unseals.
  const vq = await openCore({ dataDir, ports: { keyProtector: safeStorageKeyProtector(electron.safeStorage) } });
  try {
    await caller(so)('app.setup', { profileId: 'lang-son-2022', role: 'so', officeCode: 'SO', officerName: 'Nguyễn Mạnh Cường' });
    await caller(vq)('app.setup', { profileId: 'lang-son-2022', role: 'office', officeCode: 'VANQUAN', officerName: 'Hoàng Thị Lan' });
    const task = (content: string, date: string) => ({ field: null, content, assignees: ['VANQUAN'], assigneeGroups: [], deadline: { kind: 'date' as const, date }, requiredContents: [] });
    const { tasks } = await caller(so)('directives.save', {
      directive: {
        type: 'congVan',
        number: '1520',
        symbol: 'SLĐTBXH-NCC',
        date: day(-10),
        place: 'Lạng Sơn',
        issuingBody: 'Sở Lao động - Thương binh và Xã hội',
        parentBody: 'UBND TỈNH LẠNG SƠN',
        title: 'Về việc triển khai nhiệm vụ cuối năm',
        signer: 'Nguyễn Văn A',
        signerTitle: 'Giám đốc',
        recipients: [],
        text: '',
      },
      tasks: [task(SOON, day(3)), task(DONE, day(2)), task(LATER, day(30))],
    });
    for (const k of ['directive', 'task'] as const) await vq.context.store.putVersions(so.context.store.list(k));
    const done = tasks.find((t) => t.content === DONE);
    await caller(vq)('progress.save', { taskId: done?.id ?? '', status: 'done', percent: 100, narrative: 'Đã gửi báo cáo số 41/BC-LĐTBXH.' });
  } finally {
    await so.close();
    await vq.close();
  }
}

beforeAll(async () => {
  await seed();
  execFileSync(process.execPath, ['build/bundle.mjs', '--quiet', '--outdir', outDir], { cwd: repo });
  standIn.hostBundle = path.join(outDir, 'coreHost.cjs');
  process.argv.push('--data', dataDir);
  await import('../../../electron/main');
  await until(() => BrowserWindowStandIn.created.length === 1, 'the window');
}, 120_000);

afterAll(() => {
  for (const c of standIn.children) c.crash();
  for (const d of [outDir, dataDir, soDir]) rmSync(d, { recursive: true, force: true });
});

describe('reminders in the desktop app', () => {
  it('shows one notification at start for the deadline 3 days away, not for done work or a deadline a month away', async () => {
    await until(() => standIn.notifications.length > 0, 'the notification');
    expect(standIn.notifications).toHaveLength(1);
    const { title, body } = standIn.notifications[0]?.options ?? { title: '', body: '' };
    expect(title).toBe('Sổ Việc: 1 việc đến hạn trong 7 ngày');
    expect(body).toBe(`Còn 3 ngày: ${SOON}`);
    expect(body).not.toContain(DONE);
    expect(body).not.toContain(LATER);
  });

  it('brings the window forward when clicked', () => {
    const win = BrowserWindowStandIn.created[0] as BrowserWindowStandIn;
    const before = win.focused;
    standIn.notifications[0]?.click();
    expect(win.focused).toBe(before + 1);
  });
});
