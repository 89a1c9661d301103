import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

// Household data is sealed with each folder's data key (core/atRest). The harnesses and the
// cores the tests open themselves unlock it with one passphrase, their keys kept in a temp key
// folder (never the user's ~/.config): set once here, inherited by every harness process.
process.env.SOVIEC_PASSPHRASE ??= 'mật khẩu e2e';
process.env.SOVIEC_KEY_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'soviec-e2e-keys-'));
process.env.SOVIEC_SCRYPT_LOG_N ??= '14'; // each harness start derives the key once

/** First run ends with the recovery code shown once: tick "written down" and continue. */
export async function passRecoveryStep(page: Page): Promise<void> {
  await expect(page.getByTestId('recovery-code')).toHaveText(/^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/);
  await page.getByTestId('recovery-written').check();
  await page.getByTestId('recovery-continue').click();
}

/** A web harness process on its own data folder and a free loopback port. */
export interface RunningHarness {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function tempDataDir(label: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `soviec-e2e-${label}-`));
}

export async function startHarness(dataDir = tempDataDir('h')): Promise<RunningHarness> {
  const child = spawn(process.execPath, ['dist/electron/harness.cjs', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start: ${out}`)), 20_000);
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /web harness: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => reject(new Error(`harness exited ${code}: ${out}`)));
  });
  return {
    url,
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
