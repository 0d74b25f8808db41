import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, completeFirstRun } from './harness';

type App = Awaited<ReturnType<typeof startApp>>;
const PASS = 'e2e の長いパスフレーズ 2025';

/** An administrator restores a backup from the backup screen, in Chromium. */
describe('restore from the backup screen', () => {
  let app: App;
  let folder = '';
  beforeAll(async () => {
    app = await startApp();
    const { page } = app;
    await page.goto(app.host.openUrl);
    await completeFirstRun(page, { passphrase: PASS });
    await page.getByRole('form', { name: '相談受付' }).waitFor();
    folder = join(app.dir, 'usb');
    mkdirSync(folder);
  });
  afterAll(() => app.close());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await app.shot(`r-failed-${ctx.task.id}`);
  });

  it('backs up, then puts that generation back: the later record is gone, the old file kept', async () => {
    const { page, dispatcher } = app;
    await page.getByRole('button', { name: 'バックアップ画面へ' }).click();
    await page.getByLabel('保存先フォルダー').fill(folder);
    await page.getByRole('button', { name: '保存先を設定' }).click();
    await page.getByRole('button', { name: '今すぐバックアップ' }).click();
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(1);
    // recorded after the backup: the restore takes the file back to before it
    const later = await dispatcher.dispatch('person.create', { name: '後から 登録', residence: 'in_pref' });
    expect(later.ok).toBe(true);

    const form = page.getByRole('form', { name: 'バックアップから復元' });
    const restore = form.getByRole('button', { name: 'この世代から復元する' });
    expect(await restore.isDisabled()).toBe(true); // nothing typed, nothing confirmed
    await form.getByLabel('その世代でのあなたのパスフレーズ').fill(PASS);
    await form.getByLabel(/いまのケースファイルを置き換えることを理解しました/).check();
    await app.shot('r01-restore-form');

    // a wrong passphrase first: refused, the session stays
    await form.getByLabel('その世代でのあなたのパスフレーズ').fill('まちがったパスフレーズ 2025');
    await restore.click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('パスフレーズが違います。');
    await form.getByLabel('その世代でのあなたのパスフレーズ').fill(PASS);
    await restore.click();

    await expect.poll(() => page.getByRole('status').textContent()).toContain('バックアップから復元しました');
    await app.shot('r02-restored-login');
    expect(readdirSync(app.dir).some((f) => f.includes('.replaced-'))).toBe(true);
    await page.getByLabel('ログイン名').fill('hanako');
    await page.getByLabel('パスフレーズ').fill(PASS);
    await page.getByRole('button', { name: 'ロック解除' }).click();
    // back on the screen the user was on; the restored file has no record of that backup yet
    await page.getByRole('heading', { name: 'バックアップ', exact: true }).waitFor();
    const found = await dispatcher.dispatch('person.search', { query: '後から' });
    expect(found).toMatchObject({ ok: true, data: [] });
    expect(existsSync(app.casefile)).toBe(true);
  });

  it('the restore form in English', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '設定', exact: true }).click();
    await page.getByLabel('表示言語').selectOption('en');
    await page.getByRole('button', { name: 'Backup', exact: true }).click();
    await page.getByRole('form', { name: 'Restore from a backup' }).waitFor();
    await app.shot('r03-restore-form-en');
  });
});
