import { test, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, tempDataDir, type RunningHarness, firstRunSo, firstRunVanQuan } from './harness';
import { download, importCard, openPage } from './syncSteps';

/** Two harnesses (the Sở and Văn Quan): first run, key cards and a bundle, all through the UI. */
let so: RunningHarness;
let vq: RunningHarness;
const usb = mkdtempSync(path.join(os.tmpdir(), 'soviec-e2e-usb-'));
test.beforeAll(async () => {
  so = await startHarness(tempDataDir('so'));
  vq = await startHarness(tempDataDir('vq'));
});
test.afterAll(async () => {
  await so.stop();
  await vq.stop();
});

test('key cards and a bundle travel from the Sở to Văn Quan through the UI', async ({ browser }) => {
  const soPage = await openPage(browser, so.url);
  await firstRunSo(soPage);
  await expect(soPage.getByTestId('greeting')).toBeVisible();

  const vqPage = await openPage(browser, vq.url);
  await firstRunVanQuan(vqPage);
  await expect(vqPage.getByTestId('greeting')).toBeVisible();

  for (const p of [soPage, vqPage]) await p.getByTestId('nav-sync').click();
  await expect(soPage.getByRole('heading', { name: 'Gửi/nhận dữ liệu' })).toBeVisible();
  const soFp = (await soPage.getByTestId('own-fingerprint').getAttribute('aria-label')) ?? '';
  const vqFp = (await vqPage.getByTestId('own-fingerprint').getAttribute('aria-label')) ?? '';
  expect(soFp).toMatch(/^\d{5}( \d{5}){7}$/);

  // The first exchange: key cards both ways, fingerprints compared.
  const soCard = await download(soPage, 'keycard-export', usb);
  expect(path.basename(soCard)).toBe(`soviec-key_SO_${soFp.slice(0, 5)}.soviec-key`);
  await importCard(vqPage, soCard, soFp);
  const vqCard = await download(vqPage, 'keycard-export', usb);
  await importCard(soPage, vqCard, vqFp);
  await expect(soPage.getByTestId('peers-table')).toContainText('Phòng LĐTBXH Văn Quan');
  await expect(vqPage.getByTestId('peers-table')).toContainText('Sở LĐTBXH');

  // The Sở loads the sample directive, then exports to Văn Quan.
  await soPage.getByTestId('nav-directives').click();
  await soPage.getByTestId('load-sample').first().click();
  await expect(soPage.getByTestId('directive-link').first()).toBeVisible();
  await soPage.getByTestId('nav-sync').click();
  await expect(soPage.getByTestId('export-preview')).toContainText('Nhiệm vụ');
  const bundle = await download(soPage, 'export-save', usb);
  expect(path.basename(bundle)).toMatch(/^soviec_SO_to_VANQUAN_\d{4}-\d{2}-\d{2}_seq0001\.soviec$/);
  await expect(soPage.getByTestId('export-result')).toBeVisible();

  // Văn Quan: dry run, then import.
  await vqPage.getByTestId('import-files').setInputFiles(bundle);
  const report = vqPage.getByTestId('bundle-report');
  await expect(report).toHaveAttribute('data-status', 'ready');
  await expect(report).toContainText('Sở LĐTBXH');
  await expect(vqPage.getByTestId('bundle-kinds')).toContainText('Văn bản chỉ đạo');
  await expect(vqPage.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await vqPage.screenshot({ path: 'test-results/screens/sync-vi.png', fullPage: true });
  await vqPage.getByTestId('import-apply').click();
  await expect(report).toHaveAttribute('data-status', 'applied');
  await expect(vqPage.locator('body')).not.toContainText('⟦');

  // The same file again: "đã nhập trước đó", shown neutral (not a red refusal); nothing changes.
  await vqPage.getByTestId('import-files').setInputFiles(bundle);
  await expect(vqPage.getByTestId('bundle-error')).toContainText('đã nhập trước đó');
  await expect(vqPage.getByTestId('bundle-status')).toHaveText('Đã nhập trước đó');
  await expect(vqPage.getByTestId('bundle-error')).toHaveClass(/ant-alert-info/);

  // "Gửi qua email" in a browser: the files download, the subject and body are shown to copy.
  const [mailed] = await Promise.all([soPage.waitForEvent('download'), soPage.getByTestId('export-email').click()]);
  expect(mailed.suggestedFilename()).toMatch(/_seq0002\.soviec$/);
  await expect(soPage.getByTestId('email-subject')).toContainText('Sổ Việc: gói dữ liệu số 2 từ Sở LĐTBXH gửi Phòng LĐTBXH Văn Quan');

  await vqPage.getByTestId('nav-tasks').click();
  await expect(vqPage.getByTestId('task-link').first()).toBeVisible();
  expect(await vqPage.getByTestId('task-link').count()).toBeGreaterThan(3);
  await expect(soPage.locator('body')).not.toContainText('⟦');
});
