import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './harness';

type App = Awaited<ReturnType<typeof startApp>>;
const PASS = 'e2e の長いパスフレーズ 2025';
const today = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

describe('a counselor’s day in Chromium (browser mode, fresh case file)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it('first run creates the case file and shows the recovery sheet once', async () => {
    const { page } = app;
    await page.goto(app.host.openUrl);
    await page.getByLabel('センター名').fill('さいたま難病相談支援センター');
    await page.getByLabel('センターの都道府県').selectOption('11');
    await page.getByLabel('管理者の氏名').fill('相談 花子');
    await page.getByLabel('ログイン名').fill('hanako');
    await page.getByLabel('パスフレーズ', { exact: true }).fill(PASS);
    await page.getByLabel('パスフレーズ（確認）').fill(PASS);
    await expect.poll(() => page.getByTestId('strength').textContent()).toBe('強い');
    await app.shot('01-first-run-filled');
    await page.getByRole('button', { name: '作成する' }).click();
    const code = await page.getByTestId('recovery-code').textContent();
    expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await app.shot('02-recovery-sheet');
    await expect.poll(() => page.getByRole('button', { name: '続ける' }).isDisabled()).toBe(true);
    await page.getByLabel('回復コードを安全な場所に保管しました').check();
    await page.getByRole('button', { name: '続ける' }).click();
    await page.getByRole('button', { name: 'ロック', exact: true }).click();
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
  });

  it('logs in; a wrong passphrase is refused with a translated message', async () => {
    const { page } = app;
    await page.getByLabel('ログイン名').fill('hanako');
    await page.getByLabel('パスフレーズ').fill('まちがったパスフレーズ');
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('パスフレーズが違います。');
    await app.shot('03-login-wrong-passphrase');
    await page.getByLabel('パスフレーズ').fill(PASS);
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await page.getByRole('form', { name: '相談受付' }).waitFor();
  });

  it('records a consultation in Japanese with a follow-up due today', async () => {
    const { page } = app;
    await page.getByRole('radiogroup', { name: '相談方法' }).getByRole('radio', { name: '電話' }).click();
    await page.getByLabel('相談者の続柄・立場').selectOption({ label: '本人' });
    await page.getByRole('radio', { name: '新しく登録' }).click();
    await page.getByLabel('氏名', { exact: true }).fill('山田 花子');
    await page.getByLabel('ふりがな').fill('やまだ はなこ');
    await page.getByLabel('生年月日').fill('S35.6.3');
    await expect.poll(() => page.getByText('昭和35年6月3日（1960年6月3日）').count()).toBe(1);
    await page.getByLabel('居住地（市区町村）').fill('さいたましうらわ');
    await page.getByRole('listbox').getByRole('option').first().click();
    await expect.poll(() => page.getByTestId('municipality').textContent()).toContain('浦和区');
    await page.getByLabel('指定難病').fill('2');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /^2 筋萎縮性側索硬化症/ })
      .click();
    await page.getByRole('button', { name: /^1\.7 / }).click();
    await page.getByRole('button', { name: /^3\.1 / }).click();
    await page.getByRole('button', { name: /特定医療費.*を主な相談内容にする/ }).click();
    await page
      .getByLabel('相談の要旨')
      .fill('夜間の吸引の負担が大きく、肺炎を繰り返している。受給者証の更新についても知りたい。');
    await page
      .getByRole('group', { name: '対応の種類' })
      .getByRole('button', { name: '制度説明・助言' })
      .click();
    await page.getByLabel('対応の内容').fill('更新の手続きと訪問看護の利用について説明した。');
    await page.getByLabel('やること').fill('訪問看護の利用開始を確認する');
    await page.getByLabel('期日').fill(today());
    await app.shot('04-intake-filled');
    await page.keyboard.press('Control+s');
    await expect
      .poll(() => page.getByTestId('saved').textContent())
      .toMatch(/^R\d+-[A-Z]{2}-000001 として保存しました$/);
    await app.shot('05-intake-saved');
  });

  it('finds it again by a 2-character and a 3-character query', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '検索・一覧' }).click();
    const box = page.getByLabel('検索語');
    await box.fill('肺炎');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('1 件');
    await expect.poll(() => page.getByRole('listitem').first().textContent()).toContain('山田 花子');
    await app.shot('06-search-2-chars');
    await box.fill('ヤマダ');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('1 件');
    await box.fill('該当しない言葉');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('0 件');
    await box.fill('やまだ');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('1 件');
    await app.shot('07-search-3-chars');
    await page.getByRole('listitem').first().getByRole('button').click();
    await page.getByRole('region', { name: '本人の記録' }).waitFor();
    expect(await page.locator('[data-kind="consultation"]').count()).toBe(1);
    expect(await page.locator('[data-kind="follow_up"]').count()).toBe(1);
    await app.shot('08-person-timeline');
  });

  it('completes the follow-up with one keystroke', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '継続支援' }).click();
    const row = page.locator('[data-title="訪問看護の利用開始を確認する"]');
    await row.waitFor();
    await app.shot('09-followups');
    await row.focus();
    await page.keyboard.press('c');
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('「訪問看護の利用開始を確認する」を完了にしました');
    await expect.poll(() => row.count()).toBe(0);
    await app.shot('10-followup-completed');
  });

  it('locks without losing what was being typed, and unlocks', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '相談受付' }).click();
    await page.getByLabel('相談の要旨').fill('途中まで入力した相談：電源確保について');
    await page.waitForTimeout(1200); // the draft is saved ~0.6 s after typing stops
    await page.getByRole('button', { name: 'ロック', exact: true }).click();
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
    await app.shot('11-locked');
    await page.getByLabel('ログイン名').fill('hanako');
    await page.getByLabel('パスフレーズ').fill(PASS);
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await expect
      .poll(() => page.getByLabel('相談の要旨').inputValue())
      .toBe('途中まで入力した相談：電源確保について');
    expect(await page.getByTestId('draft-restored').count()).toBe(1);
    await app.shot('12-unlocked-draft-restored');
  });
});
