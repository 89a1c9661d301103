import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openOffice } from '../integration/twoOffices';
import { exchangeKeys, exportTo, filesIn } from '../integration/syncHelpers';
import { startHarness, tempDataDir, type RunningHarness } from './harness';
import { download } from './syncSteps';

/**
 * "Việc cần xử lý" (issue 13) in Chromium. Văn Quan finishes two tasks and its six-month report
 * and sends one bundle; the Sở imports it on the sync page, then handles every line of its inbox
 * from the home page, one click each: returns one task with a comment, accepts the other, accepts
 * the report. The Sở's bundle goes back; Văn Quan's home page shows the returned task with the
 * comment, and fixing it from there clears the line.
 */

const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
const PERIOD = `${year}-H1`;
const FORM = 'ldtbxh-6-thang';
const soDir = tempDataDir('inbox-so');
const vqDir = tempDataDir('inbox-vq');
const usb = mkdtempSync(path.join(os.tmpdir(), 'soviec-e2e-inbox-usb-'));
const COMMENT = 'Bổ sung số liệu theo từng xã trước ngày 20.';

const VALUES = {
  'ld.vieclam.tao_moi': 450,
  'ld.xkld.di_lam_viec': 15,
  'gdnn.tuyen_sinh': 350,
  'gdnn.ty_le_qua_dao_tao': 50,
  'gn.tong_so_ho': 6_000,
  'gn.ho_ngheo': 1_200,
  'gn.ho_can_ngheo': 900,
  'gn.ty_le_ho_ngheo': 20,
  'gn.ke_hoach_du_an': false,
  'ncc.nha_o.so_ho': 5,
  'ncc.nha_o.so_tien': 200_000_000,
  'btxh.tro_cap_hang_thang': 800,
  'te.hoan_canh_dac_biet.ho_tro': 20,
  'cn.tai_co_so': 3,
  'cn.tai_gia_dinh_cong_dong': 8,
  'cn.quan_ly_sau_cai': 20,
  'cds.ho_so_truc_tuyen': 60,
  'tm.ket_qua': 'Tuyển sinh đào tạo nghề cho 350 người, hỗ trợ nhà ở cho 5 hộ người có công.',
  'tm.ton_tai': 'Số người đi làm việc ở nước ngoài chưa đạt kế hoạch.',
  'tm.phuong_huong': 'Đẩy mạnh tuyên truyền xuất khẩu lao động trong 6 tháng cuối năm.',
};

let bundle: string[] = [];
let doneTasks: string[] = [];

test.describe.configure({ mode: 'serial' });

/** Both PCs set up in-process (no harness running on their folders): keys, directive, work done, Văn Quan's bundle on the stick. */
test.beforeAll(async () => {
  const so = await openOffice('so', 'SO', 'Nguyễn Mạnh Cường', { dataDir: soDir });
  const vq = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan', { dataDir: vqDir });
  try {
    // The recovery code of each folder was "written down" at set-up (the first-run step is firstRun's test).
    for (const c of [so, vq]) await c.call('app.confirmRecoveryCode', { confirmed: true });
    await exchangeKeys(so, vq, usb);
    const { tasks } = await so.call('directives.loadSample', {});
    await so.call('reports.installDefaults', {});
    const first = await exportTo(so, 'VANQUAN', usb);
    await vq.call('sync.import', { paths: filesIn(first.dir) });

    // Two tasks without required contents, finished by Văn Quan; its six-month report complete.
    const simple = tasks.filter((t) => t.requiredContents.length === 0 && t.assignees.includes('VANQUAN')).slice(0, 2);
    doneTasks = simple.map((t) => t.content);
    for (const t of simple) {
      await vq.call('progress.save', { taskId: t.id, status: 'done', percent: 100, narrative: 'Đã triển khai xong tại 17 xã, thị trấn.' });
    }
    await vq.call('reports.save', { formId: FORM, period: PERIOD, values: VALUES, complete: true });
    const back = await exportTo(vq, 'SO', usb);
    bundle = filesIn(back.dir);
  } finally {
    await so.core.close();
    await vq.core.close();
  }
});

async function home(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('inbox')).toBeVisible();
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
}

async function importBundle(page: Page, files: string[]): Promise<void> {
  await page.getByTestId('nav-sync').click();
  await page.getByTestId('import-files').setInputFiles(files);
  await expect(page.getByTestId('bundle-report').first()).toHaveAttribute('data-status', 'ready');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('bundle-report').first()).toHaveAttribute('data-status', 'applied');
}

