import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import { stayBoth } from '../../electron/services/letters/t3-draft-fill';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { ARTIFACTS, startApp } from './harness';
import { consentStatus, issueLetter, previewOf, previewPainted, recordConsent } from './letter-steps';

type App = Awaited<ReturnType<typeof startApp>>;
const PASS = 'e2e 調整のパスフレーズ 2025';
const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const today = () => isoDay(new Date());
const inDays = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return isoDay(d);
};
const SHIKI = '112283';

/**
 * Admission coordination in Chromium: the directory records what hospitals accept, a respite
 * request for a ventilator patient is opened from the person's consultation, two hospitals
 * refuse, a third considers (a call-back follow-up appears) and then accepts; the board and
 * the follow-ups follow along; the accepted request then gives the T3 letter to the hospital,
 * issued under its own consent record. All names are invented.
 */
describe('admission and respite coordination in Chromium', () => {
  let app: App;
  let call: <C extends ChannelName>(c: C, i: ChannelInput<C>) => Promise<ChannelOutput<C>>;
  beforeAll(async () => {
    app = await startApp();
    await app.runtime.create({
      centerName: 'しき難病相談支援センター',
      login: 'hanako',
      displayName: '相談 花子',
      passphrase: PASS,
      profession: 'nanbyo_counselor',
    });
    const dispatcher = createDispatcher(app.runtime, ALL_HANDLERS, { logInternal: () => undefined });
    call = async <C extends ChannelName>(c: C, i: ChannelInput<C>) => {
      const r = await dispatcher.dispatch(c, i);
      if (!r.ok) throw new Error(`${c}: ${r.error.code}`);
      return r.data as ChannelOutput<C>;
    };
    await call('letter.letterhead.set', {
      centerName: 'しき難病相談支援センター',
      phone: '048-000-1234',
      fax: '048-000-1235',
      documentSymbol: 'し難相',
    });
    await call('institution.create', {
      type: 'health_center',
      name: '朝霞保健所',
      coveredMunicipalities: ['112275', SHIKI, '112291', '112305'],
    });
    const hospital = (
      name: string,
      nameKana: string,
      type: ChannelInput<'institution.create'>['type'],
      code: string,
    ) =>
      call('institution.create', {
        type,
        name,
        nameKana,
        municipalityCode: code,
        phone: '048-000-0000',
        capabilities: ['respite_beds', 'ventilator_tppv', 'frequent_suction', 'gastrostomy'],
      });
    await hospital('志木中央病院', 'しきちゅうおうびょういん', 'core_cooperating_hospital', SHIKI);
    await hospital('朝霞拠点病院', 'あさかきょてんびょういん', 'hub_hospital', '112275');
    await hospital(
      '和光協力病院',
      'わこうきょうりょくびょういん',
      'nanbyo_cooperating_institution',
      '112291',
    );
    await call('consultation.record', {
      receivedAt: `${today()}T09:00`,
      method: 'phone',
      consulter: 'spouse',
      person: {
        mode: 'new',
        data: { name: '架空 一郎', nameKana: 'かくう いちろう', municipalityCode: SHIKI },
      },
      patient: {
        diagnosisStatus: 'confirmed',
        diseases: [{ number: 2 }],
        devices: ['ventilator_tppv', 'suction'],
      },
      categories: ['2.2'],
      responses: ['coordination'],
      summary: '妻が腰を痛め、介護が難しい。レスパイト入院を希望（架空）。',
    });
    await app.runtime.lock();
  });
  afterAll(() => app.close());

  it('logs in and records in the directory what a hospital accepts (toggles and a free tag)', async () => {
    const { page } = app;
    await page.goto(app.host.openUrl);
    await page.getByLabel('ログイン名').fill('hanako');
    await page.getByLabel('パスフレーズ').fill(PASS);
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await page.getByRole('button', { name: '関係機関', exact: true }).click();
    const form = page.getByRole('form', { name: '関係機関の登録' });
    await form.getByLabel('種別').selectOption({ label: '基幹協力病院' });
    await form.getByLabel('名称').fill('新座みどり病院');
    await form.getByLabel('よみ').fill('にいざみどりびょういん');
    await form.getByLabel('所在地の市区町村').fill('にいざ');
    await page.getByRole('listbox').getByRole('option').first().click();
    const caps = form.getByRole('group', { name: /受入機能/ });
    await caps.getByRole('button', { name: 'レスパイト入院の病床' }).click();
    await caps.getByRole('button', { name: '人工呼吸器（NPPV）の受入' }).click();
    await form.getByLabel('その他のタグ（「、」で区切る）').fill('駐車場あり');
    await app.shot('30-directory-capabilities');
    await form.getByRole('button', { name: '保存' }).click();
    const row = page.getByRole('row', { name: /新座みどり病院/ });
    await expect.poll(() => row.textContent()).toContain('レスパイト入院の病床');
    expect(await row.textContent()).toContain('駐車場あり');
  });

  it('opens a respite request from the consultation on the person’s record', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '検索・一覧' }).click();
    await page.getByLabel('検索語').fill('かくう');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('1 件');
    await page.getByRole('listitem').first().getByRole('button').click();
    await page.getByRole('button', { name: '入院・レスパイト調整を始める' }).click();
    const form = page.getByRole('form', { name: '入院・レスパイト調整の依頼' });
    await form.waitFor();
    // the consultation's devices fill in the needs: TPPV, suction
    const vent = form.getByRole('radiogroup', { name: '人工呼吸器' });
    await expect
      .poll(() => vent.getByRole('radio', { name: /TPPV/ }).getAttribute('aria-checked'))
      .toBe('true');
    await form
      .getByRole('radiogroup', { name: '吸引' })
      .getByRole('radio', { name: '吸引（頻回・夜間も）' })
      .click();
    await form.getByLabel('胃ろう・経管栄養').check();
    await form.locator('#coordination-reason').selectOption({ label: '介護者の病気・入院' });
    await form.getByLabel('希望日（から）').fill(inDays(7));
    await form.getByLabel('希望日（まで）').fill(inDays(14));
    await form.getByRole('radiogroup', { name: '緊急度' }).getByRole('radio', { name: '至急' }).click();
    await form
      .getByLabel('理由・状況（病院に伝える内容）')
      .fill('妻が腰椎圧迫骨折で入院。夜間の吸引ができない。');
    await form.getByLabel(/同意を得た/).check();
    await app.shot('31-request-form');
    await form.getByRole('button', { name: '依頼を登録する' }).click();
    await page.getByRole('heading', { name: '架空 一郎 さんのレスパイト（一時入院）調整' }).waitFor();
    expect(await page.getByTestId('request-state').textContent()).toBe('調整中');
    // candidates: all needs covered first (same town, then the 保健所 area), the NPPV-only one last
    await expect
      .poll(() =>
        page
          .getByTestId('candidates')
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-candidate'))),
      )
      .toEqual(['志木中央病院', '和光協力病院', '朝霞拠点病院', '新座みどり病院']);
    await app.shot('32-request-candidates');
  });

  async function logCall(
    hospital: string,
    answer: '受入可' | '受入不可' | '検討中',
    fill?: () => Promise<void>,
  ) {
    const { page } = app;
    await page.locator(`[data-candidate="${hospital}"]`).getByRole('button', { name: '連絡を記録' }).click();
    const entry = page.getByRole('form', { name: '連絡を1件記録する' });
    await expect.poll(() => entry.getByLabel('連絡した医療機関').inputValue()).not.toBe('');
    await entry
      .getByRole('radiogroup', { name: '回答' })
      .getByRole('radio', { name: answer, exact: true })
      .click();
    if (fill) await fill();
    await entry.getByRole('button', { name: '記録する' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`${hospital}：${answer}`);
  }

  it('logs two refusals and a 検討中 whose call-back becomes a follow-up', async () => {
    const { page } = app;
    const entry = page.getByRole('form', { name: '連絡を1件記録する' });
    await logCall('志木中央病院', '受入不可', () =>
      entry
        .getByLabel('受入不可の理由')
        .selectOption({ label: '満床・空床なし' })
        .then(() => undefined),
    );
    await logCall('和光協力病院', '受入不可', async () => {
      await entry.getByLabel('受入不可の理由').selectOption({ label: '頻回の吸引に対応できない' });
      await entry.getByLabel('理由の詳細').fill('夜勤帯の看護師が2名のため');
    });
    await logCall('朝霞拠点病院', '検討中', async () => {
      await entry.getByLabel('折り返しの日').fill(inDays(1));
      await entry.getByLabel('折り返しの時刻').fill('10:00');
    });
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('継続支援に「折り返し確認」を作りました');
    const log = page.getByTestId('contact-log');
    expect(await log.locator('tbody tr').count()).toBe(3);
    // refused hospitals sink to the bottom of the candidates
    const order = await page
      .getByTestId('candidates')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-candidate')));
    expect(order.slice(-2)).toEqual(['志木中央病院', '和光協力病院']);
    await app.shot('33-request-calls-logged');

    await page.getByRole('button', { name: '継続支援', exact: true }).click();
    const followUp = page.locator('[data-title^="朝霞拠点病院の回答を確認（10:00"]');
    await followUp.waitFor();
    expect(await followUp.textContent()).toContain('架空 一郎');
    await app.shot('34-followup-call-back');

    await page.getByRole('button', { name: '入院・レスパイト', exact: true }).click();
    const board = page.getByTestId('coordination-board');
    await expect.poll(() => board.locator('tbody tr').first().textContent()).toContain('3院に照会・2院不可');
    expect(await board.locator('tbody tr').first().textContent()).toContain('至急');
    await app.shot('35-board-open');
  });

  it('the call back answers 受入可; ending as 受入決定 closes the follow-up and empties the board', async () => {
    const { page } = app;
    await page.getByTestId('coordination-board').getByRole('button', { name: '開く' }).first().click();
    await page.getByRole('heading', { name: /架空 一郎 さん/ }).waitFor();
    await logCall('朝霞拠点病院', '受入可');
    await page.getByRole('radiogroup', { name: '結果' }).getByRole('radio', { name: '受入決定' }).click();
    await page.getByLabel('受入先の医療機関').selectOption({ label: '朝霞拠点病院' });
    await page.getByLabel('退院予定日').fill(inDays(13));
    await page.getByRole('button', { name: 'この結果で終える' }).click();
    await expect.poll(() => page.getByTestId('request-state').textContent()).toBe('受入決定');
    expect(await page.getByTestId('ended').textContent()).toContain('朝霞拠点病院');
    await app.shot('36-request-accepted');

    await page.getByRole('button', { name: '継続支援', exact: true }).click();
    await page.getByRole('heading', { name: /今週/ }).waitFor();
    expect(await page.locator('[data-title^="朝霞拠点病院の回答を確認"]').count()).toBe(0);

    await page.getByRole('button', { name: '入院・レスパイト', exact: true }).click();
    await page.getByText('該当する依頼はありません。').waitFor();
    await page.getByRole('radio', { name: '終了したもの' }).click();
    await expect
      .poll(() => page.getByTestId('coordination-board').locator('tbody tr').first().textContent())
      .toContain('受入決定 · 朝霞拠点病院');
    await app.shot('37-board-ended');
  });

  it('from the 受入決定 panel makes the T3 letter, filled from the request; the request’s consent is not the letter’s', async () => {
    const { page } = app;
    await page.getByTestId('coordination-board').getByRole('button', { name: '開く' }).first().click();
    const ended = page.getByTestId('ended');
    await ended.getByRole('button', { name: '医療機関への依頼状（T3）を作る' }).click();
    await page.getByRole('region', { name: '紹介' }).waitFor();
    expect(await page.locator('.referral-workspace h1').textContent()).toContain('朝霞拠点病院');
    expect(await page.locator('.screen-header .tag').textContent()).toBe('依頼中');
    // the coordination's consent starts the form, and the letter is still blocked until it is recorded
    expect(await page.getByTestId('consent-from-request').textContent()).toContain(
      '入院・レスパイト調整で得た同意（口頭・',
    );
    await expect.poll(() => consentStatus(page)).toBe('missing');
    expect(await page.getByRole('button', { name: '発行する' }).isDisabled()).toBe(true);
    const preview = previewOf(page);
    const respite = preview.locator('.check', { hasText: '一時入院（レスパイト）' });
    await expect.poll(() => respite.locator('.box.on').count()).toBe(1);
    expect(await preview.locator('.check', { hasText: '診断・精査' }).locator('.box.on').count()).toBe(0);
    const text = async () => (await preview.locator('.sheet').first().textContent()) ?? '';
    await expect.poll(text).toContain('朝霞拠点病院\u3000御中');
    const sheet = await text();
    expect(sheet).toContain('受入れの予定（受入決定）');
    expect(sheet).toContain(stayBoth(inDays(7), inDays(13)));
    expect(sheet).toContain(stayBoth(inDays(7), inDays(14))); // the dates first asked for
    expect(sheet).toContain('人工呼吸器（TPPV・気管切開）');
    expect(sheet).toContain('吸引（頻回・夜間も）');
    expect(sheet).toContain('理由：介護者の病気・入院');
    expect(sheet).toContain('妻が腰椎圧迫骨折で入院');
    // the letter's own font is embedded (data:) and the app's CSP lets the frame load it
    await expect
      .poll(() => preview.locator('body').evaluate(() => [...document.fonts].map((f) => f.status).join(',')))
      .toMatch(/^loaded(,loaded)*$/);
    await previewPainted(page);
    await app.shot('38-t3-from-request');

    await recordConsent(page);
    await expect
      .poll(() => preview.locator('.consent-line', { hasText: '本人の同意：口頭により取得' }).count())
      .toBe(1);
    await expect.poll(() => page.locator('.letter-preview-head .hint').count()).toBe(0); // not updating
    await page
      .locator('.letter-preview')
      .screenshot({ path: join(ARTIFACTS, '39-t3-preview-with-consent.png') });
    const number = await issueLetter(page);
    expect(number).toMatch(/^し難相第R\d+-[A-Z]{2}-0001号$/);
    const register = page.getByRole('region', { name: '発行台帳' });
    await expect.poll(() => register.locator('tbody tr').count()).toBe(1);
    expect(await register.locator('tbody tr').first().textContent()).toContain(number);
    await previewPainted(page);
    await app.shot('40-t3-issued-register');
    const [entry] = (await call('letter.register', {})).rows;
    expect(entry).toMatchObject({
      template: 't3',
      documentNumber: number,
      addressee: '朝霞拠点病院\u3000御中',
      overrideReason: null,
    });
    expect(entry!.consentId).not.toBeNull();
  });

  it('the request now opens its letter, and the person’s timeline shows the request and the letter', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '調整を開く' }).click();
    const ended = page.getByTestId('ended');
    await expect
      .poll(() => ended.textContent())
      .toContain('依頼状（T3）の紹介があります（依頼中・発行 1 件）');
    expect(await ended.getByRole('button', { name: '医療機関への依頼状（T3）を作る' }).count()).toBe(0);
    await app.shot('41-request-with-letter');
    await ended.getByRole('button', { name: '医療機関への依頼状（T3）を開く' }).click();
    await page.getByRole('region', { name: '紹介' }).waitFor();
    expect((await call('referral.list', {})).length).toBe(1); // opened, not made again

    await page.getByRole('button', { name: '検索・一覧' }).click();
    await page.getByLabel('検索語').fill('かくう');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('1 件');
    await page.getByRole('listitem').first().getByRole('button').click();
    await page.getByRole('region', { name: '本人の記録' }).waitFor();
    const item = page.locator('[data-kind="coordination"]');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('受入決定');
    expect(await item.textContent()).toContain('朝霞拠点病院');
    expect(await page.locator('[data-kind="referral"]').count()).toBe(1);
    expect(await page.locator('[data-kind="letter"]').count()).toBe(1);
    await app.shot('42-timeline-with-coordination');
    await item.getByRole('button', { name: '調整を開く' }).click();
    await page.getByRole('heading', { name: '架空 一郎 さんのレスパイト（一時入院）調整' }).waitFor();
  });
});
