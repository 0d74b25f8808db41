import { chromium } from 'playwright-core';
import { composeApp } from '../../electron/app/compose';
import { startWebHost } from '../../electron/web-host/web-host';
import { percentile, report, reportAtMost, round } from './measure';

/**
 * The search list in Chromium against browser mode over a case file with 100,000
 * consultations: time from opening the list to the first rows shown (the first open after
 * unlocking, and the median of four more), and frame times while scrolling
 * (requestAnimationFrame deltas, p95) against the same page's idle frames.
 */
export async function benchList(big: {
  casefile: string;
  login: string;
  passphrase: string;
  consultations: number;
}): Promise<void> {
  const { runtime, dispatcher } = composeApp({ casefile: big.casefile });
  const host = await startWebHost({ dispatcher, staticDir: 'dist/renderer' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ja-JP' })
    ).newPage();
    await page.goto(host.openUrl);
    await page.getByLabel('ログイン名').fill(big.login);
    await page.getByLabel('パスフレーズ').fill(big.passphrase);
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await page.getByRole('navigation').waitFor();

    const opens: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.getByRole('button', { name: '相談受付' }).click();
      await page.getByRole('form').waitFor();
      const t0 = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: '検索・一覧' }).click();
      await page.locator('.row-button').first().waitFor();
      opens.push((await page.evaluate(() => performance.now())) - t0);
    }
    const count = await page.getByTestId('result-count').textContent();
    // the first open after unlocking is the one a counselor meets every morning: its own line
    reportAtMost({ metric: 'list_first_open_to_first_rows', value: round(opens[0]!, 1), unit: 'ms' }, 500);
    reportAtMost(
      {
        metric: 'list_open_to_first_rows',
        value: round(percentile(opens.slice(1), 50), 1),
        unit: 'ms',
        note: 'median of opens 2–5',
      },
      500,
    );

    // a fast, steady scroll: 10 rows (560 px) per frame for 240 frames, measuring frame intervals
    // (a frame at 60 Hz is 16.7 ms, so p95 ≤ 16.7 means no dropped frames)
    const frames = await page.evaluate(async () => {
      const el = document.querySelector('[data-testid="consultation-list"]') as HTMLElement;
      const deltas: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 240; i++) {
        await new Promise<void>((r) =>
          requestAnimationFrame(() => {
            const now = performance.now();
            deltas.push(now - last);
            last = now;
            el.scrollTop += 10 * 56;
            r();
          }),
        );
      }
      return deltas.slice(5);
    });
    const p95 = percentile(frames, 95);
    // the same frame intervals with nothing scrolling: what headless Chromium gives at best
    const idle = await page.evaluate(async () => {
      const deltas: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 120; i++) {
        await new Promise<void>((r) =>
          requestAnimationFrame(() => {
            const now = performance.now();
            deltas.push(now - last);
            last = now;
            r();
          }),
        );
      }
      return deltas.slice(5);
    });
    const idleP95 = percentile(idle, 95);
    report({ metric: 'idle_frame_p95_baseline', value: round(idleP95, 1), unit: 'ms' });
    report({
      metric: 'list_scroll_frames_over_33ms',
      value: frames.filter((f) => f > 33.4).length,
      unit: 'frames of 235',
    });
    // Headless Chromium here renders in software, on a shared CPU: a 16.7 ms frame budget is
    // not a target this machine can meet even idle. What scrolling adds over the idle frame
    // can fail: at the 95th percentile, at most one more frame (16.7 ms) than doing nothing.
    report({ metric: 'list_scroll_frame_p95', value: round(p95, 1), unit: 'ms' });
    reportAtMost(
      {
        metric: 'list_scroll_frame_p95_over_idle',
        value: round(p95 - idleP95, 1),
        unit: 'ms',
        note: `scroll p95 ${round(p95, 1)} − idle p95 ${round(idleP95, 1)}`,
      },
      16.7,
    );
    report({ metric: 'list_rows_total', value: Number((count ?? '').replace(/\D/g, '')), unit: 'rows' });
  } finally {
    await browser.close();
    await host.close();
    await runtime.lock();
  }
}
