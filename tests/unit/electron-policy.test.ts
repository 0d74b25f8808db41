import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  applySessionPolicy,
  applyWebContentsPolicy,
  requestAllowed,
  type SessionLike,
  type WebContentsLike,
} from '../../electron/security/apply-policy';
import { LOCK_EVENTS, SCREEN_LOCK_POLL_MS, wireAutoLock } from '../../electron/security/auto-lock';
import { LOCKED_EVENT, makePreloadApi } from '../../electron/security/preload-api';
import {
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isTrustedSender,
  secureWebPreferences,
} from '../../electron/security/window-policy';

const APP = 'file:///opt/Yorisoi/resources/app.asar/dist/renderer/index.html';

describe('Electron window policy', () => {
  it('isolates and sandboxes the renderer, with no Node', () => {
    const p = secureWebPreferences('/x/preload.cjs');
    expect(p).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false, // an installed build has none
    });
    expect(secureWebPreferences('/x/preload.cjs', { devTools: true }).devTools).toBe(true);
  });

  it('the CSP allows only our own scripts and no remote connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('requests stay local: our files and our page’s blob: downloads, never the network', () => {
    expect(requestAllowed(APP, APP)).toBe(true);
    expect(requestAllowed('blob:file:///5c1d0e0e-6a7b-4a43-9d55-1d0b0f1c2a3b', APP)).toBe(true);
    expect(requestAllowed('data:image/png;base64,AAAA', APP)).toBe(true);
    expect(requestAllowed('file:///etc/passwd', APP)).toBe(false);
    expect(requestAllowed('https://example.com/', APP)).toBe(false);
    expect(requestAllowed('http://127.0.0.1:8080/api', APP)).toBe(false);
    expect(requestAllowed('ws://example.com/', APP)).toBe(false);
  });

  it('navigation stays on the app page', () => {
    expect(isAppUrl(APP, APP)).toBe(true);
    expect(isAppUrl(`${APP}#/intake`, APP)).toBe(true);
    expect(isAppUrl('https://example.com/', APP)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', APP)).toBe(false);
    expect(isAppUrl('not a url', APP)).toBe(false);
  });

  it('IPC answers only our window showing our page', () => {
    expect(isTrustedSender({ webContentsId: 1, frameUrl: APP }, 1, APP)).toBe(true);
    expect(isTrustedSender({ webContentsId: 2, frameUrl: APP }, 1, APP)).toBe(false);
    expect(isTrustedSender({ webContentsId: 1, frameUrl: 'https://evil.example/' }, 1, APP)).toBe(false);
    expect(isTrustedSender({ webContentsId: 1, frameUrl: undefined }, 1, APP)).toBe(false);
  });

  it('the preload forwards contract channels only', async () => {
    const invoke = vi.fn(async () => ({ ok: true, data: 'x' }));
    const api = makePreloadApi(invoke);
    expect(await api.call('session.status', {})).toEqual({ ok: true, data: 'x' });
    expect(invoke).toHaveBeenCalledTimes(1);
    const refused = await api.call('fs.readFile', { path: '/etc/passwd' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await api.call(42 as unknown as string, {})).toMatchObject({ ok: false });
    expect(invoke).toHaveBeenCalledTimes(1);
  });
});

