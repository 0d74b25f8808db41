// Electron entry: thin. Everything it wires is plain Node code tested without Electron.
import { app, powerMonitor } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { composeApp } from './app/compose';
import { defaultCaseFilePath } from './app/paths';
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
  bridgeIpc(dispatcher, win, appUrl);
  bridgeFileDialogs(win, appUrl);
  // lock the case file when the machine sleeps or the screen locks
  powerMonitor.on('suspend', () => void runtime.lock());
  powerMonitor.on('lock-screen', () => void runtime.lock());
  app.on('window-all-closed', () => {
    void runtime.lock().finally(() => app.quit());
  });
});
