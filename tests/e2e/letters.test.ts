import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { seedLetterCase } from '../fixtures/letter-fixture';
import { ARTIFACTS, startApp } from './harness';
import { consentStatus, issueLetter, previewOf, previewPainted, recordConsent } from './letter-steps';

type App = Awaited<ReturnType<typeof startApp>>;
const PASS = 'e2e の長いパスフレーズ 2025';
const isoIn = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

/**
 * From a consultation to a printed, logged referral in Chromium: create the referral, record
 * consent, watch the preview, issue, reprint from the register (the stored bytes), record the
 * reply, and read the provision log.
 */
describe('referral letters in Chromium (browser mode)', () => {
  let app: App;
  let call: <C extends ChannelName>(c: C, i: ChannelInput<C>) => Promise<ChannelOutput<C>>;
  beforeAll(async () => {
    app = await startApp();
    // the case (letterhead, directory, a consultation) through the contract, then lock
    await app.runtime.create({
      centerName: 'みどり県難病相談支援センター',
      login: 'hanako',
      displayName: '相談 花子',
      passphrase: PASS,
      profession: 'nanbyo_counselor',
    });
    const dispatcher = createDispatcher(app.runtime, ALL_HANDLERS);
    call = async (c, i) => {
      const r = await dispatcher.dispatch(c, i);
      if (!r.ok) throw new AppError(r.error.code, r.error.message);
      return r.data as never;
    };
    await seedLetterCase(call);
    await app.runtime.lock();
  });
  afterAll(() => app.close());

  it('logs in and opens the person from the search', async () => {
    const { page } = app;
    await page.goto(app.host.openUrl);
    await page.getByLabel('ログイン名').fill('hanako');
    await page.getByLabel('パスフレーズ').fill(PASS);
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await page.getByRole('form', { name: '相談受付' }).waitFor();
    await page.getByRole('button', { name: '検索・一覧' }).click();
    await page.getByLabel('検索語').fill('緑川');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('1 件');
    await page.getByRole('listitem').first().getByRole('button').click();
    await page.getByRole('region', { name: '本人の記録' }).waitFor();
  });

  it('creates a referral from the consultation (reply due → follow-up)', async () => {
    const { page } = app;
    await page.locator('[data-kind="consultation"]').getByRole('button', { name: '紹介を作成' }).click();
    const form = page.getByRole('form', { name: '紹介を作成' });
    await form
      .getByLabel('紹介先（関係機関）')
      .selectOption({ label: 'みどり県中央保健所 保健予防推進担当（保健所）' });
    await expect.poll(() => form.getByLabel('様式').inputValue()).toBe('t1');
    await form
      .getByLabel('紹介の目的・依頼内容')
      .fill('レスパイト入院の調整と、災害時の個別避難計画の作成についてご支援をお願いします。');
    await form.getByLabel('返信期限（継続支援に登録されます）').fill(isoIn(14));
    await app.shot('letters-01-referral-form');
    await form.getByRole('button', { name: '紹介を作成' }).click();
    await page.getByRole('region', { name: '紹介' }).waitFor();
    await expect.poll(() => page.locator('.screen-header .tag').textContent()).toBe('依頼中');
  });

  it('without consent the preview says so and the letter cannot be issued', async () => {
    const { page } = app;
    await expect.poll(() => consentStatus(page)).toBe('missing');
    const preview = previewOf(page);
    await expect.poll(() => preview.getByText('緑川 花子').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: '発行する' }).isDisabled()).toBe(true);
    await app.shot('letters-02-no-consent');
  });

  it('records verbal consent; the preview follows every edit', async () => {
    const { page } = app;
    await recordConsent(page, '口頭');
    const editor = page.getByRole('region', { name: '文書の作成' });
    await editor.getByRole('checkbox', { name: 'レスパイト・一時入院の調整' }).check();
    await editor.getByLabel('医療機関', { exact: true }).fill('みどり県立難病医療センター');
    await editor.getByLabel('主治医', { exact: true }).fill('神経 次郎');
    await editor.getByLabel('依頼事項').fill('在宅療養の継続に向けて、家庭訪問をお願いいたします。');
    const preview = previewOf(page);
    await expect
      .poll(() => preview.getByText('家庭訪問をお願いいたします', { exact: false }).count())
      .toBeGreaterThan(0);
    // the letter's consent line, once (the enclosed reply form repeats it for the recipient)
    await expect
      .poll(() => preview.locator('.consent-line', { hasText: '本人の同意：口頭により取得' }).count())
      .toBe(1);
    await expect
      .poll(() => preview.locator('.reply-consent', { hasText: '本人の同意：口頭により取得' }).count())
      .toBe(1);
    await expect.poll(() => preview.getByText('保健 良子　様', { exact: false }).count()).toBeGreaterThan(0);
    await expect
      .poll(() => preview.getByText('取扱注意（個人情報）', { exact: false }).count())
      .toBeGreaterThan(0);
    await expect.poll(() => page.locator('.letter-preview-head .hint').count()).toBe(0); // not updating
    await preview.locator('.sheet').first().waitFor();
    await previewPainted(page);
    await app.shot('letters-03-preview-with-consent');
    await page.locator('.letter-preview').screenshot({ path: join(ARTIFACTS, 'letters-03b-preview.png') });
  });

  it('issues the letter and reprints the stored PDF byte for byte', async () => {
    const { page } = app;
    expect(await issueLetter(page)).toMatch(/^み難相第R\d+-[A-Z]{2}-0001号$/);
    const register = page.getByRole('region', { name: '発行台帳' });
    await expect.poll(() => register.locator('tbody tr').count()).toBe(1);
    await app.shot('letters-04-issued-register');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      register.getByRole('button', { name: '再印刷' }).click(),
    ]);
    const path = join(app.dir, 'reprint.pdf');
    await download.saveAs(path);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const entry = (await call('letter.register', {})).rows[0]!;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.pdfSha256);
    await expect.poll(() => register.locator('tbody tr td').nth(7).textContent()).toBe('1'); // one copy logged
  });

  it('records the reply: the referral is completed and its follow-up done', async () => {
    const { page } = app;
    const reply = page.getByRole('form', { name: '返信（受付・返信票）の記録' });
    await reply.getByLabel('先方の担当者').fill('保健予防推進担当 保健 良子');
    await reply.getByLabel('対応の内容・予定').fill('来週、家庭訪問を行います。');
    await reply.getByRole('button', { name: '返信を記録して紹介を完了にする' }).click();
    await expect.poll(() => page.locator('.screen-header .tag').textContent()).toBe('完了');
    await app.shot('letters-05-reply-recorded');
    const r = (await call('referral.list', {}))[0]!;
    expect(r.state).toBe('completed');
    const due = await call('followup.due', { scope: 'all', today: isoIn(14) });
    expect([...due.overdue, ...due.today, ...due.thisWeek].some((f) => f.id === r.followUpId)).toBe(false);
  });

  it('the timeline shows the referral and the letter; the provision log lists the letter and the reprint', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '緑川 花子' }).click();
    await page.getByRole('region', { name: '本人の記録' }).waitFor();
    await expect.poll(() => page.locator('[data-kind="referral"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-kind="letter"]').count()).toBe(1);
    await app.shot('letters-06-timeline');
    await page.getByRole('button', { name: '提供記録' }).click();
    const log = page.getByRole('region', { name: '提供記録' });
    await expect.poll(() => log.locator('tbody tr').count()).toBe(2);
    expect(await log.locator('tbody tr[data-kind="letter"]').count()).toBe(1);
    expect(await log.locator('tbody tr[data-kind="reprint"]').count()).toBe(1);
    await app.shot('letters-07-provision-log');
  });
});
