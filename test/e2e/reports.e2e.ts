import { test, expect, type Page } from '@playwright/test';
import { openCore, type Core } from '../../electron/core';
import type { DocKind } from '../../electron/domain/document';
import type { Input, OpName, Output } from '../../electron/contract';
import { startHarness, tempDataDir, type RunningHarness } from './harness';

/**
 * Periodic reports in Chromium: Văn Quan fills its six-month report, sees a Vietnamese error at
 * the field, fixes it and marks it complete; then the Sở sees the completeness matrix, the
 * totals and the chart. Documents are carried between the two data folders in-process with
 * the harness stopped (bundle files will replace this).
 */

// The tests build on one another: the office's report goes to the Sở, the Sở's review comes back.
test.describe.configure({ mode: 'serial' });

const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
const PERIOD = `${year}-H1`;
const FORM = 'ldtbxh-6-thang';
const soDir = tempDataDir('rp-so');
const vqDir = tempDataDir('rp-vq');
const bgDir = tempDataDir('rp-bg');

type Call = <K extends OpName>(name: K, input: Input<K>) => Promise<Output<K>>;
const caller =
  (core: Core): Call =>
  async (name, input) => {
    const r = await core.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value as Output<typeof name>;
  };

async function withCores(dirs: string[], fn: (cores: Core[]) => Promise<void>): Promise<void> {
  const cores: Core[] = [];
  try {
    for (const d of dirs) cores.push(await openCore({ dataDir: d }));
    await fn(cores);
  } finally {
    for (const c of cores) await c.close();
  }
}

async function carry(from: Core, to: Core, kinds: DocKind[]): Promise<void> {
  for (const k of kinds) await to.context.store.putVersions(from.context.store.list(k));
}

const BG_VALUES = {
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

test.beforeAll(async () => {
  await withCores([soDir, vqDir, bgDir], async ([so, vq, bg]) => {
    if (!so || !vq || !bg) throw new Error('cores');
    await caller(so)('app.setup', { profileId: 'lang-son-2022', role: 'so', officeCode: 'SO', officerName: 'Nguyễn Văn Sở' });
    await caller(vq)('app.setup', { profileId: 'lang-son-2022', role: 'office', officeCode: 'VANQUAN', officerName: 'Hoàng Thị Lan' });
    await caller(bg)('app.setup', { profileId: 'lang-son-2022', role: 'office', officeCode: 'BINHGIA', officerName: 'Lý Văn Bình' });
    // The recovery code of each folder counts as written down (first run's last step).
    for (const c of [so, vq, bg]) await caller(c)('app.confirmRecoveryCode', { confirmed: true });
    await caller(so)('reports.installDefaults', {});
    await caller(so)('reports.saveTargets', {
      formId: FORM,
      year,
      values: { VANQUAN: { 'ld.vieclam.tao_moi': 1_200, 'gn.ho_ngheo': 3_000 }, BINHGIA: { 'ld.vieclam.tao_moi': 900 } },
    });
    await carry(so, vq, ['reportForm', 'target']);
    await carry(so, bg, ['reportForm', 'target']);
    await caller(bg)('reports.save', { formId: FORM, period: PERIOD, values: BG_VALUES, complete: true });
  });
});

async function fill(page: Page, id: string, text: string): Promise<void> {
  await page.getByTestId(`field-${id}`).fill(text);
}

async function noRawKeys(page: Page): Promise<void> {
  await expect(page.locator('body')).not.toContainText('⟦');
}

test('an office fills its report, sees the error at the field, fixes it and marks it complete', async ({ page }) => {
  test.setTimeout(180_000); // two cores and a harness per test: room for a loaded machine
  const h: RunningHarness = await startHarness(vqDir);
  try {
    await page.goto(`${h.url}#/reports`);
    await expect(page.getByTestId(`due-${FORM}-${PERIOD}`)).toBeVisible();
    await noRawKeys(page);
    await page.getByTestId(`open-${FORM}-${PERIOD}`).click();
    await expect(page.getByTestId('report-title')).toContainText('6 tháng đầu năm');
    await expect(page.getByTestId('target-ld.vieclam.tao_moi')).toHaveText('Kế hoạch năm: 1.200');

    // Keyboard-first: Tab goes to the next figure of the form, Enter submits nothing.
    await fill(page, 'ld.vieclam.tao_moi', '600');
    await expect(page.getByTestId('field-ld.vieclam.tao_moi')).toHaveValue('600');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('field-ld.xkld.di_lam_viec')).toBeFocused();
    await page.keyboard.type('25');
    await fill(page, 'gdnn.tuyen_sinh', '1250');
    await page.getByTestId('field-gdnn.tuyen_sinh').blur();
    await expect(page.getByTestId('field-gdnn.tuyen_sinh')).toHaveValue('1.250');
    await fill(page, 'gdnn.ty_le_qua_dao_tao', '55');

    // Poor households above total households: the form's own Vietnamese message at the field.
    await fill(page, 'gn.tong_so_ho', '4000');
    await fill(page, 'gn.ho_ngheo', '5000');
    const err = page.getByTestId('error-gn.ho_ngheo');
    await expect(err).toContainText('Số hộ nghèo (5.000) không được lớn hơn tổng số hộ (4.000)');
    await fill(page, 'gn.ho_can_ngheo', '300');
    await fill(page, 'gn.ty_le_ho_ngheo', '12,5');
    await page.getByTestId('field-gn.ke_hoach_du_an').getByText('Có', { exact: true }).click();
    await expect(page.getByTestId('mark-complete')).toBeDisabled();
    await page.getByTestId('section-giam-ngheo').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -80));
    await page.screenshot({ path: 'test-results/screens/report-form-vi.png' });

    await fill(page, 'gn.tong_so_ho', '14000');
    await expect(err).toHaveCount(0);
    await fill(page, 'ncc.nha_o.so_ho', '10');
    await fill(page, 'ncc.nha_o.so_tien', '400000000');
    await fill(page, 'btxh.tro_cap_hang_thang', '1200');
    await fill(page, 'te.hoan_canh_dac_biet.ho_tro', '35');
    await fill(page, 'cn.tai_co_so', '5');
    await fill(page, 'cn.tai_gia_dinh_cong_dong', '12');
    await fill(page, 'cn.quan_ly_sau_cai', '30');
    await fill(page, 'cds.ho_so_truc_tuyen', '80');
    await fill(page, 'tm.ket_qua', 'Hoàn thành 13/14 nhiệm vụ; tạo việc làm mới cho 600 lao động.');
    await fill(page, 'tm.ton_tai', 'Công tác xuất khẩu lao động còn chậm, người dân chưa nắm rõ chính sách.');
    await fill(page, 'tm.phuong_huong', 'Tập trung rà soát hộ nghèo, cận nghèo theo chuẩn nghèo đa chiều.');
    await page.getByTestId('save-draft').click();
    await expect(page.getByTestId('report-state')).toHaveAttribute('data-state', 'draft');

    await expect(page.getByTestId('mark-complete')).toBeEnabled();
    await page.getByTestId('mark-complete').click();
    await expect(page.getByTestId('report-state')).toHaveAttribute('data-state', /completedNotSent|overdueNotSent/);
    // Completed but still on this PC: never "Gửi muộn" before it has been sent (issue 13).
    await expect(page.getByTestId('report-state')).toHaveText(/^(Hoàn thành|Quá hạn), chưa gửi$/);
    await expect(page.getByTestId('edit-report')).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/report-form-full-vi.png', fullPage: true });

    await page.reload();
    await expect(page.getByTestId('field-gn.tong_so_ho')).toHaveValue('14.000');
    await expect(page.getByTestId('report-state')).toHaveAttribute('data-state', /completedNotSent|overdueNotSent/);
    await noRawKeys(page);
  } finally {
    await h.stop();
  }
});

