import { BrowserWindow, session } from 'electron';
import { pathToFileURL } from 'node:url';
import { applySessionPolicy, applyWebContentsPolicy } from '../security/apply-policy';
import { secureWebPreferences } from '../security/window-policy';

/** The one app window: isolated, sandboxed, our page only, no new windows, no permissions. */
export function createAppWindow(
  rendererIndex: string,
  preloadPath: string,
  opts: { devTools: boolean },
): { win: BrowserWindow; appUrl: string } {
  const appUrl = pathToFileURL(rendererIndex).href;
  applySessionPolicy(session.defaultSession, appUrl);
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: 'よりそい Yorisoi',
    webPreferences: secureWebPreferences(preloadPath, opts),
  });
  applyWebContentsPolicy(win.webContents, appUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl);
  return { win, appUrl };
}
