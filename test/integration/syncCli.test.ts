import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The sync commands of the CLI (`so-viec`), on real data folders: output, JSON and exit codes. */
const cli = path.resolve('dist/electron/cli.cjs');
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const root = mkdtempSync(path.join(os.tmpdir(), 'soviec-cli-sync-'));
const so = path.join(root, 'so');
const vq = path.join(root, 'vq');
const usb = path.join(root, 'usb');

beforeAll(() => {
  execFileSync(process.execPath, ['build/bundle.mjs', '--quiet']);
  expect(run(['init', '--profile', 'lang-son-2022', '--data', so, '--role', 'so', '--name', 'Nguyễn Mạnh Cường']).status).toBe(0);
  expect(run(['init', '--profile', 'lang-son-2022', '--data', vq, '--role', 'office', '--office', 'VANQUAN', '--name', 'Hoàng Thị Lan']).status).toBe(0);
}, 120_000);

describe('so-viec sync commands', () => {
  it('identity, keys, export, inspect, import, duplicate refusal, status', () => {
    const id = JSON.parse(run(['identity', '--data', vq, '--json']).stdout) as { fingerprint: string };
    expect(id.fingerprint).toMatch(/^\d{5}( \d{5}){7}$/);
    expect(run(['identity', '--data', vq]).stdout).toContain(id.fingerprint);

    const noKey = run(['export', '--data', vq, '--to', 'SO', '--out', usb]);
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toMatch(/^NO_RECIPIENT_KEY: Chưa có khóa của Sở LĐTBXH/);

    for (const d of [so, vq]) expect(run(['keys', 'export', '--data', d, '--out', usb]).status).toBe(0);
    const card = (code: string) => path.join(usb, readdirSync(usb).find((n) => n.startsWith(`soviec-key_${code}_`)) ?? '');
    expect(run(['keys', 'import', card('VANQUAN'), '--data', so, '--confirmed']).stdout).toContain(id.fingerprint);
    expect(run(['keys', 'import', card('SO'), '--data', vq, '--confirmed', '--json']).status).toBe(0);

    const out = JSON.parse(run(['export', '--data', vq, '--to', 'SO', '--out', usb, '--json']).stdout) as { bundles: Array<{ paths: string[]; seq: number }> };
    const file = out.bundles[0]?.paths[0] ?? '';
    expect(path.basename(file)).toMatch(/^soviec_VANQUAN_to_SO_\d{4}-\d{2}-\d{2}_seq0001\.soviec$/);

    const peek = run(['inspect', file]);
    expect(peek.status).toBe(0);
    expect(peek.stdout).toContain(id.fingerprint);
    const dry = JSON.parse(run(['inspect', file, '--data', so, '--json']).stdout) as { ok: boolean; bundles: Array<{ status: string }> };
    expect(dry).toMatchObject({ ok: true, bundles: [{ status: 'ready' }] });

    expect(run(['import', file, '--data', so]).status).toBe(0);
    const again = run(['import', file, '--data', so]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^ALREADY_IMPORTED: Gói số 1 từ Phòng LĐTBXH Văn Quan đã nhập trước đó/m);
    const json = JSON.parse(run(['import', file, '--data', so, '--json']).stdout) as { ok: boolean; bundles: Array<{ error: { code: string; message: string } }> };
    expect(json.ok).toBe(false);
    expect(json.bundles[0]?.error.code).toBe('ALREADY_IMPORTED');

    const notBundle = run(['import', card('SO'), '--data', so]);
    expect(notBundle.status).toBe(2);
    expect(notBundle.stderr).toMatch(/^NOT_A_BUNDLE: /);

    const status = JSON.parse(run(['status', '--data', so, '--json']).stdout) as { peers: Array<{ office: string; lastReceived: { seq: number } }> };
    expect(status.peers).toEqual([expect.objectContaining({ office: 'VANQUAN', lastReceived: expect.objectContaining({ seq: 1 }) })]);
    expect(run(['status', '--data', so]).stdout).toContain('Phòng LĐTBXH Văn Quan');
  }, 120_000);
});