describe('the policy the shell applies (handlers called as Electron would)', () => {
  function fakeSession() {
    const h: Record<string, (...a: never[]) => unknown> = {};
    const session: SessionLike = {
      setPermissionRequestHandler: (f) => void (h.request = f as never),
      setPermissionCheckHandler: (f) => void (h.check = f as never),
      webRequest: {
        onHeadersReceived: (f) => void (h.headers = f as never),
        onBeforeRequest: (f) => void (h.before = f as never),
      },
    };
    applySessionPolicy(session, APP);
    return h as Record<string, (...a: unknown[]) => unknown>;
  }

  it('refuses every permission request and check', () => {
    const h = fakeSession();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'usb', 'hid', 'serial']) {
      const cb = vi.fn();
      h.request!(null, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(h.check!(null, 'media', 'file://', {})).toBe(false);
  });

  it('sets the CSP on every response and loads nothing from the network or elsewhere on disk', () => {
    const h = fakeSession();
    const cb = vi.fn();
    h.headers!({ responseHeaders: { 'X-Other': ['1'] } }, cb);
    expect(cb).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    const cancelled = (url: string) => {
      const c = vi.fn();
      h.before!({ url }, c);
      return (c.mock.calls[0]![0] as { cancel: boolean }).cancel;
    };
    expect(cancelled(APP)).toBe(false);
    expect(cancelled(APP.replace('index.html', 'assets/app-1234.js'))).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('https://example.com/x.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('ws://localhost/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('file:///opt/Yorisoi/resources/app.asar/dist/renderer/../../../secret')).toBe(true);
    expect(cancelled('file://server/share/x')).toBe(true);
  });

  it('keeps the window on the app page: navigation, redirects, new windows and webviews refused', () => {
    const listeners: Record<string, (e: { preventDefault(): void }, url?: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    const contents: WebContentsLike = {
      on: ((event: string, l: never) => {
        listeners[event] = l;
        return contents;
      }) as WebContentsLike['on'],
      setWindowOpenHandler: (f) => void (openHandler = f),
    };
    applyWebContentsPolicy(contents, APP);
    const prevented = (event: string, url?: string) => {
      const e = { preventDefault: vi.fn() };
      listeners[event]!(e, url);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', `${APP}#/search`)).toBe(false);
    expect(prevented('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: APP })).toEqual({ action: 'deny' });
  });

  it('locks the case file on sleep and screen lock, then tells the renderer', async () => {
    const idle = { state: 'active' };
    const monitor = Object.assign(new EventEmitter(), { getSystemIdleState: () => idle.state });
    const order: string[] = [];
    let poll: (() => void) | null = null;
    wireAutoLock(
      monitor,
      async () => void order.push('lock'),
      () => order.push('told'),
      (ms, run) => {
        expect(ms).toBe(SCREEN_LOCK_POLL_MS);
        poll = run;
      },
    );
    for (const e of LOCK_EVENTS) monitor.emit(e);
    await new Promise((r) => setTimeout(r, 0));
    expect(LOCK_EVENTS).toEqual(['suspend', 'lock-screen']);
    expect(order).toEqual(['lock', 'lock', 'told', 'told']);

    // Linux: no 'lock-screen' event; the idle state turning 'locked' locks once per screen lock
    order.length = 0;
    poll!();
    idle.state = 'locked';
    poll!();
    poll!();
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual(['lock', 'told']);
    idle.state = 'active';
    poll!();
    idle.state = 'locked';
    poll!();
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual(['lock', 'told', 'lock', 'told']);
  });

  it('the preload relays only the lock event, and only to a function', () => {
    const listen = vi.fn();
    const api = makePreloadApi(vi.fn(), listen);
    api.onLocked('not a function' as unknown as () => void);
    expect(listen).not.toHaveBeenCalled();
    const cb = vi.fn();
    api.onLocked(cb);
    expect(listen).toHaveBeenCalledWith(LOCKED_EVENT, expect.any(Function));
    (listen.mock.calls[0]![1] as () => void)();
    expect(cb).toHaveBeenCalledTimes(1);
    expect(Object.keys(api).sort()).toEqual(['call', 'onLocked']);
  });

  it('the shell files wire these policies (the only files that import electron)', () => {
    const src = (p: string) => readFileSync(join(__dirname, '../../electron', p), 'utf8');
    expect(src('shell/window.ts')).toMatch(/applySessionPolicy\(session\.defaultSession, appUrl\)/);
    expect(src('shell/window.ts')).toMatch(/applyWebContentsPolicy\(win\.webContents, appUrl\)/);
    expect(src('shell/window.ts')).toMatch(/webPreferences: secureWebPreferences\(preloadPath, opts\)/);
    expect(src('main.ts')).toMatch(/app\.enableSandbox\(\)/);
    expect(src('main.ts')).toMatch(/wireAutoLock\(\s*powerMonitor/);
    expect(src('main.ts')).toMatch(/wireAppLifecycle\(/);
    expect(src('main.ts')).toMatch(/web-contents-created.*applyWebContentsPolicy/);
    expect(src('shell/ipc-bridge.ts')).toMatch(/isTrustedSender\(/);
    expect(src('shell/preload.ts')).toMatch(/makePreloadApi\(/);
    expect(src('shell/preload.ts')).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });
});
