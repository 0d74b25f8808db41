import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeApp } from '../../electron/app/compose';
import { seedDemo } from '../../electron/demo/seed-demo';
import { CaseFile } from '../../db/case-file';
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

  it('a lock under a running call (idle lock, sleep) answers LOCKED_DURING_WORK, and the file is intact', async () => {
    const d = app.dispatcher;
    await d.dispatch('session.create', { centerName: 'C', ...ADMIN });
    await seedDemo(app.runtime.context(), { seed: 3, consultations: 600, addStaff: false });
    const casefile = app.runtime.casefile;
    // the report has started (its first await is behind it) when the lock comes
    const running = d.dispatch('report.build', { fiscalYear: 2025 });
    await app.runtime.lock();
    expect(await running).toMatchObject({ ok: false, error: { code: 'LOCKED_DURING_WORK' } });
    expect(internal).toEqual([]);
    const cf = await CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect((await cf.integrityCheck()).ok).toBe(true);
    await cf.lock();
  });
});