test("the Sở sees the completeness matrix, the totals and the chart, and returns a report", async ({ page }) => {
  test.setTimeout(180_000); // two cores and a harness per test: room for a loaded machine
  await withCores([soDir, vqDir, bgDir], async ([so, vq, bg]) => {
    if (!so || !vq || !bg) throw new Error('cores');
    await carry(vq, so, ['report']);
    await carry(bg, so, ['report']);
  });
  const h = await startHarness(soDir);
  try {
    await page.goto(h.url);
    await expect(page.getByTestId('reports-widget')).toContainText('2/11');
    await page.screenshot({ path: 'test-results/screens/report-home-so-vi.png', fullPage: true });
    await page.goto(`${h.url}#/reports/completeness`);
    await expect(page.getByTestId('completeness-matrix')).toBeVisible();
    await expect(page.getByTestId(`state-VANQUAN-${PERIOD}`)).toHaveAttribute('data-state', /sentOnTime|sentLate/);
    await expect(page.getByTestId(`state-BINHGIA-${PERIOD}`)).toHaveAttribute('data-state', /sentOnTime|sentLate/);
    await expect(page.getByTestId(`state-DINHLAP-${PERIOD}`)).toHaveAttribute('data-state', 'notStarted');
    await expect(page.getByTestId('chase-list')).toBeVisible();
    await noRawKeys(page);
    await page.screenshot({ path: 'test-results/screens/report-completeness-vi.png', fullPage: true });

    await page.getByTestId('tab-totals').click();
    await expect(page.getByTestId('included')).toHaveText('Tổng hợp từ 2/11 báo cáo');
    await expect(page.getByTestId('total-ld.vieclam.tao_moi')).toContainText('1.050');
    await expect(page.getByTestId('chart-offices').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('chart-periods').locator('.recharts-line')).toHaveCount(2);
    await noRawKeys(page);
    await page.screenshot({ path: 'test-results/screens/report-consolidation-vi.png', fullPage: true });

    await page.getByTestId('print-report').click();
    await expect(page.getByTestId('nd30-document')).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    await expect(page.getByTestId('print-figures')).toContainText('Số lao động được tạo việc làm mới');
    await page.screenshot({ path: 'test-results/screens/report-print-vi.png', fullPage: true });

    // Return Văn Quan's report with a comment at one field.
    await page.goto(`${h.url}#/report/${FORM}/${PERIOD}/VANQUAN`);
    await page.getByTestId('indicator-gn.ho_ngheo').getByRole('button').click();
    await page.getByTestId('review-gn.ho_ngheo').fill('Số hộ nghèo chưa khớp kết quả rà soát cuối năm.');
    await page.getByTestId('return-report').click();
    await expect(page.getByTestId('report-state')).toHaveAttribute('data-state', 'returned');
    await noRawKeys(page);

    // Targets are typed the Vietnamese way.
    await page.goto(`${h.url}#/reports/targets`);
    const target = page.getByTestId('target-DINHLAP-ld.vieclam.tao_moi');
    await target.fill('1500');
    await target.blur();
    await expect(target).toHaveValue('1.500');
    await page.getByTestId('save-targets').click();
    await expect(page.getByText('Đã lưu chỉ tiêu kế hoạch.')).toBeVisible();

    // A new version of the form with one more indicator in the first section.
    await page.getByTestId('tab-forms').click();
    await page.getByTestId(`new-version-${FORM}`).click();
    await page.getByTestId('add-indicator-lao-dong').click();
    await page.getByTestId('label-ld.chi_tieu_moi').fill('Số phiên giao dịch việc làm');
    // The cut-off day (NĐ 09/2019: the 14th) moves the report's window; the editor shows it.
    await expect(page.getByTestId('cutoff-window')).toContainText(`15/12/${year - 1} đến 14/06/${year}`);
    await page.getByTestId('cutoff-day').fill('20');
    await expect(page.getByTestId('cutoff-window')).toContainText(`21/12/${year - 1} đến 20/06/${year}`);
    await page.screenshot({ path: 'test-results/screens/report-form-editor-vi.png' });
    await page.getByTestId('save-version').click();
    await expect(page.getByTestId('form-view')).toContainText('Số phiên giao dịch việc làm');
    await expect(page.getByTestId('form-view')).toContainText('ld.so_phien_giao_dich_viec_lam');
    await expect(page.getByTestId('form-cutoff')).toHaveText('Ngày 20 của tháng cuối kỳ');
    await page.screenshot({ path: 'test-results/screens/report-form-version-vi.png' });
    await noRawKeys(page);

    // The same screens in English; the returned report no longer counts in the totals.
    await page.getByText('English', { exact: true }).click();
    await page.goto(`${h.url}#/reports/totals`);
    await expect(page.getByTestId('included')).toHaveText('Totals from 1/11 reports');
    await noRawKeys(page);
    await page.screenshot({ path: 'test-results/screens/report-consolidation-en.png', fullPage: true });
    // English figures group with commas and type with a decimal point (issue 13 item 5).
    await page.goto(`${h.url}#/reports/targets`);
    const enTarget = page.getByTestId('target-DINHLAP-ld.vieclam.tao_moi');
    await expect(enTarget).toHaveValue('1,500');
    await enTarget.fill('2500');
    await enTarget.blur();
    await expect(enTarget).toHaveValue('2,500');
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await expect(enTarget).toHaveValue('2.500');
  } finally {
    await h.stop();
  }
});

