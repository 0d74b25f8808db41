import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../electron/app/compose';
import { startWebHost, type WebHost } from '../../electron/web-host/web-host';
import { ADMIN, tempDir } from '../fixtures/temp-casefile';

describe('web host (browser mode)', () => {
  let host: WebHost;
  let cleanup = () => {};
  let lock = async () => {};
  beforeAll(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { runtime, dispatcher } = composeApp({ casefile: join(t.dir, 'c.yorisoi') });
    lock = () => runtime.lock();
    host = await startWebHost({ dispatcher });
  });
  afterAll(async () => {
    await host.close();
    await lock();
    cleanup();
  });

  const call = (channel: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${host.url}api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const none = await call('session.status', {}, {});
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('TOKEN_REQUIRED');
    const wrong = await call(
      'session.status',
      {},
      { 'x-yorisoi-token': host.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) },
    );
    expect(wrong.status).toBe(401);
    // a cookie alone is not enough for the API (no cross-site request can add the header)
    const cookieOnly = await call('session.status', {}, { cookie: `yorisoi_token=${host.token}` });
    expect(cookieOnly.status).toBe(401);
  });

  it('answers with the token, through the same dispatcher', async () => {
    const r = await call('session.status', {}, { 'x-yorisoi-token': host.token });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      ok: true,
      data: {
        casefileExists: false,
        unlocked: false,
        centerName: null,
        user: null,
        schemaVersion: null,
        demo: false,
        clockBehindMs: 0,
      },
    });
    const locked = await call('consultation.list', {}, { 'x-yorisoi-token': host.token });
    expect((await locked.json()).error.code).toBe('UNAUTHORIZED');
    const unknown = await call('nope.nothing', {}, { 'x-yorisoi-token': host.token });
    expect((await unknown.json()).error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('first run and login work over HTTP; bad input gets INVALID_INPUT with the field', async () => {
    const h = { 'x-yorisoi-token': host.token };
    const bad = await (
      await call('session.create', { centerName: '', login: 'a', displayName: 'a', passphrase: 'x' }, h)
    ).json();
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('INVALID_INPUT');
    expect(bad.error.issues[0].path).toBe('centerName');
    const made = await (await call('session.create', { centerName: 'センター', ...ADMIN }, h)).json();
    expect(made.ok).toBe(true);
    expect(made.data.recoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    expect(made.data.status.user.login).toBe('admin');
  });

  it('refuses a request for another Host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const u = new URL(host.url);
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path: '/api/session.status',
          method: 'POST',
          headers: { host: 'evil.example:80', 'x-yorisoi-token': host.token },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('sets no cookie and puts the token only in the fragment of the address to open', async () => {
    // cookies ignore ports: one set here would reach every other server on 127.0.0.1
    const page = await fetch(host.openUrl, { redirect: 'manual' });
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(new URL(host.openUrl).hash).toBe(`#t=${host.token}`);
    expect(new URL(host.openUrl).search).toBe('');
  });

  it('a broken escape in the address is a coded 400, not a 500', async () => {
    for (const path of ['%zz', 'api/%zz', 'api/session.status%']) {
      const r = await fetch(`${host.url}${path}`, {
        method: path.startsWith('api/') ? 'POST' : 'GET',
        headers: { 'x-yorisoi-token': host.token },
      });
      expect(r.status, path).toBe(400);
      expect((await r.json()).error.code, path).toBe('INVALID_INPUT');
    }
  });
});
