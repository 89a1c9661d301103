import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openCore } from '../../electron/core';
import type { DocKind } from '../../electron/domain/document';
import { startHarness, tempDataDir, type RunningHarness, firstRunSo, firstRunVanQuan } from './harness';

/**
 * Issue 3 end to end, in Chromium, with two installations on their own data folders:
 * the Sở pastes the seed notice, corrects a value and saves; Văn Quan reports progress, is
 * refused completion while required contents are missing, completes; the Sở accepts; Văn Quan
 * sees the outcome. Until bundle files exist, documents travel through the core's own API
 * (`store.putVersions`), with both harnesses stopped so each data folder has one owner.
 */

const SEED = readFileSync(path.resolve(process.cwd(), 'test/fixtures/notices/seed-thong-bao-ket-luan-2022-07-22.md'), 'utf8');
const SCREENS = 'test-results/screens';
const PLAN = 'Đảm bảo có giải pháp thực hiện mục tiêu giảm nghèo';

const soDir = tempDataDir('so');
const vqDir = tempDataDir('vq');
let so: RunningHarness;
let vq: RunningHarness;

test.beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  so = await startHarness(soDir);
  vq = await startHarness(vqDir);
});
test.afterAll(async () => {
  await so?.stop();
  await vq?.stop();
});

/** Stop both harnesses, copy the given kinds of documents from one folder to the other, restart. */
async function carry(from: string, to: string, kinds: DocKind[]): Promise<number> {
  await Promise.all([so.stop(), vq.stop()]);
  const source = await openCore({ dataDir: from });
  const docs = kinds.flatMap((k) => source.context.store.list(k, { includeDeleted: true }));
  await source.close();
  const target = await openCore({ dataDir: to });
  await target.context.store.putVersions(docs);
  await target.close();
  so = await startHarness(soDir);
  vq = await startHarness(vqDir);
  return docs.length;
}

async function noRawKeys(page: Page): Promise<void> {
  await expect(page.locator('body')).not.toContainText('⟦');
}

