import type { Browser } from 'playwright-core';
import { AppError } from '../../../../shared/errors';
import { CHROMIUM_ARGS, PAGE, type PdfPrinter, type PrintOptions } from './pdf-printer';

/** Debian's Chromium unless YORISOI_CHROMIUM names another build. */
export const chromiumPath = () => process.env.YORISOI_CHROMIUM ?? '/usr/bin/chromium';

/**
 * PDF through Chromium driven by playwright-core. One browser is started on the first print and
 * reused; each print gets a fresh in-memory context (no profile on disk holds the letter), the
 * HTML is handed over with setContent (never a file), and the context is closed after.
 * `close()` (on lock and exit) ends the browser.
 */
export class ChromiumPdfPrinter implements PdfPrinter {
  #browser: Promise<Browser> | null = null;

  constructor(private readonly executablePath = chromiumPath()) {}

  #launch(): Promise<Browser> {
    this.#browser ??= import('playwright-core').then(({ chromium }) =>
      chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS }),
    );
    return this.#browser;
  }

  async print(html: string, options: PrintOptions): Promise<Uint8Array> {
    let browser: Browser;
    try {
      browser = await this.#launch();
    } catch (e) {
      this.#browser = null;
      throw new AppError('PDF_FAILED', `Chromium could not start: ${(e as Error).message}`);
    }
    const context = await browser.newContext({ offline: true });
    try {
      const page = await context.newPage();
      // a letter has no external resources; refuse any request it might make
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      // the embedded font must be decoded before layout is printed
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = await page.pdf({
        format: PAGE.format,
        margin: PAGE.margin,
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: options.footerTemplate,
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const b = this.#browser;
    this.#browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  }
}
