import { test, expect, _electron as electron } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tempDataDir } from './harness';

const require = createRequire(import.meta.url);
function electronBinary(): string | null {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const binary = electronBinary();

test('Electron shell opens the first-run screen with a sandboxed, isolated renderer', async () => {
  test.skip(!binary, 'Electron binary not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD): shell smoke test skipped');
  const app = await electron.launch({
    executablePath: binary as string,
    args: ['.', '--data', tempDataDir('electron'), '--no-sandbox'],
  });
  const win = await app.firstWindow();
  await expect(win.getByRole('heading', { name: 'Bắt đầu sử dụng Sổ Việc' })).toBeVisible();
  // No Node in the page; only the one bridge function.
  expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await win.evaluate(() => Object.keys((window as unknown as { soViec: object }).soViec))).toEqual(['call']);
  await app.close();
});
