import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFileName } from '../../shared/sync/file-names';
import { tempDir } from '../fixtures/temp-casefile';
import { axeProblems } from './axe';
import { launchChromium, openPage, startHost } from './harness';

/**
 * Three installations in Chromium, each on its own temporary case file behind its own loopback
 * host, sharing one folder as the USB stick: the outreach laptop records consultations offline,
 * the office PC imports them and finds them, exports to the prefecture (statistics only), the
 * prefecture counts them per center and sends a receipt that empties the office's queue.
 */
type Host = Awaited<ReturnType<typeof startHost>>;
interface Device {
  name: string;
  host: Host;
  page: Page;
  shot(name: string): Promise<unknown>;
  deviceId: string;
}

const CENTER = 'さいたま難病相談支援センター';
const PREFECTURE = '埼玉県 疾病対策課';
const PASS = 'e2e の長いパスフレーズ 2025';
let browser: Browser;
let laptop: Device;
let office: Device;
let pref: Device;
const stick = tempDir();
const usb = join(stick.dir, 'USB');

async function device(name: string, centerName: string, displayName: string): Promise<Device> {
  const host = await startHost();
  await host.runtime.create({ centerName, login: name, displayName, passphrase: PASS, profession: 'nurse' });
  const { page, shot } = await openPage(browser);
  await page.goto(host.host.openUrl);
  await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
  return { name, host, page, shot, deviceId: host.runtime.context().deviceId };
}

const nav = (d: Device, label: string) =>
  d.page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: label, exact: true })
    .click();
const queueRow = (d: Device, text: RegExp | string) => d.page.getByRole('article', { name: text });
const waitingFor = (d: Device, text: RegExp | string) =>
  queueRow(d, text).getByTestId('waiting').textContent();
const notice = (d: Device) => d.page.getByRole('status').first().textContent();

/** Sets the exchange folder and saves this device's card there, through the screen. */
async function setUp(d: Device) {
  await nav(d, '同期');
  await d.page.getByLabel('フォルダーの場所').fill(usb);
  await d.page.getByRole('button', { name: '設定する' }).click();
  await expect.poll(() => d.page.getByTestId('sync-folder').textContent()).toBe(usb);
  await d.page.getByRole('button', { name: '受け渡しフォルダーへ保存' }).click();
  await expect.poll(() => notice(d)).toContain(cardFileName(d.deviceId));
}

/** Loads the other side's card from the folder, compares the code with the other screen, pairs. */
async function pairWith(
  d: Device,
  other: Device,
  expectProfile: 'すべて' | '統計のみ',
  opts: { label?: string; shot?: string } = {},
) {
  await nav(d, '同期');
  await d.page.getByRole('button', { name: '識別カードを読み込む' }).click();
  // browser mode: the cards found in the exchange folder, by name
  const card = d.page.getByRole('button', { name: cardFileName(other.deviceId), exact: true });
  await card.waitFor();
  if (opts.shot) await d.shot(opts.shot);
  await card.click();
  const shown = await d.page.getByTestId('card-fingerprint').textContent();
  // what the other side reads out over the phone
  await nav(other, '同期');
  const readOut = await other.page.getByTestId('own-fingerprint').textContent();
  expect(shown).toBe(readOut);
  expect(await d.page.getByRole('radio', { name: new RegExp(`^${expectProfile}`) }).isChecked()).toBe(true);
  if (opts.label) await d.page.getByLabel('呼び名（任意）').fill(opts.label);
  return async () => {
    await d.page.getByRole('button', { name: '一致する（ペア設定する）' }).click();
    await expect.poll(() => notice(d)).toContain('とペア設定しました');
  };
}

/** One consultation through the intake form, as a counselor types it. */
async function record(d: Device, name: string, kana: string, summary: string) {
  const { page } = d;
  await nav(d, '相談受付');
  await page.getByRole('radiogroup', { name: '相談方法' }).getByRole('radio', { name: '出張相談' }).click();
  await page.getByLabel('相談者の続柄・立場').selectOption({ label: '本人' });
  await page.getByRole('radio', { name: '新しく登録' }).click();
  await page.getByLabel('氏名', { exact: true }).fill(name);
  await page.getByLabel('ふりがな').fill(kana);
  await page.getByRole('button', { name: /^3\.1 / }).click();
  await page.getByLabel('相談の要旨').fill(summary);
  await page.keyboard.press('Control+s');
  await expect.poll(() => page.getByTestId('saved').textContent()).toMatch(/として保存しました$/);
}

beforeAll(async () => {
  mkdirSync(usb);
  browser = await launchChromium();
  laptop = await device('laptop', CENTER, '出張 花子');
  office = await device('office', CENTER, '事務所 太郎');
  pref = await device('pref', PREFECTURE, '県 担当');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const d of [laptop, office, pref]) await d?.host.close();
  stick.cleanup();
});

