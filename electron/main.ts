// Electron entry: thin. Everything it wires is plain Node code tested without Electron.
import { app, powerMonitor } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { composeApp } from './app/compose';
import { defaultCaseFilePath } from './app/paths';
import { applyWebContentsPolicy } from './security/apply-policy';
import { wireAutoLock } from './security/auto-lock';
import { LOCKED_EVENT } from './security/preload-api';
import { ElectronPdfPrinter } from './shell/electron-printer';
import { bridgeFileDialogs } from './shell/file-dialogs';
import { bridgeIpc } from './shell/ipc-bridge';
import { createAppWindow } from './shell/window';

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(() => {
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  const { runtime, dispatcher } = composeApp({
    casefile: defaultCaseFilePath(dataDir),
    pdfPrinter: new ElectronPdfPrinter(),
  });
  const { win, appUrl } = createAppWindow(
    join(__dirname, '../renderer/index.html'),
    join(__dirname, 'preload.cjs'),
  );
  // any other web contents (devtools, a frame) gets the same refusals
  app.on('web-contents-created', (_event, contents) => applyWebContentsPolicy(contents, appUrl));
  bridgeIpc(dispatcher, win, appUrl);
  bridgeFileDialogs(win, appUrl);
  // lock the case file when the machine sleeps, the screen locks or the session ends
  wireAutoLock(
    powerMonitor,
    () => runtime.lock(),
    () => {
      if (!win.isDestroyed()) win.webContents.send(LOCKED_EVENT);
    },
  );
  app.on('window-all-closed', () => {
    void runtime.lock().finally(() => app.quit());
  });
});
