import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, tempDataDir, type RunningHarness, passRecoveryStep, firstRunSo } from './harness';
import { download, importCard, openPage } from './syncSteps';

/**
 * The organisation from 1 July 2025: a commune (xã Văn Quan) and the Sở Nội vụ each choose the
 * 2025 profile at first run; the commune enters a household and sends a bundle; the Sở Nội vụ
 * imports it and sees the commune's household in its summary. No district anywhere.
 */
let so: RunningHarness;
let xa: RunningHarness;
const usb = mkdtempSync(path.join(os.tmpdir(), 'soviec-e2e-2025-'));
test.beforeAll(async () => {
  so = await startHarness(tempDataDir('snv'));
  xa = await startHarness(tempDataDir('xa'));
});
test.afterAll(async () => {
  await so.stop();
  await xa.stop();
});

/** Types into a field whose test id sits on the input or on the control around it. */
async function type(page: Page, testId: string, text: string): Promise<void> {
  const el = page.getByTestId(testId);
  const isInput = await el.evaluate((e) => e.tagName === 'INPUT');
  await (isInput ? el : el.locator('input').first()).fill(text);
}

test('a 2025 commune sends a household to the Sở Nội vụ', async ({ browser }) => {
  // Two first runs, a household, key cards both ways and a bundle: longer than one page's flow.
  test.setTimeout(180_000);
  // The Sở Nội vụ: the 2025 profile names it and its role.
  // A new folder starts on it: nothing to choose.
  const soPage = await openPage(browser, so.url);
  await expect(soPage.getByRole('radio', { name: /từ 01\/7\/2025/ })).toBeChecked();
  await expect(soPage.locator('.first-run-card')).toContainText('Sở Nội vụ');
  await expect(soPage.locator('.first-run-card')).not.toContainText('LĐTBXH');
  await firstRunSo(soPage, 'Nguyễn Mạnh Cường', 'lang-son-2025');
  await expect(soPage.getByTestId('greeting')).toBeVisible();

  // The commune: the office list is the 65 communes and wards, headed by the profile's words.
  const xaPage = await openPage(browser, xa.url);
  await expect(xaPage.locator('.first-run-card')).toContainText('Xã, phường hoặc đơn vị');
  await xaPage.getByTestId('office-select').click();
  await xaPage.keyboard.type('van quan');
  await xaPage.getByTitle('Ủy ban nhân dân xã Văn Quan').click();
  await xaPage.getByTestId('officer-name').fill('Hoàng Thị Lan');
  await xaPage.getByTestId('start').click();
  await passRecoveryStep(xaPage);
  await expect(xaPage.getByTestId('greeting')).toHaveText('Xin chào, Hoàng Thị Lan');

  // Enter something: its own commune entry (from the profile), then one household.
  await xaPage.getByTestId('nav-households').click();
  await xaPage.getByTestId('load-sample-communes').click();
  await expect(xaPage.getByTestId('add-household')).toBeEnabled();
  await xaPage.getByTestId('add-household').click();
  await type(xaPage, 'f-head', 'Lương Văn Hùng');
  await type(xaPage, 'f-id', '020085001234');
  await type(xaPage, 'f-ethnicity', 'Tày');
  await xaPage.getByTestId('f-commune').click();
  await xaPage.locator('.ant-select-dropdown:visible').getByTitle('Xã Văn Quan', { exact: true }).click();
  await type(xaPage, 'f-members', '4');
  await type(xaPage, 'f-income', '1200000');
  await xaPage.getByTestId('save-household').click();
  await expect(xaPage.getByText('Đã lưu hộ Lương Văn Hùng.')).toBeVisible();
  await expect(xaPage.locator('body')).not.toContainText('⟦');

  // The commune's printed summary is its own People's Committee's: the whole name in the header
  // (not "Ủy ban nhân dân xã" cut before its place), signed by the chair, no district UBND
  // (lower-cased "UBND văn Quan") among the recipients.
  await xaPage.goto(`${xa.url}#/households-summary`);
  // Its total of households is not entered yet: the same "—" on its row, on both area rows (no
  // ward in a xã: never "0 households") and on the total, with where to enter it.
  for (const key of ['XA-VANQUAN', 'rural', 'urban', 'total']) await expect(xaPage.getByTestId(`not-known-${key}`)).toHaveText('—');
  await expect(xaPage.getByTestId('summary-not-known')).toContainText('Danh mục xã, phường và thôn');
  await expect(xaPage.getByTestId('summary-open-communes')).toBeVisible();
  await xaPage.getByTestId('summary-print').click();
  const paper = xaPage.getByTestId('summary-report');
  await expect(paper.locator('.nd30-office')).toHaveText(/^Ủy ban nhân dân xã Văn Quan$/i);
  await expect(paper.locator('.nd30-recipients li')).toHaveText(['- Sở Nội vụ tỉnh Lạng Sơn (b/c);', '- Lưu: VT, UBND.']);
  await expect(paper.locator('.nd30-sign-title')).toHaveText('CHỦ TỊCH');
  await expect(paper).toContainText('của Ủy ban nhân dân xã Văn Quan./.');
  await expect(paper.getByTestId('print-totals')).toContainText('Tổng số hộ dân cư: chưa có số liệu; số hộ được rà soát: 1 hộ');
  await expect(paper.getByTestId('print-not-known')).toBeVisible();

  // Its progress report on the tasks is the same People's Committee's: whole name, no body
  // above it, the Sở and the archive as recipients (none naming itself), signed by the chair.
  await xaPage.goto(`${xa.url}#/print/progress`);
  const progress = xaPage.getByTestId('report');
  await expect(progress.locator('.nd30-office')).toHaveText(/^Ủy ban nhân dân xã Văn Quan$/i);
  await expect(progress.locator('.nd30-parent')).toHaveCount(0);
  await expect(progress.locator('.nd30-recipients li')).toHaveText(['- Sở Nội vụ tỉnh Lạng Sơn (b/c);', '- Lưu: VT.']);
  await expect(progress.locator('.nd30-sign-title')).toHaveText('CHỦ TỊCH');
  await expect(progress.getByTestId('report-date-line')).toHaveText(/^Văn Quan, ngày /);

  // Key cards both ways, then the bundle from the commune to the Sở Nội vụ.
  for (const p of [soPage, xaPage]) await p.getByTestId('nav-sync').click();
  const soFp = (await soPage.getByTestId('own-fingerprint').getAttribute('aria-label')) ?? '';
  const xaFp = (await xaPage.getByTestId('own-fingerprint').getAttribute('aria-label')) ?? '';
  const soCard = await download(soPage, 'keycard-export', usb);
  expect(path.basename(soCard)).toMatch(/^soviec-key_SNV_/);
  await importCard(xaPage, soCard, soFp);
  const xaCard = await download(xaPage, 'keycard-export', usb);
  await importCard(soPage, xaCard, xaFp);
  await expect(soPage.getByTestId('peers-table')).toContainText('Xã Văn Quan');
  await expect(xaPage.getByTestId('peers-table')).toContainText('Sở Nội vụ');

  await expect(xaPage.getByTestId('export-preview')).toBeVisible();
  const bundle = await download(xaPage, 'export-save', usb);
  expect(path.basename(bundle)).toMatch(/^soviec_XA-VANQUAN_to_SNV_\d{4}-\d{2}-\d{2}_seq0001\.soviec$/);

  await soPage.getByTestId('import-files').setInputFiles(bundle);
  const report = soPage.getByTestId('bundle-report');
  await expect(report).toHaveAttribute('data-status', 'ready');
  await expect(report).toContainText('Xã Văn Quan');
  await soPage.getByTestId('import-apply').click();
  await expect(report).toHaveAttribute('data-status', 'applied');

  // The Sở Nội vụ sees the household, summed under the commune, with the 2025 words.
  await soPage.getByTestId('nav-households').click();
  await expect(soPage.locator('body')).toContainText('Lương Văn Hùng');
  await soPage.getByTestId('open-summary').click();
  const summary = soPage.getByTestId('summary-table');
  await expect(summary).toContainText('Xã Văn Quan');
  await expect(summary).toContainText('Xã, phường');
  await expect(soPage.locator('body')).not.toContainText(/huyện|Phòng LĐTBXH/);
  await expect(soPage.locator('body')).not.toContainText('⟦');
});
