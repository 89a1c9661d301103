import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startHarness, tempDataDir, firstRunVanQuan } from './harness';

/**
 * A data folder on a write-protected medium (here a read-only bind mount: the kernel answers
 * EROFS as for a locked SD card) opens read-only: the home page shows, with a standing banner.
 */
test('a read-only data folder opens with the standing banner', async ({ page }) => {
  const root = tempDataDir('ro');
  const source = path.join(root, 'thẻ-nhớ');
  const mounted = path.join(root, 'khoá-ghi');
  mkdirSync(mounted);

  // A folder set up as Văn Quan, through the harness's own door.
  const writable = await startHarness(source);
  try {
    await page.goto(writable.url);
    await firstRunVanQuan(page);
    await expect(page.getByTestId('greeting')).toHaveText('Xin chào, Hoàng Thị Lan');
  } finally {
    await writable.stop();
  }

  try {
    execFileSync('mount', ['--bind', source, mounted], { stdio: 'ignore' });
  } catch {
    test.skip(true, 'no permission to mount in this sandbox');
  }
  try {
    execFileSync('mount', ['-o', 'remount,ro,bind', mounted], { stdio: 'ignore' });
    const h = await startHarness(mounted);
    try {
      await page.goto(h.url);
      await expect(page.getByTestId('greeting')).toHaveText('Xin chào, Hoàng Thị Lan');
      const banner = page.getByTestId('read-only-banner');
      await expect(banner).toContainText(`Thư mục dữ liệu chỉ đọc: ${mounted}`);
      await expect(banner).toContainText('mọi thay đổi sẽ bị từ chối');
      await page.screenshot({ path: 'test-results/screens/read-only-vi.png', fullPage: true });
    } finally {
      await h.stop();
    }
  } finally {
    execFileSync('umount', [mounted]);
    rmSync(root, { recursive: true, force: true });
  }
});