test('the Sở imports a bundle and handles every inbox line from the home page; Văn Quan fixes a returned task from its own', async ({ browser }) => {
  test.setTimeout(240_000);
  let so: RunningHarness | null = await startHarness(soDir);
  let vq: RunningHarness | null = null;
  try {
    const ctx = await browser.newContext({ acceptDownloads: true });
    const page = await ctx.newPage();

    // Before the import: nothing waits at the Sở.
    await home(page, so.url);
    await expect(page.getByTestId('inbox-item-review')).toHaveCount(0);

    await importBundle(page, bundle);
    await page.getByTestId('nav-home').click();
    await expect(page.getByTestId('inbox-last-import')).toContainText('Văn Quan');
    await expect(page.getByTestId('inbox-item-review')).toHaveCount(2);
    await expect(page.getByTestId('inbox-item-accept')).toHaveCount(1);
    await page.screenshot({ path: 'test-results/screens/inbox-so.png', fullPage: true });

    // First completion: one click opens the task with Văn Quan's progress and the review form, empty.
    await page.getByTestId('inbox-item-review').filter({ hasText: doneTasks[0] ?? '' }).click();
    const form = page.getByTestId('review-form-VANQUAN');
    await expect(form).toBeVisible();
    await expect(form.getByTestId('review-comment')).toHaveValue('');
    await form.getByTestId('review-comment').fill(COMMENT);
    await form.getByTestId('review-return').click();
    await expect(page.getByTestId('review-outcome')).toContainText(COMMENT);

    // Back home: that line is gone; the second completion is accepted the same way.
    await page.getByTestId('nav-home').click();
    await expect(page.getByTestId('inbox-item-review')).toHaveCount(1);
    await page.getByTestId('inbox-item-review').click();
    await expect(page.getByTestId('review-form-VANQUAN').getByTestId('review-comment')).toHaveValue('');
    await page.getByTestId('review-form-VANQUAN').getByTestId('review-accept').click();
    await expect(page.getByTestId('review-outcome')).toBeVisible();

    // The report: one click opens Văn Quan's report at the Sở, accepted there.
    await page.getByTestId('nav-home').click();
    await expect(page.getByTestId('inbox-item-review')).toHaveCount(0);
    await page.getByTestId('inbox-item-accept').click();
    await expect(page.getByTestId('report-title')).toContainText('6 tháng đầu năm');
    await expect(page.getByTestId('review-comment')).toHaveValue('');
    await page.getByTestId('accept-report').click();
    await expect(page.getByTestId('locked')).toBeVisible();

    await page.getByTestId('nav-home').click();
    await expect(page.getByTestId('inbox-count')).toContainText('0');
    await expect(page.getByTestId('inbox-item-accept')).toHaveCount(0);

    // The reviews travel back to Văn Quan on the stick.
    await page.getByTestId('nav-sync').click();
    await expect(page.getByTestId('export-preview')).toBeVisible();
    const reply = await download(page, 'export-save', usb);
    await ctx.close();
    await so.stop();
    so = null;

    vq = await startHarness(vqDir);
    const office = await browser.newPage();
    await home(office, vq.url);
    await expect(office.getByTestId('inbox-item-returned')).toHaveCount(0);
    await importBundle(office, [reply]);
    await office.getByTestId('nav-home').click();
    const returned = office.getByTestId('inbox-item-returned');
    await expect(returned).toHaveCount(1);
    await expect(returned).toContainText(doneTasks[0] ?? '');
    await expect(returned).toContainText(COMMENT);
    // The reminder banner (the harness's stand-in for the desktop notification) says so too.
    await expect(office.getByTestId('reminder-banner')).toContainText('1 việc Sở trả lại');
    // The Sở's reply brought no directive: the one received earlier is not "new" any more.
    await expect(office.getByTestId('inbox-item-new')).toHaveCount(0);
    await office.screenshot({ path: 'test-results/screens/inbox-office.png', fullPage: true });

    // One click to the task; the office adds what was asked and saves; the line leaves the inbox.
    await returned.click();
    await expect(office.getByTestId('progress-form')).toBeVisible();
    await office.getByTestId('progress-narrative').fill('Đã bổ sung số liệu theo từng xã: 17 xã, thị trấn, 1.250 lượt người.');
    await office.getByTestId('progress-save').click();
    // The import's own success message may still be on screen: wait for the save's.
    await expect(office.locator('.ant-message-success').filter({ hasText: 'Đã lưu tiến độ' })).toBeVisible();
    await office.getByTestId('nav-home').click();
    await expect(office.getByTestId('inbox')).toBeVisible();
    await expect(office.getByTestId('inbox-item-returned')).toHaveCount(0);
    await expect(office.getByTestId('reminder-banner').filter({ hasText: 'trả lại' })).toHaveCount(0);
    await expect(office.locator('body')).not.toContainText('⟦');
  } finally {
    await so?.stop();
    await vq?.stop();
  }
});
