import type { Browser, Page } from 'playwright-core';
import { AppError } from '../../../../shared/errors';
import { CHROMIUM_ARGS, PAGE, type PdfPrinter, type PrintOptions } from './pdf-printer';

/** Debian's Chromium unless YORISOI_CHROMIUM names another build. */
export const chromiumPath = () => process.env.YORISOI_CHROMIUM ?? '/usr/bin/chromium';

const BLANK = '<!doctype html><title></title>';

/**
 * PDF through Chromium driven by playwright-core. One browser and one page in an in-memory
 * context (no profile on disk holds a letter) are started on the first print and reused: a new
 * context costs about a second. The HTML is handed over with setContent (never a file), every
 * request the page might make is refused, and the page is blanked after each print. Prints run
 * one at a time. `close()` (on lock and exit) ends the browser.
 */
export class ChromiumPdfPrinter implements PdfPrinter {
  #browser: Promise<Browser> | null = null;
  #page: Promise<Page> | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly executablePath = chromiumPath()) {}

  #open(): Promise<Page> {
    this.#page ??= (async () => {
      this.#browser ??= import('playwright-core').then(({ chromium }) =>
        chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS }),
      );
      const context = await (await this.#browser).newContext({ offline: true });
      const page = await context.newPage();
      // a letter has no external resources; refuse any request it might make
      await page.route('**/*', (route) => route.abort());
      return page;
    })();
    return this.#page;
  }

  print(html: string, options: PrintOptions): Promise<Uint8Array> {
    const job = this.#queue.then(() => this.#print(html, options));
    this.#queue = job.catch(() => undefined);
    return job;
  }

  async #print(html: string, options: PrintOptions): Promise<Uint8Array> {
    let page: Page;
    try {
      page = await this.#open();
    } catch (e) {
      this.#page = null;
      this.#browser = null;
      throw new AppError('PDF_FAILED', `Chromium could not start: ${(e as Error).message}`);
    }
    try {
      await page.setContent(html, { waitUntil: 'load' });
      // the embedded font must be decoded before the layout is printed
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
    } catch (e) {
      this.#page = null; // start over with a fresh page next time
      await page
        .context()
        .close()
        .catch(() => undefined);
      throw new AppError('PDF_FAILED', (e as Error).message);
    } finally {
      // nothing of the letter stays in the page between prints
      if (this.#page) await page.setContent(BLANK).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const b = this.#browser;
    this.#browser = null;
    this.#page = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  }
}
