import { BrowserWindow, session, shell as _shell } from 'electron';
import { pathToFileURL } from 'node:url';
import {
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isLocalRequest,
  secureWebPreferences,
} from '../security/window-policy';

/** The one app window: isolated, sandboxed, our page only, no new windows, no permissions. */
export function createAppWindow(
  rendererIndex: string,
  preloadPath: string,
): { win: BrowserWindow; appUrl: string } {
  const appUrl = pathToFileURL(rendererIndex).href;
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    // no remote content: only our files, devtools, and our page's own blob: downloads
    callback({ cancel: !isLocalRequest(details.url) });
  });
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: 'よりそい Yorisoi',
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // an export (a report's CSV/xlsx) arrives as a download: with no save path set, Electron
  // asks the user where to save it; nothing is written anywhere unasked
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl);
  void _shell; // external links are not opened from case data
  return { win, appUrl };
}
