/**
 * The Electron window's security policy as plain data and pure functions, so tests can check
 * it under Node (the shell in electron/shell/ applies it).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
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

/**
 * Requests the window may make: our files, devtools, data: URLs, and blob: URLs — the latter
 * are made by our own page in memory (an exported report handed to the save dialog as a
 * download) and never reach the network. Everything else (http, https, ws …) is cancelled.
 */
export function isLocalRequest(url: string): boolean {
  return ['file://', 'devtools://', 'data:', 'blob:'].some((p) => url.startsWith(p));
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
