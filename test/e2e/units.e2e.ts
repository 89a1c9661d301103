import { test, expect } from '@playwright/test';
import path from 'node:path';
import { startHarness, tempDataDir, type RunningHarness, firstRunSo } from './harness';
import { openPage } from './syncSteps';

/**
 * The Sở Nội vụ imports its unit list (an officer's workbook: title row, merged two-row heading,
 * Mã ĐVHC as text, a repeated row, a duplicate code, an old kind, blank rows at the end), reads
 * the preview, applies the accepted rows and sees the new units in its list and its assignee picker.
 */
const FIXTURE = path.join(import.meta.dirname, '../fixtures/units/TEST-ONLY-danh-sach-don-vi.xlsx');
let so: RunningHarness;
test.beforeAll(async () => {
  so = await startHarness(tempDataDir('units'));
});
test.afterAll(async () => {
  await so.stop();
});

test('the Sở imports its unit list: preview, refused rows with their fix, apply', async ({ browser }) => {
  const page = await openPage(browser, so.url);
  await firstRunSo(page, 'Nguyễn Mạnh Cường', 'lang-son-2025');
  await expect(page.getByTestId('greeting')).toBeVisible();

  await page.getByTestId('nav-units').click();
  const table = page.getByTestId('units-table');
  await expect(table).toContainText('Xã Văn Quan');
  await expect(table).not.toContainText('Thử Nghiệm');

  await page.locator('input[type=file]').first().setInputFiles(FIXTURE);
  const preview = page.getByTestId('units-preview');
  await expect(page.getByTestId('units-summary')).toHaveText('3 đơn vị mới, 0 đổi tên, 1 gộp dòng trùng, 3 đã có, 2 dòng bị từ chối.');
  await expect(page.getByTestId('units-added')).toContainText('Xã Thử Nghiệm Bắc (XA-THUNGHIEMBAC · 99901)');
  await expect(page.getByTestId('units-added')).toContainText('Xã Thử Nghiệm Đồi Chè');
  await expect(page.getByTestId('units-merged')).toHaveText('Phường Thử Nghiệm Nam (PHUONG-THUNGHIEMNAM): dòng 9, 11');
  const refused = page.getByTestId('units-refused');
  await expect(refused.locator('tbody tr')).toHaveCount(2);
  await expect(refused.locator('tbody tr').nth(0)).toContainText('DS xã phường');
  await expect(refused.locator('tbody tr').nth(0)).toContainText('Dòng 12: mã ĐVHC 99901 đã có ở dòng 8.');
  await expect(refused.locator('tbody tr').nth(1)).toContainText('Dòng 13: loại “Thị trấn” không phải xã hoặc phường.');
  await expect(refused.locator('tbody tr').nth(1)).toContainText('Ghi “xã” hoặc “phường” ở cột Loại.');
  await expect(preview).not.toContainText('⟦');
  await page.screenshot({ path: 'test-results/screens/units-preview-vi.png', fullPage: true });

  await page.getByTestId('units-apply').click();
  await expect(page.getByText('Đã áp dụng: 3 đơn vị mới, 0 đổi tên.', { exact: false })).toBeVisible();
  await expect(preview).toBeHidden();
  await expect(table).toContainText('Phường Thử Nghiệm Nam');
  await expect(table.locator('tr', { hasText: 'XA-THUNGHIEMBAC' })).toContainText('Sở nhập từ danh sách');
  await expect(table.locator('tr', { hasText: 'XA-VANQUAN' })).toContainText('Đã dẫn nguồn');
  await page.screenshot({ path: 'test-results/screens/units-list-vi.png', fullPage: true });

  // The new units are there to assign work to, found by typing without diacritics.
  await page.getByTestId('nav-directives').click();
  await page.getByTestId('new-directive').click();
  await page.getByTestId('add-task').click();
  await page.getByTestId('task-assignees').first().click();
  await page.keyboard.type('thu nghiem');
  const options = page.locator('.ant-select-dropdown:visible');
  await expect(options.getByTitle('Xã Thử Nghiệm Bắc', { exact: true })).toBeVisible();
  await expect(options.getByTitle('Phường Thử Nghiệm Nam', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  // …and to prepare a setup package for, so the new commune's PC can join.
  await page.getByTestId('nav-sync').click();
  await page.getByTestId('enrol-office').click();
  await page.keyboard.type('doi che');
  await expect(page.locator('.ant-select-dropdown:visible').getByTitle('Ủy ban nhân dân xã Thử Nghiệm Đồi Chè', { exact: true })).toBeVisible();
});
