import { CONTENT_SECURITY_POLICY, isAppUrl, isOwnFile } from './window-policy';

/**
 * The shell's security settings as code that takes Electron's objects by shape, so tests can
 * hand it fakes and call the handlers it installs. electron/shell/window.ts passes the real
 * session and webContents; nothing here imports Electron.
 */
type Headers = Record<string, string | string[]>;

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onHeadersReceived(
      handler: (
        details: { responseHeaders?: Headers },
        callback: (response: { responseHeaders: Headers }) => void,
      ) => void,
    ): void;
    onBeforeRequest(
      handler: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
}

export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Every permission (camera, microphone, notifications, geolocation, USB …) is refused. */
export function applySessionPolicy(session: SessionLike, appIndexUrl: string): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  // no remote content: only the app's own files (not the rest of the disk), devtools, data:,
  // and blob: URLs our own page makes in memory (an exported report handed to the save
  // dialog as a download); http, https, ws … are cancelled
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !requestAllowed(details.url, appIndexUrl) });
  });
}

export function requestAllowed(url: string, appIndexUrl: string): boolean {
  return (
    isOwnFile(url, appIndexUrl) || ['devtools://', 'data:', 'blob:'].some((scheme) => url.startsWith(scheme))
  );
}

/** Navigation away from the app page, new windows and <webview> are refused. */
export function applyWebContentsPolicy(contents: WebContentsLike, appIndexUrl: string): void {
  const stay = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, appIndexUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stay);
  contents.on('will-redirect', stay);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
