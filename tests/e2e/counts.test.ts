import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './harness';

const PASS = 'e2e counts 長いパスフレーズ';

/**
 * Counts the prefecture can trust, in Chromium as a center's administrator would meet them:
 * the prefecture chosen at first run, 新規/継続 shown from the person's history (the 転帰 row
 * does not move it), a meeting recorded on the 地域支援・会議 screen and counted in table 14.
 */
describe('counts in Chromium', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it('first run asks for the center’s prefecture', async () => {
    const { page } = app;
    await page.goto(app.host.openUrl);
    await page.getByLabel('センター名').fill('しずおか難病相談支援センター');
    await page.getByLabel('センターの都道府県').selectOption('22');
    await page.getByLabel('管理者の氏名').fill('管理 花子');
    await page.getByLabel('ログイン名').fill('hanako');
    await page.getByLabel('パスフレーズ', { exact: true }).fill(PASS);
    await page.getByLabel('パスフレーズ（確認）').fill(PASS);
    await app.shot('60-first-run-prefecture');
    await page.getByRole('button', { name: '作成する' }).click();
    await page.getByLabel('回復コードを安全な場所に保管しました').check();
    await page.getByRole('button', { name: '続ける' }).click();
    await page.getByRole('form', { name: '相談受付' }).waitFor();
    const settings = await app.dispatcher.dispatch('center.settings', {});
    expect(settings.ok && settings.data).toMatchObject({ prefectureCode: '22' });
  });

  it('intake: 新規/継続 from the history; clicking 継続 in the 転帰 row does not change it', async () => {
    const { page } = app;
    const form = page.getByRole('form', { name: '相談受付' });
    await form.getByLabel('相談者の続柄・立場').selectOption('anonymous');
    const derived = page.getByTestId('continuity-derived');
    await expect.poll(() => derived.textContent()).toBe('新規（人物を登録しない相談）');
    await form.getByRole('radiogroup', { name: '転帰' }).getByRole('radio', { name: '継続' }).click();
    expect(await derived.textContent()).toBe('新規（人物を登録しない相談）');
    await form.getByLabel('相談歴と違う値にする').check();
    await form.getByLabel('理由（必須）').fill('前回も匿名で電話があった方');
    await form.getByRole('group', { name: '新規／継続' }).scrollIntoViewIfNeeded();
    await app.shot('61-intake-continuity');
  });

  it('records a 協議会 and finds it in table 14', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '地域支援・会議' }).click();
    await page.getByRole('button', { name: '新しく記録する' }).click();
    const form = page.getByRole('form', { name: '地域支援・会議の記録' });
    await form.getByLabel('種別').selectOption('council');
    await form.getByLabel('名称・議題').fill('難病対策地域協議会');
    await form.getByLabel('参加者数（展示は来場者数）').fill('12');
    await form.getByLabel('機関・団体の名前').fill('浜松市保健所');
    await form.getByRole('button', { name: '追加' }).click();
    await form.getByLabel('機関・団体の名前').fill('訪問看護ステーション');
    await form.getByRole('button', { name: '追加' }).click();
    await app.shot('62-activity-form');
    await form.getByRole('button', { name: /^保存/ }).click();
    await page.getByText('「難病対策地域協議会」を保存しました。').waitFor();
    await app.shot('63-activities');
    await page.getByRole('button', { name: '統計・報告' }).click();
    const t14 = page.locator('[data-table="t14-activities"]');
    await t14.scrollIntoViewIfNeeded();
    await expect
      .poll(() => t14.locator('tbody tr').first().textContent(), { timeout: 30_000 })
      .toContain('地域支援対策事業');
    const council = await t14
      .locator('tbody tr', { hasText: '協議会' })
      .first()
      .locator('td')
      .allTextContents();
    expect(council).toEqual(['1', '12', '0', '2', '2']);
    await app.shot('64-reports-activities');
  });
});
