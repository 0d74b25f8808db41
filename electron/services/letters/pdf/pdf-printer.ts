/**
 * Prints a self-contained HTML document (fonts embedded, no external resources) to a PDF.
 * Two implementations: Chromium through playwright-core (browser mode, CLI, tests) and
 * Electron's webContents.printToPDF (electron/shell/electron-printer.ts). Neither writes the
 * document to a file: the HTML goes to the browser in memory.
 */
export interface PdfPrinter {
  print(html: string, options: PrintOptions): Promise<Uint8Array>;
  /** frees the browser; the next print starts it again */
  close(): Promise<void>;
}

export interface PrintOptions {
  /** HTML for the page footer (Chromium's footer template: pageNumber / totalPages classes) */
  footerTemplate: string;
}

/** A4 with the margins of a Japanese business letter (top/bottom leave room for the footer). */
export const PAGE = {
  format: 'A4' as const,
  margin: { top: '18mm', bottom: '20mm', left: '20mm', right: '20mm' },
};

/** Chromium flags from DESIGN.md: headless, no network side traffic, no first-run work. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
