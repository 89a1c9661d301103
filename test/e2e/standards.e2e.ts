import { test, expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fixture from '../fixtures/standards/TEST-ONLY-standard-2027.json' with { type: 'json' };
import { startHarness, tempDataDir, type RunningHarness, firstRunSo } from './harness';
import { pickOption } from './pickOption';

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

  await page.locator('input[type=file][accept=".json,application/json"]').setInputFiles(swapped);
  await expect(page.getByTestId('standard-import-error')).toContainText('Mức thu nhập “poverty” (khu vực nông thôn) thấp hơn mức “medium” đứng trước');
  await expect(group('2027–2030')).toHaveAttribute('data-status', 'notLoaded');

  await page.locator('input[type=file][accept=".json,application/json"]').setInputFiles(good);
  await expect(group('2027–2030')).toHaveAttribute('data-status', 'fromSo');
  await expect(group('2027–2030')).toContainText('CHUẨN THỬ NGHIỆM 2027-2030');
  await expect(group('2027–2030')).toContainText('Nông thôn: nghèo ≤ 2.200.000, trung bình ≤ 3.300.000');
  await expect(group('2027–2030')).toContainText('chuan-ngheo-2027-THU-NGHIEM.json');
  await expect(page.getByTestId('standard-missing')).toHaveCount(0);
});


/** The downloaded template with some cells changed, saved as the officer would save it. */
async function editTemplate(from: string, to: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  edit(wb);
  await wb.xlsx.writeFile(to);
}

test('from Excel: the year says which text applies; template, a refused edit, preview, apply, the row changes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(h.url);
  await page.getByTestId('nav-households').click();
  await page.getByTestId('open-standards').click();

  await pickOption(page, 'standard-applies-year', 'Năm 2026');
  await expect(page.getByTestId('standard-applies')).toContainText('Năm 2026 áp dụng Chuẩn nghèo đa chiều giai đoạn 2022-2025: Nghị định 351/2025/NĐ-CP ngày 30/12/2025 giữ các mức của Điều 3 Nghị định 07/2021/NĐ-CP');
  await pickOption(page, 'standard-applies-year', 'Năm 2021');
  await expect(page.getByTestId('standard-applies')).toContainText('năm 2021 (01/01/2021–31/12/2021) vẫn dùng chuẩn nghèo giai đoạn 2016–2020');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('standard-template').click()]);
  // The template is the standard of the current review year (nd07-2021 in 2026, the Sở's 2027 one after).
  expect(download.suggestedFilename()).toMatch(/^chuan-ngheo_[a-z0-9-]+\.xlsx$/);
  const dir = tempDataDir('standard-xlsx');
  const template = path.join(dir, download.suggestedFilename());
  await download.saveAs(template);

  const title = 'Chuẩn nghèo do Sở Lạng Sơn điều chỉnh (THỬ NGHIỆM)';
  const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(name);
    return ws;
  };
  const bad = path.join(dir, 'chuan-ngheo-sai.xlsx');
  await editTemplate(template, bad, (wb) => {
    const lines = sheet(wb, 'Chuẩn thu nhập');
    lines.getCell('D4').value = lines.getCell('D3').value;
  });
  await page.locator('input[type=file][accept=".xlsx"]').setInputFiles(bad);
  await expect(page.getByTestId('standard-xlsx-error')).toContainText('Trang “Chuẩn thu nhập”, dòng 4, cột D');
  await expect(page.getByTestId('standard-xlsx-error')).toContainText('mức sống trung bình khu vực thành thị phải cao hơn chuẩn nghèo');
  await expect(page.getByTestId('standard-preview')).toHaveCount(0);

  const good = path.join(dir, 'chuan-ngheo-dieu-chinh.xlsx');
  await editTemplate(template, good, (wb) => {
    sheet(wb, 'Chuẩn').getCell('B4').value = title;
    sheet(wb, 'Chuẩn thu nhập').getCell('C3').value = '1,6 triệu';
  });
  await page.locator('input[type=file][accept=".xlsx"]').setInputFiles(good);
  const preview = page.getByTestId('standard-preview');
  await expect(preview).toContainText(title);
  // The built-in's research note (English, naming repository files) stays out of the officer's template.
  await expect(preview).not.toContainText('docs/research');
  await expect(page.getByTestId('standard-preview-action')).toContainText('Nạp tệp này sẽ thay');
  await expect(page.getByTestId('standard-preview-lines')).toContainText('1.600.000');
  await expect(page.getByTestId('standard-preview-bands')).toContainText('Hộ nghèo: thu nhập không quá Chuẩn nghèo, thiếu hụt từ 3 chỉ số');
  const row = page.locator('[data-testid=standard-year]').filter({ hasText: title });
  await expect(row).toHaveCount(0);

  await page.getByTestId('standard-preview-apply').click();
  await expect(preview).toHaveCount(0);
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-status', 'fromSo');
  await expect(row).toContainText('Nông thôn: nghèo ≤ 1.600.000');
  await expect(row).toContainText('chuan-ngheo-dieu-chinh.xlsx');
  await expect(page.locator('body')).not.toContainText('⟦');
});
