import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codeAt } from '../../db/totp/totp-code';
import { startApp, completeFirstRun } from './harness';

type App = Awaited<ReturnType<typeof startApp>>;
const PASS = 'e2e の長いパスフレーズ 2025';

/** The path the QR component draws for a text, as the qrcode library lays out its modules. */
function expectedQrPath(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  let d = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
  }
  return d;
}

describe('security screens in Chromium: two-step sign-in, backup, audit log', () => {
  let app: App;
  let secret = '';
  beforeAll(async () => {
    app = await startApp();
    const { page } = app;
    await page.goto(app.host.openUrl);
    await completeFirstRun(page, { passphrase: PASS });
    await page.getByRole('form', { name: '相談受付' }).waitFor();
  });
  afterAll(() => app.close());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await app.shot(`s-failed-${ctx.task.id}`);
  });

  it('reminds that there is no backup yet', async () => {
    const { page } = app;
    await expect
      .poll(() => page.locator('.reminder').textContent())
      .toContain('まだバックアップがありません');
    await app.shot('s01-backup-reminder');
  });

  it('sets up two-step sign-in: QR code of the otpauth URI, the key, one code to confirm', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '二段階認証', exact: true }).click();
    await page.getByRole('button', { name: '二段階認証を設定する' }).click();
    const qr = page.getByRole('img', { name: '認証アプリ用のQRコード' });
    await qr.waitFor();
    secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const account = (await page.locator('dl.facts dd').nth(1).textContent()) ?? '';
    expect(account).toBe('hanako (さいたま難病相談支援センター)');
    const uri = `otpauth://totp/Yorisoi:${encodeURIComponent(account)}?issuer=Yorisoi&secret=${secret}&algorithm=SHA1&digits=6&period=30`;
    expect(await qr.locator('path').getAttribute('d')).toBe(expectedQrPath(uri));
    await app.shot('s02-totp-enrolment');
    await page.getByLabel('認証コード（6桁）').fill('000000');
    await page.getByRole('button', { name: '確認して有効にする' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('認証コードが違います。');
    await page.getByLabel('認証コード（6桁）').fill(codeAt(secret, new Date()));
    await page.getByRole('button', { name: '確認して有効にする' }).click();
    await page.getByText('二段階認証を有効にしました。').waitFor();
    await page.getByText('有効：ログインのたびに認証コードを入力します。').waitFor();
    await app.shot('s03-totp-enabled');
  });

  it('sign-in then asks for the code; a wrong one is refused, the right one opens', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'ロック', exact: true }).click();
    await page.getByLabel('ログイン名').fill('hanako');
    await page.getByLabel('パスフレーズ').fill(PASS);
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await page.getByLabel('認証コード').waitFor();
    await app.shot('s04-login-code-step');
    await page.getByLabel('認証コード').fill('123456');
    await page.getByRole('button', { name: '確認' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('認証コードが違います。');
    // a code from the next 30-second step: the one used to confirm cannot be used again
    await page.getByLabel('認証コード').fill(codeAt(secret, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: '確認' }).click();
    // back where the user was before locking
    await page.getByRole('heading', { name: '二段階認証', exact: true }).waitFor();
  });

  it('the backup screen sets a folder, backs up now, lists the generation and says how to restore', async () => {
    const { page } = app;
    const folder = join(app.dir, 'usb');
    mkdirSync(folder);
    await page.getByRole('button', { name: 'バックアップ画面へ' }).click();
    await page.getByLabel('保存先フォルダー').fill(folder);
    await page.getByRole('button', { name: '保存先を設定' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('保存先を設定しました。');
    await page.getByRole('button', { name: '今すぐバックアップ' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^バックアップしました/);
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(1);
    // the temp folder is on the case file's disk: the screen says so
    await expect.poll(() => page.locator('.warning').textContent()).toContain('同じディスク');
    expect(await page.locator('pre.command').textContent()).toContain(folder);
    expect(await page.locator('.reminder').count()).toBe(0);
    await app.shot('s05-backup-screen');
  });

  it('the audit view filters, verifies the chain, notices tampering, and exports CSV', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '操作記録', exact: true }).click();
    await expect.poll(() => page.locator('table.audit tbody tr').count()).toBeGreaterThan(5);
    await page.getByRole('combobox', { name: /^操作/ }).selectOption({ label: 'ログイン' });
    await page.getByRole('button', { name: '絞り込む' }).click();
    await expect
      .poll(async () =>
        (await page.locator('table.audit tbody td:nth-child(4)').allTextContents()).every(
          (c) => c === 'ログイン',
        ),
      )
      .toBe(true);
    await page.getByRole('combobox', { name: /^操作/ }).selectOption({ label: 'すべての操作' });
    await page.getByRole('button', { name: '絞り込む' }).click();
    await page.getByRole('button', { name: '改ざんがないか検証する' }).click();
    await expect
      .poll(() => page.getByTestId('chain-report').textContent())
      .toMatch(/改ざんは見つかりませんでした/);
    await app.shot('s06-audit-verified');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSVで書き出す' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('番号,日時(UTC),ログイン名,操作');

    // someone edits an entry behind the app's back
    app.runtime.context().caseFile.sqlite.exec(`UPDATE audit_log SET login = 'someone' WHERE id = 3`);
    await page.getByRole('button', { name: '改ざんがないか検証する' }).click();
    await expect
      .poll(() => page.getByTestId('chain-report').textContent())
      .toBe('記録 #3 で改ざんの疑いがあります：この記録の内容が書き換えられています。');
    await app.shot('s07-audit-tampered');
  });

  it('an administrator resets another account’s second factor from the staff screen', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '職員', exact: true }).click();
    await page.getByLabel('ログイン名').fill('sato');
    await page.getByLabel('氏名').fill('佐藤 一郎');
    await page.getByLabel('初期パスフレーズ').fill('sato の長いパスフレーズ');
    await page.getByRole('form', { name: '職員を追加' }).getByRole('button', { name: '職員を追加' }).click();
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(2);
    const ctx = app.runtime.context();
    // sato set up a second factor on this device (as the enrolment above does)
    const sato = await ctx.db
      .selectFrom('staff')
      .select('id')
      .where('login', '=', 'sato')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('staff_totp')
      .values({ staff_id: sato.id, secret: 'JBSWY3DPEHPK3PXP', state: 'active', created_at: '' })
      .execute();
    await page.getByRole('button', { name: '職員', exact: true }).click();
    await page.getByRole('button', { name: '二段階認証', exact: true }).click();
    await page.getByRole('button', { name: '職員', exact: true }).click();
    // only sato's row offers a reset: one's own is turned off with a code on one's own screen
    await expect.poll(() => page.getByRole('button', { name: 'リセット' }).count()).toBe(1);
    await expect
      .poll(() => page.getByRole('row', { name: /sato/ }).getByRole('button', { name: 'リセット' }).count())
      .toBe(1);
    await app.shot('s08-staff-second-factor');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'リセット' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('二段階認証を解除しました');
    await expect.poll(() => page.getByRole('button', { name: 'リセット' }).count()).toBe(0);
  });

  it('the same screens in English', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '設定', exact: true }).click();
    await page.getByLabel('表示言語').selectOption('en');
    await page.getByRole('button', { name: 'Two-step sign-in', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Two-step sign-in', exact: true }).count())
      .toBe(1);
    await app.shot('s09-totp-en');
    await page.getByRole('button', { name: 'Audit log', exact: true }).click();
    await page.getByRole('button', { name: 'Verify the log is untouched' }).click();
    await expect
      .poll(() => page.getByTestId('chain-report').textContent())
      .toMatch(/^Entry #3 looks tampered with/);
    await app.shot('s10-audit-en');
  });
});
