import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, startApp } from './harness';

type App = Awaited<ReturnType<typeof startApp>>;
const PASS = 'e2e の長いパスフレーズ 2025';
const NAME = '秘密 花子';

/**
 * Browser mode's token must not reach other local servers. Cookies ignore ports: a cookie set by
 * 127.0.0.1:<app> is sent to 127.0.0.1:<any port>. So another local web server, opened in the
 * same browser, must learn nothing from what the browser sends it that lets it read records.
 */
describe('browser mode: another local server learns nothing that opens the API', () => {
  let app: App;
  let evil: Server;
  let evilUrl = '';
  const seen: IncomingMessage['headers'][] = [];

  beforeAll(async () => {
    app = await startApp();
    const d = app.dispatcher;
    const created = await d.dispatch('session.create', {
      centerName: 'センター',
      login: 'admin',
      displayName: '管理 花子',
      passphrase: PASS,
    });
    expect(created.ok).toBe(true);
    const person = await d.dispatch('person.create', { name: NAME, residence: 'in_pref' });
    expect(person.ok).toBe(true);
    // the attack below must be able to read names with the real token
    const real = await fetch(`${app.host.url}api/person.search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-yorisoi-token': app.host.token },
      body: '{"query":""}',
    });
    expect(await real.text()).toContain(NAME);
    await d.dispatch('session.lock', {});
    // a page on another port that tries what it can with what the browser gives it
    evil = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>evil</title><script>
        fetch(${JSON.stringify(app.host.url)} + 'api/person.search', {
          method: 'POST', credentials: 'include', mode: 'no-cors',
          headers: { 'content-type': 'text/plain' }, body: '{"query":""}',
        }).catch(() => {});
      </script>`);
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => evil.close(() => r()));
    await app.close();
  });

  it('the app works in the browser, also after a reload', async () => {
    const { page } = app;
    await page.goto(app.host.openUrl);
    await page.getByLabel('ログイン名').waitFor();
    // the token is not left in the address bar
    expect(page.url()).not.toContain(app.host.token);
    await page.reload();
    await page.getByLabel('ログイン名').fill('admin');
    await page.getByLabel('パスフレーズ').fill(PASS);
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await page.getByRole('form', { name: '相談受付' }).waitFor();
  });

  it('opened without the address that carries the token, the page says what to open', async () => {
    const other = await app.browser.newPage();
    await other.goto(app.host.url);
    await expect
      .poll(() => other.getByRole('alert').textContent())
      .toContain('ブラウザーモードを起動したときに表示されたアドレス');
    await other.screenshot({ path: `${ARTIFACTS}/t01-browser-mode-no-token.png` });
    await other.close();
  });

  it('a page on another local port gets no cookie or value that reads patient names', async () => {
    const other = await app.page.context().newPage();
    await other.goto(evilUrl);
    await other.waitForLoadState('networkidle');
    await other.close();
    expect(seen.length).toBeGreaterThan(0);
    const cookies = seen.map((h) => h.cookie ?? '').join('; ');
    expect(cookies).not.toContain(app.host.token);
    // whatever it got, the other server tries it against the app: as the API header and as a
    // cookie on the page (which once carried the token in a meta tag)
    // (the case file is open again: the patient's name is there to be read)
    await app.dispatcher.dispatch('session.login', { login: 'admin', passphrase: PASS });
    const values = cookies
      .split(/;\s*/)
      .map((c) => c.split('=').slice(1).join('='))
      .filter(Boolean);
    for (const v of values) {
      const api = await fetch(`${app.host.url}api/person.search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-yorisoi-token': v },
        body: '{"query":""}',
      });
      expect(await api.text()).not.toContain(NAME);
    }
    const page = await fetch(app.host.url, { headers: { cookie: cookies } });
    expect(await page.text()).not.toContain(app.host.token);
  });
});
