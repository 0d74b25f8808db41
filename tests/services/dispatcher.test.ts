import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeApp } from '../../electron/app/compose';
import { ADMIN, tempDir } from '../fixtures/temp-casefile';

describe('dispatcher', () => {
  let app: ReturnType<typeof composeApp>;
  let cleanup = () => {};
  const internal: unknown[] = [];
  beforeEach(() => {
    const t = tempDir();
    cleanup = t.cleanup;
    app = composeApp({ casefile: join(t.dir, 'c.yorisoi') }, { logInternal: (_c, e) => internal.push(e) });
  });
  afterEach(async () => {
    await app.runtime.lock();
    cleanup();
  });

  it('answers unknown channels, locked sessions and bad input with codes, never throwing', async () => {
    const d = app.dispatcher;
    expect(await d.dispatch('no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await d.dispatch('consultation.list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(await d.dispatch('session.login', { login: 'admin' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'passphrase' }] },
    });
    expect(await d.dispatch('session.login', null)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await d.dispatch('session.login', { login: 'admin', passphrase: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'CASEFILE_NOT_FOUND' },
    });
    expect(internal).toEqual([]);
  });

  it('a half-filled intake form is refused with the fields named, and nothing is written', async () => {
    const d = app.dispatcher;
    await d.dispatch('session.create', { centerName: 'C', ...ADMIN });
    const r = await d.dispatch('consultation.record', { method: 'phone', summary: '途中まで入力' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['consulter', 'receivedAt']);
    const list = await d.dispatch('consultation.list', {});
    expect(list).toMatchObject({ ok: true, data: { total: 0 } });
  });

  it('after lock, session channels are refused again', async () => {
    const d = app.dispatcher;
    await d.dispatch('session.create', { centerName: 'C', ...ADMIN });
    expect((await d.dispatch('consultation.list', {})).ok).toBe(true);
    await d.dispatch('session.lock', {});
    expect(await d.dispatch('consultation.list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(
      await d.dispatch('session.login', { login: ADMIN.login, passphrase: 'wrong passphrase' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect((await d.dispatch('session.login', { login: ADMIN.login, passphrase: ADMIN.passphrase })).ok).toBe(
      true,
    );
  });
});
