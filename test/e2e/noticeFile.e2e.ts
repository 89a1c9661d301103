import { test, expect } from '@playwright/test';
import path from 'node:path';
import { startHarness, tempDataDir, type RunningHarness, firstRunSo } from './harness';

/**
 * Issue 11 end to end: the Sở opens notice files instead of pasting them. A Word plan with a
 * task table (Nội dung | Chủ trì | Phối hợp | Thời gian) is read, reviewed (lead and partners
 * apart, "trước ngày X" read as X − 1 or X) and saved; a PDF with a text layer is read; a
 * scanned PDF gets the clear message. Files: test/fixtures/notices/files (made by make.ts there).
 */
const FILES = path.resolve(process.cwd(), 'test/fixtures/notices/files');
let so: RunningHarness;

test.beforeAll(async () => {
  so = await startHarness(tempDataDir('notice-file'));
});
test.afterAll(async () => {
  await so?.stop();
});

test('the Sở opens a Word plan, a text PDF and a scanned PDF', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(so.url);
  await firstRunSo(page);
  await expect(page.getByTestId('home-so-directives')).toBeVisible();

  await test.step('Word plan with a task table: review, choose the reading of "trước ngày", save', async () => {
    await page.getByTestId('nav-directives').click();
    await page.getByTestId('paste-notice').click();
    await expect(page.getByTestId('open-notice-file')).toBeVisible();
    await page.getByTestId('notice-file-input').setInputFiles(path.join(FILES, 'ke-hoach-bang-nhiem-vu.docx'));

    await expect(page.getByTestId('directive-editor')).toBeVisible();
    // The text that was read sits above the proposal, table rows included.
    const source = page.getByTestId('notice-source-text');
    await expect(source).toContainText('Thăm, tặng quà trẻ em có hoàn cảnh đặc biệt khó khăn | Phòng LĐTBXH các huyện, thành phố');
    await expect(page.getByTestId('input-title')).toHaveValue('Tổ chức Tháng hành động vì trẻ em năm 2025 trên địa bàn tỉnh');
    await expect(page.getByTestId('input-date')).toHaveValue('10/03/2025');

    const cards = page.getByTestId('task-card');
    await expect(cards).toHaveCount(3);
    const first = cards.filter({ hasText: 'Tổ chức lễ phát động' });
    // Lead and partner kept apart: the Phòng Bảo trợ xã hội leads, the Văn phòng Sở works with it.
    await expect(first.getByTestId('task-lead-words')).toContainText('Phòng Bảo trợ xã hội - Trẻ em');
    await expect(first.getByTestId('task-assignees')).toContainText('BTXH');
    await expect(first.getByTestId('task-partners')).toContainText('Văn phòng');
    // "trước ngày 31/5/2025": due 30/05 by default, the notice's words beside the date.
    await expect(first.getByTestId('task-deadline-date')).toHaveValue('30/05/2025');
    await expect(first).toContainText('trước ngày 31/5/2025');
    await page.getByTestId('before-same-day').click();
    await expect(first.getByTestId('task-deadline-date')).toHaveValue('31/05/2025');
    const report = cards.filter({ hasText: 'Báo cáo kết quả tổ chức Tháng hành động' });
    await expect(report.getByTestId('task-deadline-date')).toHaveValue('10/07/2025');
    await expect(page.locator('body')).not.toContainText('⟦');

    await page.getByTestId('save-directive').click();
    await expect(page).toHaveURL(/#\/directives$/);
    await expect(page.getByTestId('directive-table')).toContainText('245/KH-SLĐTBXH');
    // The saved tasks, as read and chosen.
    // A title opens the read-only view; the task cards are in the editor behind "Sửa văn bản".
    await page.getByTestId('directive-link').first().click();
    await page.getByTestId('directive-edit').click();
    await expect(page.getByTestId('task-card')).toHaveCount(3);
    const saved = page.getByTestId('task-card').filter({ hasText: 'Tổ chức lễ phát động' });
    await expect(saved.getByTestId('task-content')).toHaveValue('Tổ chức lễ phát động Tháng hành động vì trẻ em cấp tỉnh');
    await expect(saved.getByTestId('task-partners')).toContainText('Văn phòng');
    await expect(saved.getByTestId('task-deadline-date')).toHaveValue('31/05/2025');
  });

  await test.step('PDF with a text layer: the header columns apart, tasks read', async () => {
    await page.getByTestId('nav-directives').click();
    await page.getByTestId('paste-notice').click();
    await page.getByTestId('notice-file-input').setInputFiles(path.join(FILES, 'cong-van-lop-chu.pdf'));
    await expect(page.getByTestId('directive-editor')).toBeVisible();
    await expect(page.getByTestId('notice-source-text')).toContainText('Kính gửi: Phòng Lao động - Thương binh và Xã hội huyện Cao Lộc');
    await expect(page.getByTestId('input-date')).toHaveValue('14/10/2025');
    await expect(page.getByTestId('task-card')).toHaveCount(2);
    await expect(page.getByTestId('task-card').first().getByTestId('task-assignees')).toContainText('Cao Lộc');
    await page.getByRole('button', { name: /Hủy|Huỷ/ }).click();
  });

  await test.step('scanned PDF: the clear message, nothing read', async () => {
    await page.getByTestId('notice-file-input').setInputFiles(path.join(FILES, 'cong-van-ban-quet.pdf'));
    const error = page.getByTestId('paste-error');
    await expect(error).toContainText('cong-van-ban-quet.pdf là bản quét (ảnh), không có lớp chữ để đọc');
    await expect(page.getByTestId('directive-editor')).toHaveCount(0);
  });
});
