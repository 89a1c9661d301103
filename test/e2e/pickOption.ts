import { expect, type Page } from '@playwright/test';

/**
 * Chooses an option of an antd Select by its title (or text). A click that lands while the
 * dropdown is still opening can be dropped (the list stays open, nothing chosen: seen under load
 * on the year picker), so the option is clicked again until the dropdown closes, as an officer
 * would click again.
 */
export async function pickOption(page: Page, testId: string, text: string | RegExp): Promise<void> {
  const open = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await open.count()) === 0) await page.getByTestId(testId).click();
    const option = typeof text === 'string' ? open.getByTitle(text, { exact: true }) : open.locator('.ant-select-item-option').filter({ hasText: text }).first();
    await option.click({ timeout: 5_000 });
    await expect(open).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
