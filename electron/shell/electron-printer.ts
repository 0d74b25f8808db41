import { BrowserWindow } from 'electron';
import { AppError } from '../../shared/errors';
import { PAGE, type PdfPrinter, type PrintOptions } from '../services/letters/pdf/pdf-printer';

const mm = (s: string) => Number.parseFloat(s) / 25.4; // printToPDF margins are in inches

/**
 * The app's printer: Electron's webContents.printToPDF in one hidden, sandboxed window with an
 * in-memory session (no profile on disk holds a letter). The HTML goes in as a data: URL — never
 * a file — and has no scripts or requests (its CSP says so). The window is made on the first
 * print and destroyed on close (lock, exit).
 */
export class ElectronPdfPrinter implements PdfPrinter {
  #win: BrowserWindow | null = null;

  #window(): BrowserWindow {
    if (!this.#win || this.#win.isDestroyed()) {
      this.#win = new BrowserWindow({
        show: false,
        width: 794,
        height: 1123,
        webPreferences: {
          partition: 'yorisoi-print', // no "persist:" prefix: memory only
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          spellcheck: false,
          devTools: false,
        },
      });
      this.#win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      this.#win.webContents.on('will-navigate', (e) => e.preventDefault());
    }
    return this.#win;
  }

  async print(html: string, options: PrintOptions): Promise<Uint8Array> {
    const win = this.#window();
    try {
      await win.loadURL(
        `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`,
      );
      const pdf = await win.webContents.printToPDF({
        pageSize: PAGE.format,
        printBackground: true,
        preferCSSPageSize: true,
        margins: {
          top: mm(PAGE.margin.top),
          bottom: mm(PAGE.margin.bottom),
          left: mm(PAGE.margin.left),
          right: mm(PAGE.margin.right),
        },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: options.footerTemplate,
      });
      return new Uint8Array(pdf);
    } catch (e) {
      throw new AppError('PDF_FAILED', (e as Error).message);
    } finally {
      // leave nothing of the letter in the window between prints
      if (!win.isDestroyed()) await win.loadURL('about:blank').catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const w = this.#win;
    this.#win = null;
    if (w && !w.isDestroyed()) w.destroy();
  }
}
