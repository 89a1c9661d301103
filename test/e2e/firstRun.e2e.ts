import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startHarness, type RunningHarness, passRecoveryStep } from './harness';

let h: RunningHarness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h.stop();
});

test('first run as a district office, reload keeps it, settings are on disk', async ({ page }) => {
  await page.goto(h.url);
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng Sổ Việc' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/first-run-vi.png', fullPage: true });

  // A new folder starts on today's tree; the 2022 tree stays choosable, marked as replaced.
  await expect(page.getByRole('radio', { name: /từ 01\/7\/2025/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /\(2022, .*đã thay thế, dùng cho dữ liệu cũ/ })).not.toBeChecked();
  await page.getByTestId('profile-lang-son-2022').click();
  // Choose Văn Quan by typing without diacritics, as officers often do.
  await page.getByTestId('office-select').click();
  await page.keyboard.type('van quan');
  await page.getByTitle('Phòng Lao động, Thương binh, Xã hội - Dân tộc huyện Văn Quan').click();
  await page.getByTestId('officer-name').fill('Hoàng Thị Lan');
  await page.getByTestId('start').click();
  // The recovery code, shown once: Continue waits for "written down".
  await expect(page.getByRole('heading', { name: 'Mã khôi phục dữ liệu' })).toBeVisible();
  const code = await page.getByTestId('recovery-code').textContent();
  expect(code).toMatch(/^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/);
  // Too long for one line on the card: it breaks four groups + four groups, each half on one line
  // (it used to break after the fifth group, leaving a hyphen hanging at the line end).
  const lines = await page.getByTestId('recovery-code').evaluate((box) => {
    const range = document.createRange();
    range.selectNodeContents(box);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  const halves = page.getByTestId('recovery-code').locator('.recovery-code-half');
  await expect(halves).toHaveText([/^([0-9A-Z]{5}-){4}$/, /^([0-9A-Z]{5}-){3}[0-9A-Z]{5}$/]);
  if (lines > 1) {
    for (const half of await halves.all()) expect(await half.evaluate((el) => el.getClientRects().length)).toBe(1);
  }
  await expect(page.getByTestId('recovery-continue')).toBeDisabled();
  await expect(page.getByTestId('recovery-print')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/recovery-code-vi.png', fullPage: true });
  await passRecoveryStep(page);

  await expect(page.getByTestId('greeting')).toHaveText('Xin chào, Hoàng Thị Lan');
  await expect(page.getByTestId('office-name')).toHaveText('Phòng Lao động, Thương binh, Xã hội - Dân tộc huyện Văn Quan');
  await page.screenshot({ path: 'test-results/screens/home-vi.png', fullPage: true });

  await page.reload();
  await expect(page.getByTestId('greeting')).toHaveText('Xin chào, Hoàng Thị Lan');
  // Shown once: nowhere on the page after the confirmation.
  await expect(page.locator('body')).not.toContainText(code as string);
  await expect(page.getByTestId('who')).toContainText('Phòng LĐTBXH Văn Quan');

  const settings = JSON.parse(readFileSync(path.join(h.dataDir, 'settings.json'), 'utf8')) as {
    session: { role: string; officeCode: string; officerName: string };
  };
  expect(settings.session).toMatchObject({ role: 'office', officeCode: 'VANQUAN', officerName: 'Hoàng Thị Lan' });
  await expect(page.locator('body')).not.toContainText('⟦');
});

test('language switches at runtime and is remembered', async ({ page }) => {
  await page.goto(h.url);
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByTestId('greeting')).toHaveText('Hello, Hoàng Thị Lan');
  await page.reload();
  await expect(page.getByTestId('greeting')).toHaveText('Hello, Hoàng Thị Lan');
  await expect(page.locator('body')).not.toContainText('⟦');
  await page.getByText('Tiếng Việt', { exact: true }).click();
  await expect(page.getByTestId('greeting')).toHaveText('Xin chào, Hoàng Thị Lan');
});

test('the harness refuses calls without the token and from another origin', async ({ request }) => {
  const noToken = await request.post(`${h.url}api/call`, { data: { name: 'app.state', input: {} } });
  expect(noToken.status()).toBe(403);
  const html = await (await request.get(h.url)).text();
  const token = /name="soviec-token" content="([0-9a-f]+)"/.exec(html)?.[1] ?? '';
  const otherOrigin = await request.post(`${h.url}api/call`, {
    data: { name: 'app.state', input: {} },
    headers: { 'x-soviec-token': token, origin: 'http://evil.example' },
  });
  expect(otherOrigin.status()).toBe(403);
  const ok = await request.post(`${h.url}api/call`, { data: { name: 'app.state', input: {} }, headers: { 'x-soviec-token': token } });
  expect(((await ok.json()) as { ok: boolean }).ok).toBe(true);
});
