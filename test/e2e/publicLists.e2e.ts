import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { classifyHousehold, communeArea, generateHouseholds, nextYearHouseholds, sampleCommunes, standardForYear, writeHouseholdWorkbook, type Household } from '../../electron/core/households';
import { mediumScopeOf, type Sector } from '../../electron/domain/households/sector';
import { loadWorkbook } from '../../electron/core/files/xlsx';
import { startHarness, tempDataDir, type RunningHarness, firstRunSo, firstRunVanQuan } from './harness';
import { download, importCard, openPage } from './syncSteps';
import { pickOption } from './pickOption';

/*
 * Văn Quan imports its 2023 and 2024 review lists, opens the commune lists for public listing
 * from the household page, and checks the hộ nghèo and hộ thoát nghèo lists of one commune
 * against the classes the rule gives the generated records: rows, totals, masked ID numbers,
 * the A4 page with no column cut, the Excel file with the same headers. The 2024 list carries a
 * "Ngành nghề" and a "Ngày nộp giấy đề nghị" column: the medium-living list shows the four sectors'
 * households with their request days; one more request entered on the form shows up in it.
 */

const COUNT = 40;
test.describe.configure({ mode: 'serial' });
let h: RunningHarness;
const files: Record<number, string> = {};
const communes = sampleCommunes('VANQUAN');
const y2023 = generateHouseholds({ seed: 2023, count: COUNT, communes, reviewYear: 2023 });
const commune = communes[0];
if (!commune) throw new Error('no commune');
const classOf = (x: Household) => classifyHousehold({ ...x, area: communeArea(commune) }, standardForYear(x.reviewYear)).class;
const inCommune = (x: Household) => x.communeCode === commune.code;
const SECTORS_BY_TURN: Sector[] = ['agriculture', 'forestry', 'other'];
/**
 * Sectors by turn among the commune's medium households (and the rest), so the list has both
 * listed sectors and one that is not; every other one handed in its Giấy đề nghị on 15/10/2024.
 */
let turn = 0;
const y2024 = nextYearHouseholds(y2023, { seed: 17 }).map((x, i) => {
  const k = inCommune(x) && classOf(x) === 'medium' ? turn++ : i;
  return { ...x, sector: SECTORS_BY_TURN[k % 3] as Sector, ...(k % 2 === 0 ? { mediumRequest: { receivedOn: '2024-10-15' } } : {}) };
});

const poor2024 = y2024.filter((x) => inCommune(x) && classOf(x) === 'poor');
const escaped2024 = y2024.filter((x) => {
  const before = y2023.find((p) => p.code === x.code);
  return inCommune(x) && before !== undefined && classOf(before) === 'poor' && classOf(x) !== 'poor';
});
const members = (xs: Household[]) => xs.reduce((n, x) => n + x.members, 0);
const medium2024 = y2024.filter((x) => inCommune(x) && classOf(x) === 'medium' && mediumScopeOf(x.sector) === 'listed');
const withoutRequest = medium2024.find((x) => x.mediumRequest === undefined);

test.beforeAll(async () => {
  h = await startHarness();
  const dir = tempDataDir('lists');
  mkdirSync(dir, { recursive: true });
  for (const [year, list] of [[2023, y2023], [2024, y2024]] as const) {
    const { buffer } = await writeHouseholdWorkbook(list, { communes });
    files[year] = path.join(dir, `van-quan-${year}.xlsx`);
    writeFileSync(files[year], buffer);
  }
});
test.afterAll(async () => {
  await h.stop();
  await so?.stop();
});
let so: RunningHarness | undefined;


async function importYear(page: Page, year: 2023 | 2024): Promise<void> {
  await page.getByTestId('open-import').click();
  await pickOption(page, 'import-year', String(year));
  await page.locator('input[type=file]').first().setInputFiles(files[year] as string);
  await page.getByTestId('import-all').click();
  await expect(page.getByTestId('import-done')).toContainText(`Đã nhập ${COUNT} hộ`);
  await page.getByTestId('go-list').click();
}

