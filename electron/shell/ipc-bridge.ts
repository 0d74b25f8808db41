import { ipcMain, type BrowserWindow } from 'electron';
import type { Dispatcher } from '../ipc/dispatcher';
import { isTrustedSender } from '../security/window-policy';

/** One IPC channel carries the whole contract; the sender is checked on every call. */
export function bridgeIpc(dispatcher: Dispatcher, win: BrowserWindow, appUrl: string): void {
  ipcMain.handle('yorisoi:call', async (event, channel: unknown, input: unknown) => {
    const trusted = isTrustedSender(
      { webContentsId: event.sender.id, frameUrl: event.senderFrame?.url },
      win.webContents.id,
      appUrl,
    );
    if (!trusted) return { ok: false, error: { code: 'FORBIDDEN', message: 'untrusted sender' } };
    return dispatcher.dispatch(String(channel), input);
  });
}
