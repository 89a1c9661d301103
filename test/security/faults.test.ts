import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { openCore } from '../../electron/core';
import { createDispatch } from '../../electron/core/runtime/dispatch';
import { createLogger } from '../../electron/core/runtime/log';
import { translator } from '../../electron/domain/translate';
import type { Service } from '../../electron/contract';

/**
 * Class 10 of issue 10: faults that spoke badly or not at all. Disk full showed "unexpected
 * error"; temp files were cleaned only in db/<kind>; logs never rotated; no Electron fuses.
 */

function errnoError(code: string, file: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`${code}: write '${file}'`);
  e.code = code;
  e.path = file;
  return e;
}

describe('faults speak (issue 10, class 10)', () => {
  it.each([
    ['ENOSPC', 'DISK_FULL', /đầy/, /full/],
    ['EROFS', 'READ_ONLY', /chỉ đọc/, /read-only/],
    ['EACCES', 'PERMISSION', /quyền ghi/, /write access/],
    ['EPERM', 'PERMISSION', /quyền ghi/, /write access/],
  ])('%s while saving comes back as %s with a sentence saying what to do, in both languages', async (errno, code, vi, en) => {
    const file = path.join(os.tmpdir(), 'so-viec', 'db', 'household', '042.json');
    const service = { 'app.state': async () => Promise.reject(errnoError(errno, file)) } as unknown as Service;
    const logged: string[] = [];
    const dispatch = createDispatch(service, { log: (m) => logged.push(m) });
    const result = await dispatch('app.state', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(translator('vi')(result.error.messageKey, result.error.params)).toMatch(vi);
    expect(translator('vi')(result.error.messageKey, result.error.params)).toContain(file);
    expect(translator('en')(result.error.messageKey, result.error.params)).toMatch(en);
    expect(logged).toHaveLength(1);
  });

  it('temp files of unfinished writes are removed everywhere under the data folder at open', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-tmp-'));
    const first = await openCore({ dataDir: dir });
    await first.close();
    const leftovers = [
      '.settings.json.4242.a1b2c3d4.tmp',
      path.join('sync', '.peers.json.4242.a1b2c3d4.tmp'),
      path.join('keys', '.identity.json.4242.a1b2c3d4.tmp'),
      path.join('backups', '.snapshot.json.4242.a1b2c3d4.tmp'),
    ];
    const old = new Date(Date.now() - 3_600_000);
    for (const rel of leftovers) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), '{"half":');
      utimesSync(path.join(dir, rel), old, old);
    }
    const core = await openCore({ dataDir: dir });
    await core.close();
    for (const rel of leftovers) expect(existsSync(path.join(dir, rel)), rel).toBe(false);
  });

  it('the log rotates past its size cap and keeps a fixed number of old files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-log-'));
    const log = createLogger(dir, { maxBytes: 4096, keep: 3 });
    for (let i = 0; i < 500; i++) log(`nhập hộ ${i}: lỗi đọc tệp Excel của xã Tràng Các`);
    const files = readdirSync(path.join(dir, 'logs')).sort();
    expect(files).toEqual(['core.1.log', 'core.2.log', 'core.3.log', 'core.log']);
    for (const f of files) expect(statSync(path.join(dir, 'logs', f)).size).toBeLessThanOrEqual(4096);
    expect(readFileSync(path.join(dir, 'logs', 'core.log'), 'utf8')).toContain('nhập hộ 499');
  });

  it('the build flips Electron’s fuses after packing (afterPack hook, with a stand-in for flipFuses)', async () => {
    const require = createRequire(import.meta.url);
    const pkg = require('../../package.json') as { build: { afterPack?: string } };
    expect(pkg.build.afterPack).toBe('build/afterPack.cjs');
    const hook = require(`../../${pkg.build.afterPack}`) as (ctx: unknown, fuses: unknown) => Promise<void>;
    const calls: { binary: string; config: Record<string | number, unknown> }[] = [];
    const standIn = {
      FuseVersion,
      FuseV1Options,
      flipFuses: async (binary: string, config: Record<string | number, unknown>) => {
        calls.push({ binary, config });
      },
    };
    const context = { appOutDir: '/release/win-unpacked', electronPlatformName: 'win32', packager: { appInfo: { productFilename: 'Sổ Việc' } } };
    await hook(context, standIn);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.binary).toBe(path.join('/release/win-unpacked', 'Sổ Việc.exe'));
    expect(calls[0]?.config).toMatchObject({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });
});