/**
 * The list table fits the text width of the A4 sheet (Nghị định 30 margins 30 + 15 mm): on screen
 * inside the paper box, and in print media with the page as wide as the printed text (portrait
 * 165 mm ≈ 624 CSS px, landscape 252 mm ≈ 952 px), no header cut inside a word.
 */
async function expectFitsA4(page: Page, orientation: 'portrait' | 'landscape', shot: string): Promise<void> {
  const paper = page.getByTestId('public-list');
  const fits = async () =>
    paper.evaluate((el) => {
      const style = getComputedStyle(el);
      const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const table = el.querySelector('table.pl-table') as HTMLTableElement;
      const cutHeader = [...table.querySelectorAll('th, td')].some((c) => c.scrollWidth > c.clientWidth + 1);
      return { inner, table: table.getBoundingClientRect().width, cutHeader };
    });
  const screen = await fits();
  expect(screen.table).toBeLessThanOrEqual(screen.inner + 1);
  expect(screen.cutHeader).toBe(false);
  await page.screenshot({ path: `test-results/screens/${shot}-vi.png`, fullPage: true });
  const width = orientation === 'portrait' ? 624 : 952;
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('list-form-note')).toBeHidden();
  const printed = await fits();
  expect(printed.table).toBeLessThanOrEqual(width);
  expect(printed.cutHeader).toBe(false);
  await page.screenshot({ path: `test-results/screens/${shot}-print-vi.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1366, height: 768 });
}

test('a commune’s lists for public listing: rows, totals, A4 without a cut column, the same Excel', async ({ page }) => {
  expect(poor2024.length).toBeGreaterThan(0);
  expect(escaped2024.length).toBeGreaterThan(0);
  await page.goto(h.url);
  await firstRunVanQuan(page);
  await page.getByTestId('nav-households').click();
  await page.getByTestId('load-sample-communes').click();
  await expect(page.getByTestId('add-household')).toBeEnabled();
  await importYear(page, 2023);
  await importYear(page, 2024);
  // The list says what decided each class (no Phiếu B table here: income).
  await expect(page.getByTestId('basis-cell').first()).toHaveText('Thu nhập');
  await expect(page.getByTestId('basis-cell').first()).toHaveAttribute('title', 'Theo thu nhập');

  // From the household page, in 2024.
  await pickOption(page, 'year-select', 'Năm 2024');
  await page.getByTestId('open-public-lists').click();
  await pickOption(page, 'list-commune', `${commune.kind === 'thiTran' ? 'Thị trấn' : commune.kind === 'phuong' ? 'Phường' : 'Xã'} ${commune.name}`);
  const paper = page.getByTestId('public-list');
  await expect(page.getByTestId('list-title')).toHaveText('Danh sách hộ nghèo năm 2024');
  await expect(paper).toContainText('ỦY BAN NHÂN DÂN');
  await expect(paper).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  await expect(page.getByTestId('list-row')).toHaveCount(poor2024.length);
  await expect(page.getByTestId('list-total')).toContainText(`Tổng cộng: ${poor2024.length} hộ`);
  await expect(page.getByTestId('list-foot-totals')).toHaveText(`Tổng cộng: ${poor2024.length} hộ, ${members(poor2024)} nhân khẩu.`);
  for (const x of poor2024) await expect(page.getByTestId('list-row').filter({ hasText: x.headName }).first()).toBeVisible();
  // ID numbers only masked, anywhere on the page.
  const text = await page.locator('body').innerText();
  for (const x of y2024) expect(text).not.toContain(x.idNumber);
  await expect(page.getByTestId('list-row').first().locator('td.id')).toHaveText(/^\d{4}\*+\d{2}$/);
  // The note that this is Sổ Việc's list is on screen only.
  await expect(page.getByTestId('list-form-note')).toContainText('không phải mẫu số 7.x');
  await expect(page.getByTestId('list-form-note')).toContainText('24/2021/QĐ-TTg');
  await expect(paper).not.toContainText('mẫu số 7.x');
  await expect(paper).not.toHaveClass(/nd30-wide/);
  await expectFitsA4(page, 'portrait', 'public-list-poor');

  // The thoát nghèo list: last year's and this year's class beside each household.
  await pickOption(page, 'list-kind', /^Hộ thoát nghèo —/);
  await expect(page.getByTestId('list-title')).toHaveText('Danh sách hộ thoát nghèo năm 2024');
  await expect(page.getByTestId('list-row')).toHaveCount(escaped2024.length);
  await expect(page.getByTestId('list-row').first()).toContainText('Hộ nghèo');
  await expect(page.getByTestId('list-foot-totals')).toHaveText(`Tổng cộng: ${escaped2024.length} hộ, ${members(escaped2024)} nhân khẩu.`);
  await page.getByTestId('list-chair').fill('Hoàng Văn Khánh');
  await expect(page.getByTestId('list-chair-name')).toHaveText('Hoàng Văn Khánh');

  // A4 landscape for the movement lists: the table fits the sheet's text width on screen and on paper.
  await expect(paper).toHaveClass(/nd30-wide/);
  await expectFitsA4(page, 'landscape', 'public-list-escaped');

  // The Excel file: the same headers as the page, the same rows, the totals at the foot.
  const headers = await page.getByTestId('list-table').locator('th').allInnerTexts();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-excel').click()]);
  expect(download.suggestedFilename()).toBe(`danh-sach-ho-thoat-ngheo_${commune.code.toLowerCase()}_2024.xlsx`);
  const wb = await loadWorkbook(readFileSync(await download.path()));
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(headers.map((x) => x.trim()));
  expect(ws.rowCount).toBe(3 + escaped2024.length + 1);
  expect(ws.getRow(4 + escaped2024.length).getCell(5).value).toBe(members(escaped2024));

  // The medium-living list: the four sectors' medium households, the request day, how many handed one in.
  expect(medium2024.length).toBeGreaterThan(1);
  await pickOption(page, 'list-kind', /^Hộ nông, lâm, ngư, diêm nghiệp/);
  await expect(page.getByTestId('list-title')).toHaveText('Danh sách hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình năm 2024');
  await expect(page.getByTestId('list-row')).toHaveCount(medium2024.length);
  // The chosen list's name and count are whole in the picker, not cut with "…".
  const chosenKind = page.getByTestId('list-kind').locator('.ant-select-content').first();
  expect(await chosenKind.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  const requested = medium2024.filter((x) => x.mediumRequest !== undefined).length;
  await expect(page.getByTestId('list-with-request')).toHaveText(`Trong đó có giấy đề nghị: ${requested} hộ.`);
  await expect(page.getByTestId('list-total')).toContainText(`trong đó có giấy đề nghị: ${requested} hộ`);
  await expect(page.getByTestId('list-table').locator('th')).toContainText(['Ngành nghề', 'Ngày nộp giấy đề nghị']);
  await expect(page.getByTestId('list-row').filter({ hasText: '15/10/2024' })).toHaveCount(requested);
  await expectFitsA4(page, 'landscape', 'public-list-medium');

  // One more Giấy đề nghị, entered on the household's form: the list counts it.
  if (!withoutRequest) throw new Error('every medium household has a request');
  await page.getByTestId('nav-households').click();
  await page.getByTestId('household-search').fill(withoutRequest.headName);
  await page.getByTestId('household-row').filter({ hasText: withoutRequest.code }).click();
  const day = page.getByTestId('f-medium-request');
  await day.click();
  await day.fill('05/11/2024');
  await day.press('Enter');
  await page.getByTestId('save-household').click();
  await expect(page.locator('.ant-message')).toContainText(withoutRequest.headName);
  await page.evaluate((hash) => void (window.location.hash = hash), `#/households-lists/2024/VANQUAN/${commune.code}/medium`);
  await expect(page.getByTestId('list-with-request')).toHaveText(`Trong đó có giấy đề nghị: ${requested + 1} hộ.`);
  await expect(page.getByTestId('list-row').filter({ hasText: withoutRequest.headName })).toContainText('05/11/2024');

  // 2023 has no 2022 records: the movement lists are refused, saying why.
  await pickOption(page, 'list-kind', /^Hộ thoát nghèo —/);
  await pickOption(page, 'list-year', 'Năm 2023');
  await expect(page.getByTestId('list-unavailable')).toContainText('Chưa có số liệu rà soát năm 2022');
  await expect(page.getByTestId('list-print')).toBeDisabled();
  await expect(page.locator('body')).not.toContainText('⟦');
});

