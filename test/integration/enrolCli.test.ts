import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `enrol prepare` at the Sở, `enrol accept` on a fresh office PC, `enrol finish` back at the Sở, through the built CLI. */
const cli = path.resolve('dist/electron/cli.cjs');
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const root = mkdtempSync(path.join(os.tmpdir(), 'soviec-cli-enrol-'));
const so = path.join(root, 'so');
const vq = path.join(root, 'vq');
const usb = path.join(root, 'usb');

beforeAll(() => {
  execFileSync(process.execPath, ['build/bundle.mjs', '--quiet']);
  mkdirSync(usb);
  expect(run(['init', '--profile', 'lang-son-2022', '--data', so, '--role', 'so', '--name', 'Nguyễn Mạnh Cường']).status).toBe(0);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('so-viec enrol', () => {
  it('prepare → accept with the code → finish pins both sides; the code then no longer works', () => {
    const prepared = run(['enrol', 'prepare', '--data', so, '--office', 'VANQUAN', '--out', usb, '--json']);
    expect(prepared.status).toBe(0);
    const p = JSON.parse(prepared.stdout) as { code: string; path: string };
    expect(p.code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);

    const wrong = run(['enrol', 'accept', p.path, '--data', vq, '--code', '7K3QD-MX2VB-0TRNC-9HW4E', '--name', 'Hoàng Thị Lan', '--out', usb]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/ENROL_CODE_(WRONG|TYPO)/);

    const accepted = run(['enrol', 'accept', p.path, '--data', vq, '--code', p.code, '--name', 'Hoàng Thị Lan', '--out', usb]);
    expect(accepted.status).toBe(0);
    expect(accepted.stdout).toContain('máy tính của');
    const reply = path.join(usb, 'soviec-dang-ky_VANQUAN.soviec-reply');

    const finished = run(['enrol', 'finish', reply, '--data', so]);
    expect(finished.status).toBe(0);
    expect(finished.stdout).toContain('đã tin cậy');
    expect(run(['enrol', 'list', '--data', so]).stdout).toContain('đã đăng ký');
    const again = run(['enrol', 'finish', reply, '--data', so]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('ENROL_USED');
  });
});
