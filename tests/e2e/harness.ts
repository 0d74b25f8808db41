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