describe('outreach laptop → office PC → prefecture, in Chromium', () => {
  it('each device gets the exchange folder and saves its identity card there; the prefecture runs as such', async () => {
    await nav(pref, '同期');
    await pref.page.getByLabel('動作モード').selectOption({ label: '県（複数のセンターを取りまとめる）' });
    await pref.page.getByRole('button', { name: '保存', exact: true }).click();
    await expect
      .poll(() => notice(pref))
      .toContain('動作モードを「県（複数のセンターを取りまとめる）」にしました');
    await pref.page.getByRole('button', { name: 'センター別集計' }).waitFor(); // the menu now offers it
    for (const d of [laptop, office, pref]) await setUp(d);
    await office.shot('sync-01-office-setup');
  });

  it('pairs laptop ↔ office (everything) and office ↔ prefecture (statistics), comparing codes', async () => {
    const officeTakesLaptop = await pairWith(office, laptop, 'すべて', {
      label: '出張用ノートPC',
      shot: 'sync-02a-office-card-chooser',
    });
    await office.shot('sync-02-office-compares-laptop-code');
    await officeTakesLaptop();
    await (
      await pairWith(laptop, office, 'すべて', { label: '事務所PC' })
    )();
    const officeTakesPref = await pairWith(office, pref, '統計のみ');
    await office.shot('sync-03-office-compares-prefecture-code');
    await officeTakesPref();
    await (
      await pairWith(pref, office, 'すべて')
    )();
    await nav(office, '同期');
    await queueRow(office, /出張用ノートPC/).waitFor();
    await queueRow(office, new RegExp(PREFECTURE)).waitFor();
    await office.shot('sync-04-office-paired');
  });

  it('the laptop records two consultations offline and writes a bundle for the office', async () => {
    await record(laptop, '山田 花子', 'やまだ はなこ', '出張相談会で、受給者証の更新について相談を受けた。');
    await laptop.shot('sync-05-laptop-intake');
    await record(laptop, '鈴木 一郎', 'すずき いちろう', '出張相談会で、就労の両立について相談を受けた。');
    await nav(laptop, '同期');
    await expect.poll(() => waitingFor(laptop, /事務所PC/)).toMatch(/^[1-9]\d*\s件$/);
    await laptop.shot('sync-06-laptop-queue');
    await queueRow(laptop, /事務所PC/)
      .getByRole('button', { name: '同期ファイルをフォルダーへ' })
      .click();
    await expect.poll(() => notice(laptop)).toMatch(/件の変更を書き出しました/);
    await laptop.shot('sync-07-laptop-exported');
  });

  it('the office imports from the folder, sends a receipt back and finds the consultations', async () => {
    await nav(office, '同期');
    await expect.poll(() => office.page.getByTestId('folder-waiting').textContent()).toContain('1\u00a0件');
    await office.page.getByRole('button', { name: 'フォルダーから取り込む' }).click();
    const results = office.page.getByRole('region', { name: '取り込みの結果' });
    await expect.poll(() => results.textContent()).toMatch(/出張用ノートPC.* から \d+\s件を受け取り/);
    await office.shot('sync-08-office-imported');
    await results.getByRole('button', { name: /受領書をフォルダーへ書き出す/ }).click();
    await expect.poll(() => notice(office)).toContain('受領書を書き出しました');
    await nav(office, '検索・一覧');
    await expect.poll(() => office.page.getByTestId('result-count').textContent()).toBe('2 件');
    await office.page.getByLabel('検索語').fill('やまだ');
    await expect.poll(() => office.page.getByTestId('result-count').textContent()).toBe('1 件');
    expect(await office.page.getByRole('listitem').first().textContent()).toContain('山田 花子');
    await office.page.getByLabel('検索語').fill('');
    await expect.poll(() => office.page.getByTestId('result-count').textContent()).toBe('2 件');
    await office.shot('sync-09-office-search');
  });

  it('the laptop takes the receipt: nothing waits for the office any more', async () => {
    await nav(laptop, '同期');
    await laptop.page.getByRole('button', { name: 'フォルダーから取り込む' }).click();
    await expect
      .poll(() => laptop.page.getByRole('region', { name: '取り込みの結果' }).textContent())
      .toContain('の受領書を取り込みました');
    await expect.poll(() => waitingFor(laptop, /事務所PC/)).toBe('0\u00a0件');
    await laptop.shot('sync-10-laptop-receipt');
  });

  it('the office writes a statistics bundle for the prefecture', async () => {
    await nav(office, '同期');
    const row = queueRow(office, new RegExp(PREFECTURE));
    expect(await row.textContent()).toContain('統計のみ');
    await expect.poll(() => row.getByTestId('waiting').textContent()).toMatch(/^[1-9]\d*\s件$/);
    await row.getByRole('button', { name: '同期ファイルをフォルダーへ' }).click();
    await expect.poll(() => notice(office)).toMatch(/件の変更を書き出しました/);
    await office.shot('sync-11-office-to-prefecture');
  });

  it('the prefecture imports it, sees the per-center counts (and no names), and writes a receipt', async () => {
    await nav(pref, 'センター別集計');
    await pref.page.getByRole('button', { name: 'フォルダーから取り込む' }).click();
    const results = pref.page.getByRole('region', { name: '取り込みの結果' });
    await expect.poll(() => results.textContent()).toMatch(/から \d+\s件を受け取り/);
    const row = pref.page.locator(`tr[data-center="${CENTER}"]`).first();
    await expect.poll(() => row.getByTestId('consultations').textContent()).toBe('2');
    await pref.shot('sync-12-prefecture-counts');
    // the prefecture's own screen passes the same accessibility check as the center's screens
    expect(await axeProblems(pref.page)).toEqual([]);
    await pref.page.getByRole('button', { name: /センターへ受領書をフォルダーへ書き出す/ }).click();
    await expect.poll(() => notice(pref)).toContain('センターへ受領書を書き出しました');
    // statistics only: the records are there, the names are not
    await nav(pref, '検索・一覧');
    await expect.poll(() => pref.page.getByTestId('result-count').textContent()).toBe('2 件');
    await pref.page.getByLabel('検索語').fill('山田');
    await expect.poll(() => pref.page.getByTestId('result-count').textContent()).toBe('0 件');
    await pref.page.getByLabel('検索語').fill('');
    await pref.page.locator('.row-button').first().waitFor();
    expect(await pref.page.locator('.virtual-list').textContent()).not.toContain('花子');
    await pref.shot('sync-13-prefecture-search-no-names');
    expect(await axeProblems(pref.page)).toEqual([]);
  });

  it("the prefecture's receipt comes back to the office: its queue for the prefecture is empty", async () => {
    await nav(office, '同期');
    await office.page.getByRole('button', { name: 'フォルダーから取り込む' }).click();
    await expect
      .poll(() => office.page.getByRole('region', { name: '取り込みの結果' }).textContent())
      .toContain(`${PREFECTURE} の受領書を取り込みました。まだ届いていない変更：0\u00a0件`);
    await expect.poll(() => waitingFor(office, new RegExp(PREFECTURE))).toBe('0\u00a0件');
    await office.shot('sync-14-office-queue-empty');
    const log = office.page.getByRole('table', { name: '提供記録（書き出しの記録）' });
    expect(await log.textContent()).toContain(PREFECTURE);
    expect(await log.textContent()).toContain('統計のみ');
  });

  it('a concurrent edit on both PCs becomes a conflict on the office, shown with both values and settled', async () => {
    // the same person's phone changed on the laptop and at the office before they exchanged
    const api = async (d: Device, channel: string, input: unknown) => {
      const r = await d.host.dispatcher.dispatch(channel, input);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.data as never;
    };
    const list = (await api(office, 'consultation.list', { query: 'やまだ' })) as {
      rows: { personId: string | null }[];
    };
    const id = list.rows[0]!.personId!;
    for (const [d, phone] of [
      [laptop, '090-1111-2222'],
      [office, '048-830-0000'],
    ] as const) {
      const p = (await api(d, 'person.get', { id })) as { version: number; name: string };
      await api(d, 'person.update', { id, expectedVersion: p.version, changes: { name: p.name, phone } });
    }
    await nav(laptop, '同期');
    await queueRow(laptop, /事務所PC/)
      .getByRole('button', { name: '同期ファイルをフォルダーへ' })
      .click();
    await expect.poll(() => notice(laptop)).toMatch(/件の変更を書き出しました/);
    await nav(office, '同期');
    await office.page.getByRole('button', { name: 'フォルダーから取り込む' }).click();
    await expect
      .poll(() => office.page.getByRole('region', { name: '取り込みの結果' }).textContent())
      .toContain('確認が必要な競合が 1\u00a0件あります');
    const conflict = office.page.locator('li.conflict').filter({ hasText: '山田 花子' });
    await conflict.waitFor();
    const current = await conflict.getByTestId('current-value').textContent();
    const other = await conflict.getByTestId('other-value').textContent();
    expect(new Set([current, other])).toEqual(new Set(['090-1111-2222', '048-830-0000']));
    expect(await conflict.textContent()).toContain('出張 花子'); // who wrote the laptop's value
    await conflict.scrollIntoViewIfNeeded();
    await office.shot('sync-15-office-conflict');
    await conflict.getByRole('button', { name: '上書きされた値に戻す' }).click();
    await expect.poll(() => notice(office)).toBe('「山田 花子」の電話：上書きされた値に戻しました。');
    await office.page.getByText('確認が必要な競合はありません。').waitFor();
    expect(((await api(office, 'person.get', { id })) as { phone: string }).phone).toBe(other);
    await office.shot('sync-16-office-conflict-settled');
  });

  it('the sync screen reads in English too', async () => {
    await nav(office, '設定');
    await office.page.getByLabel('表示言語').selectOption('en');
    await office.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('button', { name: 'Sync', exact: true })
      .click();
    await office.page.getByRole('heading', { name: 'Sync queue' }).waitFor();
    expect(await office.page.getByRole('article', { name: /出張用ノートPC/ }).textContent()).toContain(
      'Changes not yet delivered',
    );
    await office.shot('sync-17-office-english');
    await office.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('button', { name: 'Settings' })
      .click();
    await office.page.getByLabel('Language').selectOption('ja');
  });
});