/*
 * The Sở reads the same lists from the bundle Văn Quan sends: key cards both ways, Văn Quan's
 * bundle imported at the Sở, then the Sở picks the district office and the commune.
 */
test('the Sở opens Văn Quan’s commune lists from the bundle it received', async ({ browser }) => {
  so = await startHarness(tempDataDir('lists-so'));
  const usb = tempDataDir('lists-usb');
  const soPage = await openPage(browser, so.url);
  await firstRunSo(soPage);
  const vqPage = await openPage(browser, h.url);
  await expect(vqPage.getByTestId('greeting')).toBeVisible();
  for (const p of [soPage, vqPage]) await p.getByTestId('nav-sync').click();
  const soFp = (await soPage.getByTestId('own-fingerprint').getAttribute('aria-label')) ?? '';
  const vqFp = (await vqPage.getByTestId('own-fingerprint').getAttribute('aria-label')) ?? '';
  await importCard(vqPage, await download(soPage, 'keycard-export', usb), soFp);
  await importCard(soPage, await download(vqPage, 'keycard-export', usb), vqFp);
  await vqPage.reload();
  await expect(vqPage.getByTestId('export-preview')).toContainText('Hộ gia đình', { timeout: 30_000 });
  const bundle = await download(vqPage, 'export-save', usb);
  await soPage.getByTestId('import-files').setInputFiles(bundle);
  await expect(soPage.getByTestId('bundle-report')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await soPage.getByTestId('import-apply').click();
  await expect(soPage.getByTestId('bundle-report')).toHaveAttribute('data-status', 'applied', { timeout: 60_000 });

  await soPage.evaluate(() => void (window.location.hash = '#/households-lists/2024'));
  await pickOption(soPage, 'list-office', /Văn Quan/);
  await pickOption(soPage, 'list-commune', `${commune.kind === 'thiTran' ? 'Thị trấn' : commune.kind === 'phuong' ? 'Phường' : 'Xã'} ${commune.name}`);
  await expect(soPage.getByTestId('list-title')).toHaveText('Danh sách hộ nghèo năm 2024');
  await expect(soPage.getByTestId('list-row')).toHaveCount(poor2024.length);
  await expect(soPage.getByTestId('list-foot-totals')).toHaveText(`Tổng cộng: ${poor2024.length} hộ, ${members(poor2024)} nhân khẩu.`);
  await pickOption(soPage, 'list-kind', /^Hộ nông, lâm, ngư, diêm nghiệp/);
  await expect(soPage.getByTestId('list-row')).toHaveCount(medium2024.length);
  await expect(soPage.getByTestId('list-with-request')).toHaveText(`Trong đó có giấy đề nghị: ${medium2024.filter((x) => x.mediumRequest !== undefined).length + 1} hộ.`);
  await soPage.screenshot({ path: 'test-results/screens/public-list-so-vi.png', fullPage: true });
  await expect(soPage.locator('body')).not.toContainText('⟦');
});
