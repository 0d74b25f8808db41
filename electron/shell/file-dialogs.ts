import { dialog, ipcMain, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { dialogSpec } from '../security/file-dialog-policy';
import { isTrustedSender } from '../security/window-policy';

/** Native open/save/folder dialogs for the screen, by allow-listed kind (file-dialog-policy.ts). */
export function bridgeFileDialogs(win: BrowserWindow, appUrl: string): void {
  ipcMain.handle('yorisoi:pick', async (event, request: unknown) => {
    const trusted = isTrustedSender(
      { webContentsId: event.sender.id, frameUrl: event.senderFrame?.url },
      win.webContents.id,
      appUrl,
    );
    const spec = trusted ? dialogSpec(request, join) : null;
    if (!spec) return null;
    if (spec.mode === 'save') {
      const r = await dialog.showSaveDialog(win, {
        filters: spec.filters,
        ...(spec.defaultPath ? { defaultPath: spec.defaultPath } : {}),
      });
      return r.canceled || !r.filePath ? null : r.filePath;
    }
    const r = await dialog.showOpenDialog(win, {
      properties: spec.mode === 'folder' ? ['openDirectory', 'createDirectory'] : ['openFile'],
      filters: spec.filters,
      ...(spec.defaultPath ? { defaultPath: spec.defaultPath } : {}),
    });
    return r.canceled ? null : (r.filePaths[0] ?? null);
  });
}
