import { describe, expect, it, vi } from 'vitest';
import { makePreloadApi } from '../../electron/security/preload-api';
import {
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isLocalRequest,
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
    });
  });

  it('the CSP allows only our own scripts and no remote connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('requests stay local: our files and our page’s blob: downloads, never the network', () => {
    expect(isLocalRequest(APP)).toBe(true);
    expect(isLocalRequest('blob:file:///5c1d0e0e-6a7b-4a43-9d55-1d0b0f1c2a3b')).toBe(true);
    expect(isLocalRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isLocalRequest('https://example.com/')).toBe(false);
    expect(isLocalRequest('http://127.0.0.1:8080/api')).toBe(false);
    expect(isLocalRequest('ws://example.com/')).toBe(false);
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