test("the office sees the Sở's comment at the field, corrects the report and completes it again", async ({ page }) => {
  test.setTimeout(180_000); // two cores and a harness per test: room for a loaded machine
  await withCores([soDir, vqDir], async ([so, vq]) => {
    if (!so || !vq) throw new Error('cores');
    await carry(so, vq, ['reportReview', 'reportForm', 'target']);
  });
  const h = await startHarness(vqDir);
  try {
    await page.goto(`${h.url}#/reports`);
    await expect(page.getByTestId(`due-${FORM}-${PERIOD}`).getByTestId('report-state')).toHaveAttribute('data-state', 'returned');
    await page.getByTestId(`open-${FORM}-${PERIOD}`).click();
    await expect(page.getByTestId('returned')).toBeVisible();
    await expect(page.getByTestId('comment-gn.ho_ngheo')).toContainText('Số hộ nghèo chưa khớp kết quả rà soát cuối năm.');
    // The report keeps the version it was filled on, though the Sở has made version 2.
    await expect(page.getByText('Mẫu phiên bản 1', { exact: true })).toBeVisible();
    await fill(page, 'gn.ho_ngheo', '4800');
    await expect(page.getByTestId('field-gn.ho_ngheo')).toHaveValue('4.800');
    await page.getByTestId('mark-complete').click();
    await expect(page.getByTestId('report-state')).toHaveAttribute('data-state', /completedNotSent|overdueNotSent/);
    await expect(page.getByTestId('comment-gn.ho_ngheo')).toHaveCount(0);
    await noRawKeys(page);

    // Home: what is still to do (last year's reports, never started).
    await page.goto(h.url);
    await expect(page.getByTestId('reports-widget')).toBeVisible();
    await noRawKeys(page);
    await page.screenshot({ path: 'test-results/screens/report-home-office-vi.png', fullPage: true });
  } finally {
    await h.stop();
  }
});
