import { test, expect } from '@playwright/test';
import { startHarness, tempDataDir, type RunningHarness, firstRunSo } from './harness';

/**
 * A Sở folder made under the 2022 tree moves to the 2025 tree from its home page: the preview
 * says what becomes of the folder's unit before anything is written; the move makes it the Sở
 * Nội vụ, and the card is gone.
 */
let h: RunningHarness;
test.beforeAll(async () => {
  h = await startHarness(tempDataDir('move'));
});
test.afterAll(async () => {
  await h.stop();
});

test('the Sở LĐTBXH previews and makes the move to the Sở Nội vụ', async ({ page }) => {
  await page.goto(h.url);
  await firstRunSo(page, 'Nguyễn Mạnh Cường', 'lang-son-2022');
  await expect(page.getByTestId('office-name')).toContainText('Lao động');
  const card = page.getByTestId('profile-move');
  await expect(card).toContainText('Tỉnh Lạng Sơn (từ 01/7/2025)');

  await page.getByTestId('profile-move-preview').click();
  const dialog = page.getByTestId('profile-move-dialog');
  await expect(dialog.getByTestId('profile-move-own')).toContainText('→ Sở Nội vụ');
  await expect(dialog.getByTestId('profile-move-refusal')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/profile-move-preview-vi.png', fullPage: true });
  // Nothing is written by the preview: closing it leaves the folder as it was.
  await page.getByRole('button', { name: 'Đóng' }).last().click();
  await page.reload();
  await expect(page.getByTestId('office-name')).toContainText('Lao động');

  await page.getByTestId('profile-move-preview').click();
  await page.getByTestId('profile-move-confirm').click();
  await expect(page.getByText('Đã chuyển sang Tỉnh Lạng Sơn (từ 01/7/2025).')).toBeVisible();
  await expect(page.getByTestId('office-name')).toHaveText('Sở Nội vụ tỉnh Lạng Sơn');
  await expect(page.getByTestId('profile-move')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('office-name')).toHaveText('Sở Nội vụ tỉnh Lạng Sơn');
  await expect(page.locator('body')).not.toContainText('⟦');
});
