import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, completeFirstRun } from './harness';

type App = Awaited<ReturnType<typeof startApp>>;
const PASS = 'e2e の長いパスフレーズ 2025';

/** Is the element's whole box inside the window (what the user can see without scrolling)? */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return (
      r.width > 0 &&
      r.top >= 0 &&
      r.bottom <= window.innerHeight &&
      r.left >= 0 &&
      r.right <= window.innerWidth
    );
  }, selector);
}
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('a counselor at a 1366×768 laptop, on the keyboard', () => {
  let app: App;
  let page: Page;
  let serial = '';
  beforeAll(async () => {
    app = await startApp();
    page = app.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.host.openUrl);
    await completeFirstRun(page, {
      passphrase: PASS,
      centerName: 'みどり県難病相談支援センター',
      adminName: '相談 花子',
    });
    await page.getByRole('button', { name: 'ロック', exact: true }).click();
  });
  afterAll(() => app.close());

  it('signs in with the keyboard and lands in 受付日時', async () => {
    await page.getByLabel('ログイン名').waitFor();
    await page.keyboard.type('hanako');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: '相談受付' }).waitFor();
    await expect.poll(() => focusedId(page)).toBe('intake-receivedAt');
  });

  it('moves through a radio group with the arrows, saves with Ctrl+S from the bottom of the form (Caps Lock on), and sees the number where she is', async () => {
    const method = page.getByRole('radiogroup', { name: '相談方法' });
    await method.getByRole('radio', { name: '電話' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => method.getByRole('radio', { name: '来所面接' }).getAttribute('aria-checked'))
      .toBe('true');
    await page.getByLabel('相談者の続柄・立場').selectOption({ label: '本人' });
    await page.getByRole('radio', { name: '新しく登録' }).click();
    await page.getByLabel('氏名', { exact: true }).fill('山田 花子');
    await page.getByLabel('ふりがな').fill('やまだ はなこ');
    await page.getByLabel('相談の要旨').fill('受給者証の更新について');
    // she is at the bottom of the form when she saves
    await page.getByLabel('やること').focus();
    await page.keyboard.press('Control+S'); // "S": what Caps Lock sends
    await expect
      .poll(() => page.getByTestId('saved').textContent())
      .toMatch(/^R\d+-[A-Z]{2}-000001 として保存しました$/);
    serial = (await page.getByTestId('saved').textContent())!.replace(' として保存しました', '');
    expect(await inView(page, '[data-testid="saved"]')).toBe(true);
    expect(await inView(page, '.saved-status button')).toBe(true);
    await expect.poll(() => focusedId(page)).toBe('intake-receivedAt');
    await app.shot('40-intake-saved-1366x768');
    await page.getByRole('button', { name: `${serial} を開く` }).click();
    await page.getByRole('heading', { name: `相談記録の編集（${serial}）` }).waitFor();
    expect(await page.getByLabel('相談の要旨').inputValue()).toBe('受給者証の更新について');
  });

  it('a refused save says why at the field, in view, with focus there', async () => {
    await page.getByRole('button', { name: /^新しい受付/ }).click();
    await page.getByLabel('相談の要旨').fill('名前のない相談');
    await page.getByLabel('対応時間（分）').fill('2000');
    await page.keyboard.press('Control+s');
    await expect.poll(() => focusedId(page)).toBe('intake-durationMin');
    expect(await inView(page, '#intake-durationMin-notice')).toBe(true);
    expect(await page.locator('#intake-durationMin-notice').textContent()).toBe(
      '対応時間（分）は 0〜1440 の整数で入力してください',
    );
    await app.shot('41-intake-refused-1366x768');
    await page.getByRole('button', { name: /^新しい受付/ }).click();
  });

  it('finds the record by the name typed without the space, and by its number', async () => {
    await page.getByRole('navigation').getByRole('button', { name: '検索・一覧', exact: true }).click();
    const box = page.getByLabel('検索語');
    await box.fill('山田花子');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('1 件');
    await expect.poll(() => page.locator('.row-button').first().textContent()).toContain('山田 花子');
    await box.fill(serial);
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('1 件');
    await expect.poll(() => page.locator('.row-button').first().textContent()).toContain(serial);
    await app.shot('42-search-by-number');
  });
});
