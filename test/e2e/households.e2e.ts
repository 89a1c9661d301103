import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateHouseholds, sampleBadCells, sampleCommunes, writeHouseholdWorkbook } from '../../electron/core/households';
import { vnYear } from '../../electron/domain/calendar';
import { startHarness, tempDataDir, type RunningHarness, firstRunVanQuan } from './harness';
import { pickOption } from './pickOption';

const COUNT = 30;
const BAD = 4;
test.describe.configure({ mode: 'serial' });
let h: RunningHarness;
let xlsxPath: string;

test.beforeAll(async () => {
  h = await startHarness();
  const communes = sampleCommunes('VANQUAN');
  const households = generateHouseholds({ seed: 2022, count: COUNT, communes, reviewYear: 2022 });
  const { buffer } = await writeHouseholdWorkbook(households, { communes, overrides: sampleBadCells(COUNT, BAD, 5) });
  const dir = tempDataDir('xlsx');
  mkdirSync(dir, { recursive: true });
  xlsxPath = path.join(dir, 'ho-ngheo-van-quan-2022.xlsx');
  writeFileSync(xlsxPath, buffer);
});
test.afterAll(async () => {
  await h.stop();
});

async function firstRun(page: Page): Promise<void> {
  await page.goto(h.url);
  await firstRunVanQuan(page);
  await expect(page.getByTestId('greeting')).toHaveText('Xin chào, Hoàng Thị Lan');
}


test('import with bad rows, edit a household and see its class change, export the summary', async ({ page }) => {
  await firstRun(page);
  await page.getByTestId('nav-households').click();
  await page.getByTestId('load-sample-communes').click();
  await expect(page.getByTestId('add-household')).toBeEnabled();

  // Import: the preview lists the bad rows; nothing is written until the officer chooses.
  await page.getByTestId('open-import').click();
  await pickOption(page, 'import-year', '2022');
  await page.locator('[data-testid="import-drop"] input[type=file], input[type=file]').first().setInputFiles(xlsxPath);
  await expect(page.getByTestId('import-has-errors')).toContainText(`${BAD} dòng có lỗi`);
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('không hợp lệ: cần 12 chữ số (CCCD) hoặc 9 chữ số (CMND)');
  await expect(errors).toContainText('Chưa có thu nhập bình quân');
  await expect(errors.locator('tbody tr')).toHaveCount(BAD);
  await page.getByTestId('import-valid-only').click();
  await page.getByTestId('confirm-valid-only').click();
  await expect(page.getByTestId('import-done')).toContainText(`Đã nhập ${COUNT - BAD} hộ`);

  // The list: masked ID numbers by default, search without diacritics.
  await page.getByTestId('go-list').click();
  await expect(page.getByTestId('household-counts')).toContainText(String(COUNT - BAD));
  await expect(page.getByTestId('household-row').first()).toBeVisible();
  await expect(page.getByTestId('id-cell').first()).toContainText('*');
  await expect(page.getByTestId('export-list')).toBeEnabled();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'test-results/screens/households-list-vi.png', fullPage: true });
  await expect(page.locator('body')).not.toContainText('⟦');

  // Edit a poor household: raise its income above the medium line and watch the class change.
  await pickOption(page, 'filter-class', 'Hộ nghèo');
  const poorRow = page.getByTestId('household-row').first();
  const name = (await poorRow.locator('.strong').innerText()).trim();
  await poorRow.click();
  await expect(page.getByTestId('class-preview')).toContainText('Hộ nghèo');
  await expect(page.getByTestId('class-reason')).toContainText(/thu nhập [\d.]+ đ ≤ 1\.500\.000 đ; thiếu hụt \d+ chỉ số/);
  await page.screenshot({ path: 'test-results/screens/household-form-vi.png', fullPage: true });
  await expect(page.locator('body')).not.toContainText('⟦');
  const income = page.getByTestId('f-income');
  await income.fill('');
  await income.pressSequentially('3500000');
  await expect(income).toHaveValue('3.500.000');
  await expect(page.getByTestId('class-preview')).toContainText('Hộ trên mức sống trung bình');
  await page.getByTestId('f-notes').press('Enter');
  await expect(page.getByText(`Đã lưu hộ ${name}.`)).toBeVisible();

  await page.getByRole('button', { name: 'Về danh sách' }).click();
  await page.getByTestId('household-search').fill(name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase());
  const edited = page.getByTestId('household-row').filter({ hasText: name }).first();
  await expect(edited).toContainText('Trên mức TB');

  // Summary, its Excel file and the printable report.
  await page.getByTestId('open-summary').click();
  await expect(page.getByTestId('summary-table')).toContainText('Toàn huyện');
  await expect(page.getByTestId('summary-table')).toContainText('Thị trấn Văn Quan');
  await page.screenshot({ path: 'test-results/screens/households-summary-vi.png', fullPage: true });
  await expect(page.locator('body')).not.toContainText('⟦');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('summary-export').click()]);
  expect(download.suggestedFilename()).toBe('tong-hop-ho-ngheo_2022.xlsx');

  await page.getByTestId('summary-print').click();
  const report = page.getByTestId('summary-report');
  await expect(report).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  await expect(report).toContainText('Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2022');
  await expect(report).toContainText('Nơi nhận:');
  // A 2022 district office keeps its own header under UBND huyện and its head's signature.
  await expect(report.locator('.nd30-parent')).toHaveText('UBND HUYỆN VĂN QUAN');
  await expect(report.locator('.nd30-office')).toHaveText('Phòng Lao động, Thương binh, Xã hội - Dân tộc');
  await expect(report.locator('.nd30-recipients')).toContainText('- UBND huyện Văn Quan (b/c);');
  await expect(report.locator('.nd30-sign-title')).toHaveText('TRƯỞNG PHÒNG');
  await expect(page.getByTestId('report-date-line')).toContainText(/^Văn Quan, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
  // The screen says the paper is not form 7.x of Thông tư 07/2021 (none could be read); the paper itself does not carry the note.
  await expect(page.getByTestId('print-form-note')).toContainText('không phải mẫu số 7.x Phụ lục VII Thông tư 07/2021/TT-BLĐTBXH');
  await expect(report).not.toContainText('mẫu số 7.x');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-form-note')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('print-signer').fill('Nông Văn Tuấn');
  await page.screenshot({ path: 'test-results/screens/households-print-vi.png', fullPage: true });
  await expect(page.locator('body')).not.toContainText('⟦');
});

