import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Steps on the letters screen that more than one e2e takes (referral workspace in Chromium). */

/** The live preview: the main process's HTML in the sandboxed frame. */
export const previewOf = (page: Page) => page.frameLocator('iframe[title="プレビュー（印刷されるとおり）"]');

/** What the preview says about consent: ok, missing or scope. */
export const consentStatus = (page: Page) => page.locator('.consent-status').getAttribute('data-status');

/** Records consent with the panel's form as it stands (method, date, items) and waits for ok. */
export async function recordConsent(page: Page, method?: '口頭' | '書面') {
  const consent = page.getByRole('form', { name: '同意を記録' });
  if (method) await consent.getByRole('radio', { name: method }).check();
  await consent.getByRole('button', { name: '同意を記録' }).click();
  await expect.poll(() => consentStatus(page)).toBe('ok');
}

/** Issues the letter (printing takes seconds) and returns the document number it was given. */
export async function issueLetter(page: Page): Promise<string> {
  await page.getByRole('button', { name: '発行する' }).click();
  const status = page.getByRole('region', { name: '文書の作成' }).getByRole('status').last();
  await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/ を発行しました。$/);
  return (await status.textContent())!.replace(/ を発行しました。$/, '');
}

/**
 * Brings the preview into view and waits until its frame shows the letter: Chromium does not
 * paint a cross-origin (sandboxed) frame while it is off screen, so a screenshot taken at once
 * shows an empty grey box (a few KB of PNG; a painted letter is tens of KB).
 */
export async function previewPainted(page: Page) {
  const frame = page.locator('iframe[title="プレビュー（印刷されるとおり）"]');
  await frame.scrollIntoViewIfNeeded();
  await expect
    .poll(async () => (await frame.screenshot()).length, { timeout: 15_000 })
    .toBeGreaterThan(30_000);
}
