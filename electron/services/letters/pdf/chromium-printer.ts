import type { Browser, Page } from 'playwright-core';
import { AppError } from '../../../../shared/errors';
import { CHROMIUM_ARGS, PAGE, type PdfPrinter, type PrintOptions } from './pdf-printer';

/** Debian's Chromium unless YORISOI_CHROMIUM names another build. */
export const chromiumPath = () => process.env.YORISOI_CHROMIUM ?? '/usr/bin/chromium';

const BLANK = '<!doctype html><title></title>';

export interface ChromiumPrinterOptions {
  /**
   * The longest any one step (start, load the letter, decode its font, print) may take. A
   * letter prints in well under a second; a step that takes this long is a stuck browser.
   */
  stepMs?: number;
}

/** Rejects when `p` has not settled within `ms` (the step is then abandoned with its browser). */
function within<T>(p: Promise<T>, ms: number, step: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Chromium did not finish "${step}" within ${ms} ms.`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/**
 * PDF through Chromium driven by playwright-core. One browser and one page in an in-memory
 * context (no profile on disk holds a letter) are started on the first print and reused: a new
 * context costs about a second. The HTML is handed over with setContent (never a file), every
 * request the page might make is refused, and the page is blanked after each print. Prints run
 * one at a time. `close()` (on lock and exit) ends the browser.
 *
 * Each step has a time limit: a browser that stops answering (a stuck renderer on a starved
 * machine) is ended and the letter tried once more in a fresh one; if that fails too the
 * counselor gets PDF_FAILED, never a wait without end, and the next print starts afresh.
 */
export class ChromiumPdfPrinter implements PdfPrinter {
  #browser: Promise<Browser> | null = null;
  #page: Promise<Page> | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  readonly #stepMs: number;

  constructor(
    private readonly executablePath = chromiumPath(),
    options: ChromiumPrinterOptions = {},
  ) {
    this.#stepMs = options.stepMs ?? 15_000;
  }

  #open(): Promise<Page> {
    this.#page ??= (async () => {
      this.#browser ??= import('playwright-core').then(({ chromium }) =>
        chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS, timeout: this.#stepMs }),
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
    try {
      return await this.#printOnce(html, options);
    } catch (e) {
      if (e instanceof AppError) throw e;
      // a stuck or crashed browser: end it and try once more in a fresh one
      await this.close();
      try {
        return await this.#printOnce(html, options);
      } catch (again) {
        await this.close();
        if (again instanceof AppError) throw again;
        throw new AppError('PDF_FAILED', (again as Error).message);
      }
    }
  }

  /** One attempt; a failure to start is coded, anything else is for #print to retry. */
  async #printOnce(html: string, options: PrintOptions): Promise<Uint8Array> {
    let page: Page;
    try {
      page = await within(this.#open(), this.#stepMs, 'start');
    } catch (e) {
      await this.close();
      throw new AppError('PDF_FAILED', `Chromium could not start: ${(e as Error).message}`);
    }
    const ms = this.#stepMs;
    await page.setContent(html, { waitUntil: 'load', timeout: ms });
    // the embedded font must be decoded before the layout is printed
    await within(
      page.evaluate(() => document.fonts.ready.then(() => undefined)),
      ms,
      'fonts',
    );
    const pdf = await within(
      page.pdf({
        format: PAGE.format,
        margin: PAGE.margin,
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: options.footerTemplate,
      }),
      ms,
      'print',
    );
    // nothing of the letter stays in the page between prints
    await within(page.setContent(BLANK), ms, 'blank').catch(() => this.close());
    return new Uint8Array(pdf);
  }

  async close(): Promise<void> {
    const b = this.#browser;
    this.#browser = null;
    this.#page = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  }
}