test('an export with ID numbers asks before saving', async ({ page }) => {
  await page.goto(h.url);
  await page.getByTestId('nav-households').click();
  await pickOption(page, 'year-select', 'Năm 2022');
  await page.getByTestId('export-list').click();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('Tệp có số CCCD của người dân');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('personal-ok').click()]);
  expect(download.suggestedFilename()).toBe('danh-sach-ho_2022.xlsx');
  await page.getByTestId('mask-ids').click();
  await expect(page.getByTestId('id-cell').first()).not.toContainText('*');
});

test('a year without households points to the year that has them; the printed report follows the list year', async ({ page }) => {
  const thisYear = vnYear(Date.now());
  await page.goto(h.url);
  await page.getByTestId('nav-households').click();
  // The list opens on the current year; the folder has only 2022's households.
  await expect(page.getByTestId('empty-year')).toContainText(`Năm ${thisYear} chưa có hộ nào; năm 2022 có ${COUNT - BAD} hộ.`);

  // The report without a year in the address is the list's year, never 2000.
  await page.evaluate(() => (location.hash = '#/households-print'));
  await expect(page.getByTestId('report-subject')).toHaveText(`Kết quả rà soát hộ nghèo, hộ cận nghèo năm ${thisYear}`);

  await page.evaluate(() => (location.hash = '#/households'));
  await page.getByTestId('switch-year').click();
  await expect(page.getByTestId('household-counts')).toContainText(`${COUNT - BAD} hộ`);
  await expect(page.getByTestId('year-select')).toContainText('Năm 2022');
  await page.evaluate(() => (location.hash = '#/households-print'));
  await expect(page.getByTestId('report-subject')).toHaveText('Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2022');
});

test('a long household code keeps its year and number in view at 1024 pixels', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(h.url);
  await page.getByTestId('nav-households').click();
  await pickOption(page, 'year-select', 'Năm 2022');
  await page.getByTestId('household-row').first().click();
  const code = 'PHUONGDONGKINH-2022-0042';
  await page.getByTestId('f-code').fill(code);
  await page.getByTestId('f-notes').press('Enter');
  await expect(page.getByText(/^Đã lưu hộ /)).toBeVisible();
  await page.getByRole('button', { name: 'Về danh sách' }).click();
  await page.getByTestId('household-search').fill('phuongdongkinh');
  const row = page.getByTestId('household-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('household-code')).toHaveAttribute('title', code);
  await expect(row.getByRole('cell', { name: code })).toHaveCount(1);
  const tail = row.getByTestId('household-code-tail');
  await expect(tail).toHaveText('-2022-0042');
  // Whole inside its cell: not cut by the column's edge.
  const clipped = await tail.evaluate((el) => {
    const cell = el.closest('[role=cell]');
    return !cell || el.getBoundingClientRect().right > cell.getBoundingClientRect().right + 0.5;
  });
  expect(clipped).toBe(false);
  await expect(row.locator('.hh-class-cell')).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/households-list-code-1024.png' });
  // At 1366 pixels the whole code shows, with nothing cut.
  await page.setViewportSize({ width: 1366, height: 768 });
  const head = row.locator('.hh-code-head');
  await expect.poll(() => head.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(row.locator('.hh-class-cell')).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/households-list-code-1366.png' });
});
