/**
 * The Electron window's security policy as plain data and pure functions, so tests can check
 * it under Node (the shell in electron/shell/ applies it).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** `devTools` only in development (`npm start`); an installed build has none. */
export function secureWebPreferences(preloadPath: string, opts: { devTools: boolean } = { devTools: false }) {
  return {
    preload: preloadPath,
    devTools: opts.devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false, // the OS spellchecker would see what counselors type
    webviewTag: false,
  } as const;
}

/** The app only ever shows its own page; everything else is refused. */
export function isAppUrl(url: string, appIndexUrl: string): boolean {
  try {
    const u = new URL(url);
    const app = new URL(appIndexUrl);
    return u.protocol === app.protocol && u.host === app.host && u.pathname === app.pathname;
  } catch {
    return false;
  }
}

/** A file of the app itself (the renderer's folder and below), never elsewhere on the disk. */
export function isOwnFile(url: string, appIndexUrl: string): boolean {
  try {
    const u = new URL(url);
    const app = new URL(appIndexUrl);
    if (u.protocol !== 'file:' || app.protocol !== 'file:' || u.host !== app.host) return false;
    const root = app.pathname.slice(0, app.pathname.lastIndexOf('/') + 1);
    // URL parsing has already resolved "..", so a prefix check is enough
    return u.pathname.startsWith(root);
  } catch {
    return false;
  }
}

/** IPC is answered only for our own window showing our own page. */
export function isTrustedSender(
  sender: { webContentsId: number; frameUrl: string | undefined },
  appWebContentsId: number,
  appIndexUrl: string,
): boolean {
  return (
    sender.webContentsId === appWebContentsId &&
    sender.frameUrl !== undefined &&
    isAppUrl(sender.frameUrl, appIndexUrl)
  );
}
