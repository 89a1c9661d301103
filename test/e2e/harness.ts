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

/** First run as the Sở (role, officer, start, the recovery step); the caller checks where it lands. */
/**
 * First run as the Sở. A new folder starts on today's tree (2025); the specs written about the
 * 2022 Sở LĐTBXH and its district offices choose that tree, as an officer opening old data would.
 */
export async function firstRunSo(page: Page, officer = 'Nguyễn Mạnh Cường', profile: 'lang-son-2022' | 'lang-son-2025' = 'lang-son-2022'): Promise<void> {
  await page.getByTestId(`profile-${profile}`).click();
  await page.getByTestId('role-so').click();
  await page.getByTestId('officer-name').fill(officer);
  await page.getByTestId('start').click();
  await passRecoveryStep(page);
}

/** First run as Phòng LĐTBXH Văn Quan of the 2022 profile, found by typing as an officer would. */
export async function firstRunVanQuan(page: Page, officer = 'Hoàng Thị Lan'): Promise<void> {
  await page.getByTestId('profile-lang-son-2022').click();
  await page.getByTestId('office-select').click();
  await page.keyboard.type('van quan');
  await page.getByTitle('Phòng Lao động, Thương binh, Xã hội - Dân tộc huyện Văn Quan').click();
  await page.getByTestId('officer-name').fill(officer);
  await page.getByTestId('start').click();
  await passRecoveryStep(page);
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
