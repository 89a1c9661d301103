import { expect, type Browser, type Page } from '@playwright/test';
import path from 'node:path';

/** Steps of the key-card and bundle exchange that several e2e tests walk through the UI. */

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(url);
  return page;
}

/** Clicks the element with `testId`, saves the download it starts into `folder` (the "USB stick"), returns the path. */
export async function download(page: Page, testId: string, folder: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const target = path.join(folder, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

/** Opens another office's key card, checks the number read out by phone, ticks the box and trusts it. */
export async function importCard(page: Page, card: string, expected: string): Promise<void> {
  await page.getByTestId('keycard-input').setInputFiles(card);
  await expect(page.getByTestId('keycard-fingerprint')).toHaveAttribute('aria-label', expected);
  // The tick can land while the dialog is still opening and be lost (seen once in CI): the box is
  // ticked again until the trust button answers, as an officer would tick it again.
  const trust = page.getByTestId('keycard-trust');
  await expect(async () => {
    if (await trust.isDisabled()) await page.getByTestId('keycard-confirmed').click();
    await expect(trust).toBeEnabled({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await trust.click();
  await expect(page.getByTestId('keycard-modal')).toBeHidden();
}
