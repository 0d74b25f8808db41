import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPdfPrinter } from '../../electron/services/letters/pdf/chromium-printer';
import { errorCode } from '../fixtures/service-fixture';

/**
 * A counselor issuing a letter while Chromium's page is stuck (a renderer that stops answering,
 * as a starved machine or a crashed GPU process leaves it) gets a coded answer after a bounded
 * wait instead of a spinner forever, and the next letter prints: the stuck browser is replaced.
 */
const LETTER = '<!doctype html><meta charset="utf-8"><p>紹介状 テスト</p>';
// a page that never finishes loading: its script never returns
const STUCK = '<!doctype html><p>…</p><script>for (;;) {}</script>';

describe('a stuck Chromium page', () => {
  // short enough to wait out twice (the stuck page, then a fresh browser), long enough to start
  // Chromium on a busy machine: 3 s was too short once in a clean CI run (start took longer)
  const printer = new ChromiumPdfPrinter(undefined, { stepMs: 8_000 });
  afterAll(() => printer.close());

  it('answers PDF_FAILED within its time limit, and the next print works', async () => {
    const first = await printer.print(LETTER, { footerTemplate: '<span></span>' });
    expect(Buffer.from(first).subarray(0, 5).toString()).toBe('%PDF-');

    expect(await errorCode(printer.print(STUCK, { footerTemplate: '<span></span>' }))).toBe('PDF_FAILED');

    const next = await printer.print(LETTER, { footerTemplate: '<span></span>' });
    expect(Buffer.from(next).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
