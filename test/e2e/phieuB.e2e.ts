import { test, expect, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sampleCommunes } from '../../electron/core/households';
import { scoreTableWorkbook } from '../../electron/core/households/scoring/workbook';
import { ScoreTableSchema } from '../../electron/domain/households/scoring';
import fixture from '../fixtures/scoring/TEST-ONLY-score-table.json' with { type: 'json' };
import { pickOption } from './pickOption';
import { startHarness, tempDataDir, type RunningHarness, firstRunVanQuan } from './harness';

/*
 * The score table loaded here is the TEST-ONLY fixture (made-up questions, scores and
 * thresholds, marked testOnly): no official Phiếu B table could be read. The app must say so
 * on the page and beside every score it gives with it.
 */
test.describe.configure({ mode: 'serial' });
let h: RunningHarness;
let tablePath: string;
const commune = sampleCommunes('VANQUAN').find((c) => c.name === 'Tràng Các');

test.beforeAll(async () => {
  h = await startHarness();
  tablePath = path.join(tempDataDir('score'), 'bang-diem-THU-NGHIEM.xlsx');
  writeFileSync(tablePath, await scoreTableWorkbook({ table: ScoreTableSchema.parse(fixture) }));
});
test.afterAll(async () => {
  await h.stop();
});

const pick = pickOption;

async function type(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
}

test('load a score table, fill a Phiếu B, see the score and class; commune totals give the true rate', async ({ page }) => {
  test.setTimeout(120_000);
  if (!commune) throw new Error('Tràng Các is not in the sample list');
  await page.goto(h.url);
  await firstRunVanQuan(page);
  await expect(page.getByTestId('greeting')).toHaveText('Xin chào, Hoàng Thị Lan');
  await page.getByTestId('nav-households').click();
  await page.getByTestId('load-sample-communes').click();
  await expect(page.getByTestId('add-household')).toBeEnabled();

  // Before any table: the form says plainly that no official table is loaded.
  await page.getByTestId('add-household').click();
  await expect(page.getByTestId('phieu-b-no-table')).toContainText('Chưa nạp bảng điểm chính thức');
  await page.getByRole('button', { name: 'Về danh sách' }).click();

  // Load the (test) table from Excel: it is listed, marked as a test table, and still not official.
  await page.getByTestId('open-score-tables').click();
  await expect(page.getByTestId('no-official-table')).toContainText('Chưa nạp bảng điểm chính thức');
  const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('score-template').click()]);
  expect(template.suggestedFilename()).toBe('mau-bang-diem-phieu-B_nd07-2021.xlsx');
  await page.locator('input[type=file]').setInputFiles(tablePath);
  const card = page.getByTestId('score-table');
  await expect(card).toContainText('BẢNG ĐIỂM THỬ NGHIỆM');
  await expect(card).toContainText('Bảng thử nghiệm — không dùng để xếp loại thật');
  await expect(card).toContainText('Trung du và miền núi phía Bắc (Lạng Sơn)');
  await expect(page.getByTestId('no-official-table')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('⟦');

  // A Phiếu B: B1 answers, B2 deprivations, live scores and the class they give.
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await page.getByTestId('add-household').click();
  await type(page, 'f-head', 'Hoàng Văn Pác');
  await type(page, 'f-id', '020087004321');
  await type(page, 'f-ethnicity', 'Nùng');
  // 17 units in Văn Quan's list: type to find one, as an officer does.
  await page.getByTestId('f-commune').click();
  await page.keyboard.type('trang cac');
  await page.locator('.ant-select-dropdown:visible').getByTitle('Xã Tràng Các', { exact: true }).click();
  await type(page, 'f-members', '5');
  await type(page, 'f-income', '1300000');
  await page.getByTestId('phieu-b-table').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await pick(page, 'b1-Q1', 'Hai người trở lên (30 điểm)');
  await pick(page, 'b1-Q2', 'Không (0 điểm)');
  await expect(page.getByTestId('phieu-b-class')).toContainText('Còn 1 câu B1 chưa trả lời');
  await pick(page, 'b1-Q3', 'Nhà tạm, dột nát (0 điểm)');
  for (const code of ['water', 'sanitation', 'healthInsurance']) await page.getByTestId(`indicator-${code}`).check();
  await expect(page.getByTestId('b1-score')).toHaveText('40');
  await expect(page.getByTestId('b2-score')).toHaveText('30');
  await expect(page.getByTestId('phieu-b-score')).toContainText('ngưỡng nghèo 40 điểm');
  await expect(page.getByTestId('phieu-b-class')).toContainText('Hộ nghèo');
  await expect(page.getByTestId('phieu-b-class')).toContainText('Bảng thử nghiệm');
  // A test table never decides the class: income does (1.300.000 đ, 3 deprivations: poor too).
  await expect(page.getByTestId('class-basis')).toHaveText('Theo thu nhập');
  // One more point of B1 (a motorbike) lifts the household over the poverty threshold.
  await pick(page, 'b1-Q2', 'Có (20 điểm)');
  await expect(page.getByTestId('b1-score')).toHaveText('60');
  await expect(page.getByTestId('phieu-b-class')).toContainText('Hộ có mức sống trung bình');
  await pick(page, 'b1-Q2', 'Không (0 điểm)');
  await expect(page.getByTestId('phieu-b-class')).toContainText('Hộ nghèo');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'test-results/screens/phieu-b-vi.png', fullPage: true });
  await page.getByTestId('save-household').click();
  await expect(page.getByText('Đã lưu hộ Hoàng Văn Pác.')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('⟦');

  // Saved and reopened: the answers come back with the same score.
  await page.getByRole('button', { name: 'Về danh sách' }).click();
  await page.getByTestId('household-row').filter({ hasText: 'Hoàng Văn Pác' }).click();
  await expect(page.getByTestId('b1-score')).toHaveText('40');
  await expect(page.getByTestId('phieu-b-class')).toContainText('Hộ nghèo');

  // Commune totals: Tràng Các has 200 households; the summary rate is 1 of 200, not 1 of 1.
  await page.getByRole('button', { name: 'Về danh sách' }).click();
  await page.getByTestId('open-communes').click();
  const total = page.getByTestId(`commune-total-${commune.code}`);
  await total.fill('200');
  await total.press('Tab');
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await page.getByTestId('open-summary').click();
  const row = page.getByTestId('summary-table').locator('tr').filter({ hasText: 'Xã Tràng Các' });
  await expect(row).toContainText('200');
  await expect(row).toContainText('0,5');
});