test('Sở pastes the seed notice; Văn Quan reports; the Sở reviews', async ({ page }) => {
  test.setTimeout(240_000);
  let planUrlPath = '';

  await test.step('first run of both installations', async () => {
    await page.goto(so.url);
    await firstRunSo(page);
    await expect(page.getByTestId('home-so-directives')).toBeVisible();
    await noRawKeys(page);

    await page.goto(vq.url);
    await firstRunVanQuan(page);
    await expect(page.getByTestId('home-office-tasks')).toBeVisible();
    await noRawKeys(page);
  });

  await test.step('(a) Sở: paste the notice, correct the number, save; the dashboard shows tasks × offices', async () => {
    await page.goto(so.url);
    await page.getByTestId('nav-directives').click();
    await expect(page.getByTestId('load-sample')).toBeVisible(); // no directive yet: the sample is offered
    await page.getByTestId('paste-notice').click();
    await page.getByTestId('paste-text').fill(SEED);
    await page.getByTestId('paste-read').click();

    const editor = page.getByTestId('directive-editor');
    await expect(editor).toBeVisible();
    await expect(page.getByTestId('extract-warnings')).toBeVisible();
    await expect(page.getByTestId('input-title')).toHaveValue(/Kết luận tại Hội nghị sơ kết/);
    await expect(page.getByTestId('input-signer')).toHaveValue('Nguyễn Mạnh Cường');
    await expect(page.getByTestId('input-date')).toHaveValue('22/07/2022');
    // The notice leaves the number blank ("Số: /TB-SLĐTBXH"): highlighted, not guessed.
    const numberRow = page.getByTestId('meta-number');
    await expect(numberRow).toHaveAttribute('data-undecided', 'true');
    await expect(numberRow).toContainText('Chưa xác định — hãy nhập');
    await expect(page.getByTestId('task-card')).toHaveCount(10);
    await noRawKeys(page);
    await page.screenshot({ path: `${SCREENS}/so-paste-review-vi.png`, fullPage: true });

    await page.getByTestId('input-number').fill('125');
    await expect(numberRow).not.toHaveAttribute('data-undecided', 'true');
    await page.getByTestId('save-directive').click();

    await expect(page).toHaveURL(/#\/directives$/);
    const table = page.getByTestId('directive-table');
    await expect(table).toContainText('125/TB-SLĐTBXH');
    await expect(table).toContainText('22/07/2022');
    await expect(page.getByTestId('directives-more')).toBeVisible(); // the sample moved into the menu
    await noRawKeys(page);

    await page.getByTestId('nav-dashboard').click();
    const matrix = page.getByTestId('matrix');
    await expect(matrix).toBeVisible();
    await expect(matrix.locator('tbody tr.ant-table-row')).toHaveCount(10);
    await expect(matrix.locator('thead')).toContainText('Phòng LĐTBXH Văn Quan');
    await expect(matrix.locator('thead')).toContainText('Phòng LĐTBXH Bình Gia');
    await expect(matrix).toContainText(PLAN);
    await expect(page.getByTestId('counts-office')).toContainText('Hoàn thành đúng hạn');
    await expect(page.getByTestId('office-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('overdue-list')).toContainText('quá hạn');
    await noRawKeys(page);
    await page.screenshot({ path: `${SCREENS}/so-dashboard-vi.png`, fullPage: true });

    const [matrixFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-matrix').click()]);
    expect(matrixFile.suggestedFilename()).toMatch(/^theo-doi-nhiem-vu_\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  await test.step('(b) Văn Quan: tasks arrive; completion is refused until the 5 required contents are filled', async () => {
    expect(await carry(soDir, vqDir, ['directive', 'task', 'field'])).toBeGreaterThan(10);
    await page.goto(vq.url);
    await page.getByTestId('nav-tasks').click();
    const table = page.getByTestId('task-table');
    await expect(table).toContainText(PLAN);
    await expect(table).toContainText('xuất khẩu lao động');
    await expect(table).toContainText('125/TB-SLĐTBXH');
    await expect(table).toContainText('30/07/2022');
    await expect(table.getByTestId('due-tag').first()).toBeVisible();
    await expect(table).toContainText('thường xuyên');
    await noRawKeys(page);
    await page.screenshot({ path: `${SCREENS}/office-task-list-vi.png`, fullPage: true });
    const [listFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(listFile.suggestedFilename()).toMatch(/^nhiem-vu_VANQUAN_.*\.xlsx$/);

    // Filters: overdue shows the dated poverty-plan task only.
    await page.getByTestId('filter-due').getByText('Quá hạn').click();
    await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(1);
    await page.getByTestId('filter-due').getByText('Tất cả').click();

    await table.getByText(PLAN).click();
    await expect(page.getByTestId('task-page')).toBeVisible();
    planUrlPath = new URL(page.url()).hash;
    await expect(page.getByTestId('task-context')).toContainText('125/TB-SLĐTBXH');
    await expect(page.getByTestId('task-context')).toContainText('Nguyễn Mạnh Cường');
    await expect(page.getByTestId('required-missing')).toContainText('Còn thiếu 5/5');

    await page.getByTestId('progress-status').getByText('Hoàn thành', { exact: true }).click();
    await expect(page.getByTestId('progress-percent')).toHaveCount(0); // no percent once done
    await page.getByTestId('progress-narrative').fill('Đã tham mưu UBND huyện ban hành Kế hoạch số 85/KH-UBND.');
    await page.getByTestId('progress-save').click();
    const refusal = page.getByTestId('progress-error');
    await expect(refusal).toContainText('Chưa thể đánh dấu hoàn thành');
    await expect(refusal).toContainText('Mục tiêu');
    await expect(refusal).toContainText('cơ quan chủ trì');
    await page.screenshot({ path: `${SCREENS}/task-refused-vi.png` });

    // An attachment is copied into the data folder at once and listed with its size and type.
    await page
      .getByTestId('attachments')
      .locator('input[type=file]')
      .setInputFiles({ name: 'ke-hoach-85-KH-UBND.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Kế hoạch 85/KH-UBND\n') });
    await expect(page.getByTestId('attachment-list')).toContainText('ke-hoach-85-KH-UBND.pdf');
    await expect(page.getByTestId('attachment-list')).toContainText('application/pdf');

    const answers = [
      'Giảm tỷ lệ hộ nghèo bình quân 3%/năm.',
      'Hộ nghèo, hộ cận nghèo trên địa bàn huyện.',
      'Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế.',
      'Từ tháng 8 đến tháng 12 năm 2022.',
      'Phòng LĐTBXH-DT huyện Văn Quan.',
    ];
    for (const [i, a] of answers.entries()) await page.getByTestId(`required-${i}`).fill(a);
    await expect(page.getByTestId('required-complete')).toBeVisible();
    // A figure is written the Vietnamese way while it is typed, as in the Sở's report forms.
    await page.getByTestId('figures').getByText('Thêm số liệu').click();
    await page.getByTestId('figures').getByPlaceholder('Chỉ tiêu').fill('Vốn hỗ trợ phát triển sản xuất');
    await page.getByTestId('figure-value-0').pressSequentially('1500000');
    await expect(page.getByTestId('figure-value-0')).toHaveValue('1.500.000');
    await page.getByTestId('figures').getByPlaceholder('Đơn vị tính').fill('đồng');
    await page.getByTestId('progress-save').click();
    await expect(page.getByTestId('progress-error')).toHaveCount(0);
    await expect(page.getByTestId('audit-history')).toContainText('Hoàng Thị Lan');
    await expect(page.getByTestId('audit-history')).toContainText('Hoàn thành');
    await expect(page.getByTestId('progress-status').locator('.ant-radio-button-wrapper-checked')).toHaveText('Hoàn thành');
    await noRawKeys(page);
    await page.screenshot({ path: `${SCREENS}/task-page-vi.png`, fullPage: true });

    await page.goto(`${vq.url}#/print/progress`);
    const report = page.getByTestId('report');
    await expect(report).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    await expect(report).toContainText('Độc lập - Tự do - Hạnh phúc');
    await expect(report).toContainText('UBND HUYỆN VĂN QUAN');
    await expect(report).toContainText('/BC-LĐTBXH-DT');
    await expect(page.getByTestId('report-date-line')).toHaveText(/^Văn Quan, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/);
    await expect(page.getByTestId('report-subject')).toContainText('Kết quả thực hiện nhiệm vụ được giao');
    await expect(report).toContainText('- Lưu: VT.');
    // A 2022 district office: under its UBND huyện, its own name without the district the line
    // above names, the district among the recipients, signed by the head of the office.
    await expect(report.locator('.nd30-office')).toHaveText('Phòng Lao động, Thương binh, Xã hội - Dân tộc');
    await expect(report.locator('.nd30-recipients')).toContainText('- UBND huyện Văn Quan (b/c);');
    await expect(report.locator('.nd30-sign-title')).toHaveText('TRƯỞNG PHÒNG');
    await expect(page.getByTestId('report-table')).toContainText('Giảm tỷ lệ hộ nghèo bình quân 3%/năm.');
    await expect(page.getByTestId('report-table')).toContainText('Vốn hỗ trợ phát triển sản xuất: 1.500.000 đồng');
    await noRawKeys(page);
    await page.screenshot({ path: `${SCREENS}/print-report-vi.png`, fullPage: true });
    // In print only the paper remains: no menu, header, toolbar or toast.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('print-button')).toBeHidden();
    await expect(page.locator('.app-sider')).toBeHidden();
    await expect(page.getByTestId('report')).toBeVisible();
    await page.pdf({ path: `${SCREENS}/print-report-vi.pdf`, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('(c) the Sở accepts the completion; Văn Quan sees "Đã chấp nhận"', async () => {
    await carry(vqDir, soDir, ['progress', 'attachment', 'audit']);
    await page.goto(`${so.url}${planUrlPath}`);
    const vqRow = page.getByTestId('assignment-VANQUAN');
    await expect(vqRow).toContainText('Hoàn thành');
    await expect(page.getByTestId('office-assignments').getByTestId('attachment-list')).toContainText('ke-hoach-85-KH-UBND.pdf');
    const form = page.getByTestId('review-form-VANQUAN');
    await form.getByTestId('review-comment').fill('Kế hoạch đủ 5 nội dung, đạt yêu cầu.');
    await form.getByTestId('review-accept').click();
    await expect(vqRow.getByTestId('review-tag')).toHaveText('Đã chấp nhận');
    await expect(page.getByTestId('audit-history')).toContainText('Nguyễn Mạnh Cường');
    await noRawKeys(page);
    await page.screenshot({ path: `${SCREENS}/so-task-review-vi.png`, fullPage: true });

    await page.goto(`${so.url}#/dashboard`);
    await expect(page.locator('[data-testid="matrix-cell"][data-state="doneLate"]')).toHaveCount(1);
    await expect(page.getByTestId('directive-summaries')).toContainText('1/');

    await carry(soDir, vqDir, ['review', 'audit']);
    await page.goto(`${vq.url}${planUrlPath}`);
    await expect(page.getByTestId('review-outcome')).toContainText('Đã chấp nhận');
    await expect(page.getByTestId('review-outcome')).toContainText('đạt yêu cầu');
    await page.goto(`${vq.url}#/tasks`);
    await expect(page.getByTestId('task-table').getByTestId('review-tag')).toHaveText('Đã chấp nhận');

    await page.goto(`${vq.url}#/search/giam ngheo`);
    await expect(page.getByTestId('search-results')).toContainText(PLAN);
    await noRawKeys(page);
  });
});
