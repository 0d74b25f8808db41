// Electron entry: thin. Everything it wires is plain Node code tested without Electron, and the
// built bundle is booted under Node with a stand-in for `electron` (tests/unit/electron-main.test.ts).
import { app, Menu, powerMonitor, session } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useSqliteBinding } from '../db/sqlite/native-module';
import { composeApp } from './app/compose';
import { defaultCaseFilePath } from './app/paths';
import { applyWebContentsPolicy } from './security/apply-policy';
import { wireAppLifecycle } from './security/app-lifecycle';
import { wireAutoLock } from './security/auto-lock';
import { devSqliteBinding } from './security/native-binding';
import { LOCKED_EVENT } from './security/preload-api';
import { ElectronPdfPrinter } from './shell/electron-printer';
import { guardDownloads } from './shell/downloads';
import { bridgeFileDialogs } from './shell/file-dialogs';
import { bridgeIpc } from './shell/ipc-bridge';
import { createAppWindow } from './shell/window';

app.enableSandbox();

// One instance per user: a second launch hands over to the first (its 'second-instance') and
// ends here, before it opens anything.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

function start(): void {
  const installed = app.isPackaged;
  // no default (English) File/Edit/View menu, and with it none of its DevTools shortcuts
  Menu.setApplicationMenu(null);
  useSqliteBinding(devSqliteBinding(installed, process.env));

  // userData is <appData>/<productName>: the folder the CLI uses too (electron/app/paths.ts)
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  const casefile = defaultCaseFilePath(dataDir);
  const { runtime, dispatcher } = composeApp({
    casefile,
    pdfPrinter: new ElectronPdfPrinter(),
  });
  const { win, appUrl } = createAppWindow(
    join(__dirname, '../renderer/index.html'),
    join(__dirname, 'preload.cjs'),
    { devTools: !installed },
  );
  if (!installed && process.env.YORISOI_DEVTOOLS === '1') win.webContents.openDevTools({ mode: 'detach' });
  // any other web contents (devtools, a frame) gets the same refusals
  app.on('web-contents-created', (_event, contents) => applyWebContentsPolicy(contents, appUrl));
  bridgeIpc(dispatcher, win, appUrl);
  bridgeFileDialogs(win, appUrl);
  guardDownloads(session.defaultSession, win, () => [casefile]);

  const tellLocked = () => {
    if (!win.isDestroyed()) win.webContents.send(LOCKED_EVENT);
  };
  // lock the case file when the machine sleeps or the screen locks
  wireAutoLock(powerMonitor, () => runtime.lock(), tellLocked);
  // and before the app ends, however it ends; a second launch shows this window
  wireAppLifecycle({ app, window: win, powerMonitor, caseFile: runtime, tellLocked });
}
