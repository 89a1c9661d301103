import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openOffice } from './twoOffices';

/** `transport add folder`, `transport list`, `sync run` through the built CLI. */
const cli = path.resolve('dist/electron/cli.cjs');
const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
const root = mkdtempSync(path.join(os.tmpdir(), 'soviec-cli-transport-'));
const so = path.join(root, 'so');
const vq = path.join(root, 'vq');
const usb = path.join(root, 'usb');
const share = path.join(root, 'share');

beforeAll(() => {
  execFileSync(process.execPath, ['build/bundle.mjs', '--quiet']);
  mkdirSync(share);
  expect(run(['init', '--profile', 'lang-son-2022', '--data', so, '--role', 'so', '--name', 'Nguyễn Mạnh Cường']).status).toBe(0);
  expect(run(['init', '--profile', 'lang-son-2022', '--data', vq, '--role', 'office', '--office', 'VANQUAN', '--name', 'Hoàng Thị Lan']).status).toBe(0);
  for (const d of [so, vq]) expect(run(['keys', 'export', '--data', d, '--out', usb]).status).toBe(0);
  const card = (code: string) => path.join(usb, readdirSync(usb).find((n) => n.startsWith(`soviec-key_${code}_`)) ?? '');
  expect(run(['keys', 'import', card('VANQUAN'), '--data', so, '--confirmed']).status).toBe(0);
  expect(run(['keys', 'import', card('SO'), '--data', vq, '--confirmed']).status).toBe(0);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('so-viec transport commands', () => {
  it('adds a shared folder on both sides; sync run sends, receives and acknowledges', async () => {
    for (const d of [so, vq]) expect(run(['transport', 'add', 'folder', '--data', d, '--root', share]).stdout).toContain('thư mục dùng chung');
    expect(run(['transport', 'list', '--data', vq]).stdout).toContain(share);
    // Nothing new anywhere: no empty bundle is made.
    expect(JSON.parse(run(['sync', 'run', '--data', vq, '--json']).stdout)).toMatchObject({ built: 0, sent: 0 });
    const office = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan', { dataDir: vq });
    await office.call('households.communes.importSample', {});
    await office.core.close();
    expect(JSON.parse(run(['sync', 'run', '--data', vq, '--json']).stdout)).toMatchObject({ built: 1, sent: 1 });
    const got = run(['sync', 'run', '--data', so]);
    expect(got.status).toBe(0);
    expect(got.stdout).toMatch(/nhận và nhập 1/);
    expect(run(['sync', 'run', '--data', vq]).stdout).toMatch(/nhận và nhập 1/);
    expect(run(['transport', 'list', '--data', vq]).stdout).toContain('đã được xác nhận');
  });

  it('an e-mail account needs its password in an environment variable, never on the command line', () => {
    const r = run(['transport', 'add', 'email', '--data', vq, '--address', 'vanquan@sldtbxh.langson.test', '--smtp', 'mail.langson.gov.vn:465', '--imap', 'mail.langson.gov.vn:993', '--peer', 'SO=so@sldtbxh.langson.test'], { SOVIEC_MAIL_PASSWORD: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('SOVIEC_MAIL_PASSWORD');
    const ok = run(['transport', 'add', 'email', '--data', vq, '--address', 'vanquan@sldtbxh.langson.test', '--smtp', 'mail.langson.gov.vn:465', '--imap', 'mail.langson.gov.vn:993', '--peer', 'SO=so@sldtbxh.langson.test'], { SOVIEC_MAIL_PASSWORD: 'abcd efgh ijkl mnop' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('vanquan@sldtbxh.langson.test');
  });
});
