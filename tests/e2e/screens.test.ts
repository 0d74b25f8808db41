import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { seedLetterCase } from '../fixtures/letter-fixture';
import { axeProblems } from './axe';
import { startApp } from './harness';

type App = Awaited<ReturnType<typeof startApp>>;
const PASS = 'e2e の長いパスフレーズ 2025';
const today = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

/**
 * Every screen, as an administrator sees it with a little of everything recorded, at the two
 * window sizes offices have (1366×768 laptops, 1024×768 old monitors and projectors): axe finds
 * nothing serious or moderate (each screen has an h1, no empty table headers), nothing is cut
 * off at the right edge, and a screenshot of each is kept to be looked at.
 */
describe('every screen in Chromium: accessible, and nothing cut off at 1366×768 and 1024×768', () => {
  let app: App;
  let page: Page;
  const api = async <C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ChannelOutput<C>> => {
    const r = await app.dispatcher.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${JSON.stringify(r.error.issues ?? '')}`);
    return r.data as ChannelOutput<C>;
  };

  beforeAll(async () => {
    app = await startApp();
    page = app.page;
    await page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(() => app.close());

  /** axe, the right edge, and a screenshot of the window as the user sees it */
  async function check(name: string, mustShow: Locator[] = []) {
    await page.waitForTimeout(300); // let a screen's first answers arrive
    const width = page.viewportSize()!.width;
    const problems = await axeProblems(page);
    expect.soft(problems, `${name} at ${width}px`).toEqual([]);
    const overflow = await page.evaluate(() => {
      const content = document.querySelector('.content');
      return Math.max(
        document.documentElement.scrollWidth - window.innerWidth,
        content ? content.scrollWidth - content.clientWidth : 0,
      );
    });
    expect.soft(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
    for (const l of mustShow) {
      await l.scrollIntoViewIfNeeded();
      const box = (await l.boundingBox())!;
      expect(box, `${name}: ${l.toString()} is not on screen`).toBeTruthy();
      expect.soft(box.x, `${name}: ${l.toString()} cut off on the left`).toBeGreaterThanOrEqual(0);
      expect
        .soft(box.x + box.width, `${name}: ${l.toString()} cut off at ${width}px`)
        .toBeLessThanOrEqual(width);
    }
    await page.screenshot({ path: `test-artifacts/screenshots/30-${width}-${name}.png` });
  }
  const nav = (name: string) =>
    page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

  it('first run, the recovery sheet and the login screen', async () => {
    await page.goto(app.host.openUrl);
    await page.getByLabel('センター名').fill('みどり県難病相談支援センター');
    await page.getByLabel('センターの都道府県').selectOption('11');
    await page.getByLabel('管理者の氏名').fill('相談 花子');
    await page.getByLabel('管理者の職種').selectOption({ label: '保健師' });
    await page.getByLabel('ログイン名').fill('hanako');
    await page.getByLabel('パスフレーズ', { exact: true }).fill(PASS);
    await page.getByLabel('パスフレーズ（確認）').fill(PASS);
    await page.getByLabel('住所').fill('みどり県さいたま市浦和区高砂三丁目1番1号');
    await page.getByLabel('電話', { exact: true }).fill('048-000-1234');
    await page.getByLabel('FAX').fill('048-000-1235');
    await check('first-run');
    await page.getByRole('button', { name: '作成する' }).click();
    await page.getByTestId('recovery-code').waitFor();
    await check('recovery-sheet');
    await page.getByLabel('回復コードを安全な場所に保管しました').check();
    await page.getByRole('button', { name: '続ける' }).click();
    await page.getByRole('button', { name: 'ロック', exact: true }).click();
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
    await check('login');
    await page.getByLabel('ログイン名').fill('hanako');
    await page.getByLabel('パスフレーズ').fill(PASS);
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await page.getByRole('form', { name: '相談受付' }).waitFor();
  });

  it('a little of everything is recorded (through the contract)', async () => {
    const c = await seedLetterCase(api);
    const referral = await api('referral.create', {
      consultationId: c.consultation.id,
      institutionId: c.inst.helloWork.id,
      template: 't2',
    });
    await api('consent.record', {
      personId: c.personId,
      referralId: referral.id,
      recipientIds: [c.inst.helloWork.id],
      dataItems: ['identity', 'disease', 'employment', 'certificates'],
      method: 'verbal',
      obtainedOn: today(),
    });
    const draft = await api('letter.draft', { referralId: referral.id });
    await api('letter.issue', { referralId: referral.id, draft });
    for (const [kind, title] of [
      ['outreach_consultation', '出張相談会（西部地域）'],
      ['exchange_meeting', '患者・家族交流会（とても長い名前の会場で開く春の交流会）'],
    ] as const)
      await api('event.create', {
        kind,
        title,
        date: today(),
        place: 'みどり県民会館 大ホール',
        participants: 12,
      });
    await api('coordination.open', {
      consultationId: c.consultation.id,
      kind: 'respite',
      reason: 'caregiver_illness',
      reasonNote: '夫が入院し、夜間の吸引ができない。',
      wantedFrom: today(),
      urgency: 'urgent',
      needs: { ventilator: 'nppv', suction: 'frequent' },
      consent: { method: 'verbal', date: today() },
    });
    await api('followup.create', { title: '主治医に受診結果を確認する', dueDate: today() });
    await api('activity.create', {
      kind: 'council',
      title: '難病対策地域協議会（とても長い議題の名前を付けた春の定例会議）',
      date: today(),
      attendees: [{ name: 'みどり県西部保健所' }, { name: '訪問看護ステーション' }],
      participants: 12,
    });
  }, 120_000);

  for (const width of [1366, 1024]) {
    it(`every screen at ${width}×768`, async () => {
      await page.setViewportSize({ width, height: 768 });
      await nav('相談受付');
      await page.getByRole('form', { name: '相談受付' }).waitFor();
      await check('intake', [page.getByRole('button', { name: /^保存/ })]);
      await page.keyboard.press('Control+s'); // nothing filled in: the messages at their fields
      await page.locator('.field-error').first().waitFor();
      await check('intake-errors', [page.locator('.field-error').first()]);
      await nav('検索・一覧');
      await page.locator('.row-button').first().waitFor();
      await check('search');
      const timeline = async () => {
        await nav('検索・一覧');
        await page.locator('.row-button').first().click();
        await page.getByRole('region', { name: '本人の記録' }).waitFor();
      };
      await timeline();
      await check('person-timeline');
      await page.locator('[data-kind="consultation"]').getByRole('button', { name: '編集' }).click();
      await page.getByRole('heading', { name: /^相談記録の編集/ }).waitFor();
      await check('intake-edit');
      await timeline();
      await page.getByRole('button', { name: '入院・レスパイト調整を始める' }).click();
      await page.getByRole('form', { name: '入院・レスパイト調整の依頼' }).waitFor();
      await check('coordination-new');
      await timeline();
      await page.getByRole('button', { name: '提供記録' }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('provision-log');
      await timeline();
      await page.locator('[data-kind="referral"]').getByRole('button', { name: '開く' }).click();
      await page.getByRole('region', { name: '文書の作成' }).waitFor();
      await expect
        .poll(() => page.locator('.consent-status').getAttribute('data-status'), { timeout: 30_000 })
        .toBe('ok');
      await check('referral-workspace');
      await nav('継続支援');
      await page.getByText('主治医に受診結果を確認する').waitFor();
      await check('followups');
      await nav('入院・レスパイト');
      await page.getByRole('table').waitFor();
      await check('coordination-board', [
        page.getByRole('table'),
        page.getByRole('button', { name: '開く' }).first(),
      ]);
      await page.getByRole('button', { name: '開く' }).first().click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('coordination-request');
      await nav('紹介・文書');
      const register = page.getByRole('region', { name: '発行台帳' });
      await register.getByRole('table').waitFor();
      await check('letters-register', [
        register.getByRole('button', { name: 'PDFを保存' }).first(),
        register.getByRole('table'),
      ]);
      await nav('関係機関');
      await page.getByText('ハローワークみどり').first().waitFor();
      await check('directory');
      await nav('統計・報告');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('table').first().waitFor({ timeout: 30_000 });
      await check('reports');
      await nav('イベント');
      const edit = page.getByRole('button', { name: '編集' }).first();
      await edit.waitFor();
      await check('events', [edit, page.getByRole('table')]);
      await edit.click();
      await page.getByRole('form').first().waitFor();
      await check('event-edit');
      await nav('地域支援・会議');
      await page.getByRole('table').waitFor();
      await check('activities', [page.getByRole('table')]);
      await page.getByRole('button', { name: '新しく記録する' }).click();
      await page.getByRole('form', { name: '地域支援・会議の記録' }).waitFor();
      await check('activity-form');
      await nav('同期');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('sync');
      await nav('職員');
      await page.getByRole('table').waitFor();
      await check('staff');
      await nav('操作記録');
      const audit = page.getByRole('table');
      await audit.waitFor();
      await check('audit', [audit]);
      await nav('バックアップ');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('backup');
      await nav('二段階認証');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('security');
      await nav('設定');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('settings');
    }, 240_000);
  }
});
