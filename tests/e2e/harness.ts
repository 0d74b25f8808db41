import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { composeApp } from '../../electron/app/compose';
import { startWebHost, type WebHost } from '../../electron/web-host/web-host';
import { tempDir } from '../fixtures/temp-casefile';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'screenshots');

/** Debian's Chromium, headless, with the switches DESIGN asks for. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** One installation in browser mode: its own temporary case file behind its own loopback host. */
export async function startHost(opts: { casefile?: string } = {}) {
  const t = tempDir();
  const casefile = opts.casefile ?? join(t.dir, 'e2e.yorisoi');
  const { runtime, dispatcher } = composeApp({ casefile });
  const host: WebHost = await startWebHost({ dispatcher, staticDir: join(process.cwd(), 'dist/renderer') });
  return {
    casefile,
    host,
    runtime,
    dispatcher,
    dir: t.dir,
    async close() {
      await host.close();
      await runtime.lock();
      t.cleanup();
    },
  };
}

/** A page of its own (own cookies and storage) on `browser`, and a full-page screenshot helper. */
export async function openPage(browser: Browser) {
  // the browser's days are the host's days (follow-ups are due on local dates)
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'ja-JP',
    timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const page: Page = await context.newPage();
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    page,
    shot: (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true }),
  };
}

/** Browser mode on a fresh temporary case file, and Debian's Chromium pointed at it. */
export async function startApp(opts: { casefile?: string } = {}) {
  const app = await startHost(opts);
  const browser: Browser = await launchChromium();
  const { page, shot } = await openPage(browser);
  return {
    ...app,
    page,
    browser,
    shot,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/**
 * The first-run screen as an administrator fills it (埼玉県 as the center's prefecture), then
 * the recovery sheet confirmed: the app opens on the intake form.
 */
export async function completeFirstRun(
  page: Page,
  opts: { passphrase: string; centerName?: string; adminName?: string; login?: string },
): Promise<void> {
  await page.getByLabel('センター名').fill(opts.centerName ?? 'さいたま難病相談支援センター');
  await page.getByLabel('センターの都道府県').selectOption('11');
  await page.getByLabel('管理者の氏名').fill(opts.adminName ?? '管理 花子');
  await page.getByLabel('ログイン名').fill(opts.login ?? 'hanako');
  await page.getByLabel('パスフレーズ', { exact: true }).fill(opts.passphrase);
  await page.getByLabel('パスフレーズ（確認）').fill(opts.passphrase);
  await page.getByRole('button', { name: '作成する' }).click();
  await page.getByLabel('回復コードを安全な場所に保管しました').check();
  await page.getByRole('button', { name: '続ける' }).click();
}
