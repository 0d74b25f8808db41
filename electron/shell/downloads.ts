import { app, dialog, type BrowserWindow, type Session } from 'electron';
import { join } from 'node:path';
import { isAppError } from '../../shared/errors';
import { en } from '../../shared/i18n/en/core';
import { ja } from '../../shared/i18n/ja/core';
import { assertExportTarget } from '../services/files/export-target';

/**
 * A file the page hands to the browser's download (a letter PDF, a report, a provision log) is
 * saved where the user chooses — but never over the case file, its key slots, its WAL or a
 * backup: the same guard as every other export (services/files/export-target.ts). Electron's own
 * download would write wherever the save dialog pointed, key slots included (issue 16).
 */
export function guardDownloads(ses: Session, win: BrowserWindow, casefiles: () => string[]): void {
  ses.on('will-download', (_event, item) => {
    const chosen = dialog.showSaveDialogSync(win, {
      defaultPath: join(app.getPath('downloads'), item.getFilename()),
    });
    if (!chosen) return item.cancel();
    try {
      assertExportTarget(chosen, casefiles());
    } catch (e) {
      item.cancel();
      const code = isAppError(e) ? e.code : 'EXPORT_TARGET_PROTECTED';
      const text = (m: typeof ja.errors) => (m as Record<string, string>)[code] ?? m.EXPORT_TARGET_PROTECTED;
      // the shell does not know the screen's language: both, Japanese first
      dialog.showMessageBoxSync(win, {
        type: 'warning',
        message: text(ja.errors),
        detail: text(en.errors),
      });
      return;
    }
    item.setSavePath(chosen);
  });
}
