import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp } from './harness';

let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app.close());

it('the first-run screen opens a clearly marked demo case file, apart from the real one', async () => {
  const { page } = app;
  await page.goto(app.host.openUrl);
  await page.getByLabel('デモ用のパスフレーズ（10文字以上）').fill('デモ用のパスフレーズです');
  await page.getByRole('button', { name: 'デモを開く' }).click();
  await expect
    .poll(() => page.getByRole('note').first().textContent(), { timeout: 60_000 })
    .toContain('架空');
  await page.getByRole('button', { name: '検索・一覧' }).click();
  await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('300 件');
  await page.locator('.row-button').first().waitFor();
  await app.shot('20-demo-search');
  // a fictitious directory to refer to, and the center's events
  await page.getByRole('button', { name: '関係機関', exact: true }).click();
  await page.getByText('架空大学病院').first().waitFor();
  await app.shot('21-demo-directory');
  expect(existsSync(app.casefile)).toBe(false); // the real case file was never created
  expect(existsSync(app.runtime.demoCasefile)).toBe(true);
});
