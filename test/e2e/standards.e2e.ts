import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fixture from '../fixtures/standards/TEST-ONLY-standard-2027.json' with { type: 'json' };
import { startHarness, tempDataDir, type RunningHarness, firstRunSo } from './harness';

/*
 * The standard loaded here is the TEST-ONLY fixture (its medium lines and indicator list are
 * made up: Nghị định 351/2025's are not known). The page must say what is missing before it,
 * name where each value rests, and refuse a file with its lines out of order, saying which.
 */
test.describe.configure({ mode: 'serial' });
let h: RunningHarness;
let good: string;
let swapped: string;

test.beforeAll(async () => {
  h = await startHarness();
  const dir = tempDataDir('standard');
  good = path.join(dir, 'chuan-ngheo-2027-THU-NGHIEM.json');
  writeFileSync(good, JSON.stringify(fixture));
  swapped = path.join(dir, 'chuan-ngheo-sai-thu-tu.json');
  writeFileSync(swapped, JSON.stringify({ ...fixture, id: 'sai-thu-tu', rule: { bands: [{ class: 'medium', incomeAtMost: 'medium' }, { class: 'poor', incomeAtMost: 'poverty', minDeprivations: 3 }] } }));
});
test.afterAll(async () => {
  await h.stop();
});

test('the Sở sees each year’s standard and what is missing, refuses a bad file, loads one for 2027–2030', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(h.url);
  await firstRunSo(page);
  await page.getByTestId('nav-households').click();
  await page.getByTestId('open-standards').click();

  const group = (years: string) => page.locator(`[data-testid=standard-year][data-years="${years}"]`);
  await expect(group('2021')).toContainText('Có sẵn trong phần mềm');
  await expect(group('2021')).toContainText('Quyết định số 59/2015/QĐ-TTg');
  await expect(group('2022–2026')).toContainText('Nông thôn: nghèo ≤ 1.500.000, trung bình ≤ 2.250.000');
  await expect(group('2022–2026')).toContainText('Chưa đối chiếu được');
  await expect(group('2027–2030')).toHaveAttribute('data-status', 'notLoaded');
  await expect(group('2027–2030').getByTestId('standard-missing')).toContainText('mức sống trung bình (nông thôn, thành thị)');
  await expect(group('2027–2030').getByTestId('standard-missing')).toContainText('2.200.000');

  await page.locator('input[type=file]').setInputFiles(swapped);
  await expect(page.getByTestId('standard-import-error')).toContainText('Mức thu nhập “poverty” (khu vực nông thôn) thấp hơn mức “medium” đứng trước');
  await expect(group('2027–2030')).toHaveAttribute('data-status', 'notLoaded');

  await page.locator('input[type=file]').setInputFiles(good);
  await expect(group('2027–2030')).toHaveAttribute('data-status', 'fromSo');
  await expect(group('2027–2030')).toContainText('CHUẨN THỬ NGHIỆM 2027-2030');
  await expect(group('2027–2030')).toContainText('Nông thôn: nghèo ≤ 2.200.000, trung bình ≤ 3.300.000');
  await expect(group('2027–2030')).toContainText('chuan-ngheo-2027-THU-NGHIEM.json');
  await expect(page.getByTestId('standard-missing')).toHaveCount(0);
});
