import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { composeApp } from '../../electron/app/compose';
import type { ChannelInput, ChannelName } from '../../shared/contract';
import { ADMIN, fingerprint, tempDir } from '../fixtures/temp-casefile';
import { tinyMount } from '../fixtures/tiny-mount';
import { consultationInput, dumpAll, makeDevice, pair } from '../sync/sync-helpers';

let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** The real dispatcher over a case file at `casefile`. */
function appAt(casefile: string) {
  const { runtime, dispatcher } = composeApp({ casefile }, { logInternal: () => {} });
  const code = async <C extends ChannelName>(c: C, input: ChannelInput<C>) => {
    const r = await dispatcher.dispatch(c, input);
    return r.ok ? 'ok' : r.error.code;
  };
  return { runtime, dispatcher, code };
}

describe('faults end in a coded message and an intact case file', () => {
  it('disk full while writing consultations: DISK_FULL, every reported save kept, nothing half-saved', async () => {
    const m = tinyMount({ sizeKiB: 6 * 1024 });
    cleanups.push(m.release);
    const casefile = join(m.dir, 'case.yorisoi');
    const a = appAt(casefile);
    cleanups.push(() => a.runtime.lock().catch(() => undefined));
    expect(await a.code('session.create', { centerName: 'C', ...ADMIN })).toBe('ok');
    const summary = '満杯試験の長い要約。'.repeat(1500); // ≈45 KB of text per record
    let saved = 0;
    let last = 'ok';
    for (let i = 0; i < 400 && last === 'ok'; i++) {
      last = await a.code('consultation.record', consultationInput({ summary: `${i} ${summary}` }));
      if (last === 'ok') saved++;
    }
    expect(last).toBe('DISK_FULL');
    expect(saved).toBeGreaterThan(5);
    // the app still answers, and refuses again the same way
    expect(await a.code('consultation.record', consultationInput({ summary }))).toBe('DISK_FULL');
    await a.runtime.lock().catch(() => undefined); // the final checkpoint may not fit either
    // signing in writes its audit entry first: on the still-full disk that is a coded refusal,
    // never a raw SQLite error (and no unlogged access)
    const signIn = await a.code('session.login', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect(['ok', 'DISK_FULL']).toContain(signIn);
    await a.runtime.lock().catch(() => undefined);
    // what a user does next: copy the file to a disk with room and open it there
    const roomy = tempDir();
    cleanups.push(roomy.cleanup);
    for (const f of readdirSync(m.dir).filter((n) => n.startsWith('case.yorisoi')))
      copyFileSync(join(m.dir, f), join(roomy.dir, f));
    const copy = join(roomy.dir, 'case.yorisoi');
    const cf = await CaseFile.unlock({ casefile: copy, login: ADMIN.login, passphrase: ADMIN.passphrase });
    try {
      expect((await cf.integrityCheck()).ok).toBe(true);
      const n = cf.sqlite.prepare('SELECT count(*) AS n FROM consultations').get() as { n: number };
      const docs = cf.sqlite.prepare('SELECT count(*) AS n FROM search_docs').get() as { n: number };
      const ops = cf.sqlite
        .prepare(`SELECT count(DISTINCT entity_id) AS n FROM op_log WHERE entity = 'consultation'`)
        .get() as {
        n: number;
      };
      expect(n.n).toBe(saved);
      expect(docs.n).toBe(saved);
      expect(ops.n).toBe(saved);
      expect(cf.verifyAuditChain().ok).toBe(true);
    } finally {
      await cf.lock().catch(() => undefined);
    }
  });

  it('a read-only folder: sign-in answers READ_ONLY and the files are untouched', async () => {
    const m = tinyMount({ sizeKiB: 8 * 1024 });
    cleanups.push(m.release);
    const casefile = join(m.dir, 'case.yorisoi');
    const a = appAt(casefile);
    cleanups.push(() => a.runtime.lock().catch(() => undefined));
    expect(await a.code('session.create', { centerName: 'C', ...ADMIN })).toBe('ok');
    await a.runtime.lock();
    execFileSync('mount', ['-o', 'remount,ro', m.dir]);
    cleanups.push(() => execFileSync('mount', ['-o', 'remount,rw', m.dir]));
    const before = fingerprint(casefile);
    expect(await a.code('session.login', { login: ADMIN.login, passphrase: ADMIN.passphrase })).toBe(
      'READ_ONLY',
    );
    expect(await a.code('session.login', { login: ADMIN.login, passphrase: 'wrong wrong wrong' })).toBe(
      'READ_ONLY',
    );
    expect(fingerprint(casefile)).toEqual(before);
    execFileSync('mount', ['-o', 'remount,rw', m.dir]);
    expect(await a.code('session.login', { login: ADMIN.login, passphrase: ADMIN.passphrase })).toBe('ok');
    await a.runtime.lock();
  });

  it('the USB stick is pulled: exports to it answer SYNC_FOLDER_UNAVAILABLE and change nothing', async () => {
    const a = await makeDevice('センターA');
    const b = await makeDevice('センターB');
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    await pair(a, b);
    await a.call('consultation.record', consultationInput());
    const stick = join(a.dir, 'stick');
    mkdirSync(stick);
    await a.call('sync.setFolder', { folder: stick });
    rmSync(stick, { recursive: true });
    const before = await dumpAll(a.db);
    const code = async (input: ChannelInput<'sync.exportBundle'>) => {
      try {
        await a.call('sync.exportBundle', input);
        return 'ok';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(await code({ peer: b.deviceId, toFolder: true })).toBe('SYNC_FOLDER_UNAVAILABLE');
    // a file chosen inside the missing folder: the sync screen's own code for an unwritable place
    expect(await code({ peer: b.deviceId, path: join(stick, 'bundle.age') })).toBe('FILE_UNWRITABLE');
    expect(await dumpAll(a.db)).toEqual(before);
    expect((await a.ctx.caseFile.integrityCheck()).ok).toBe(true);
  });

  it('the stick fills up during a bundle export: DISK_FULL, no partial file, nothing recorded', async () => {
    const a = await makeDevice('センターA');
    const b = await makeDevice('センターB');
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    await pair(a, b);
    const summary = '書き出し満杯試験。'.repeat(2000);
    for (let i = 0; i < 12; i++)
      await a.call('consultation.record', consultationInput({ summary: `${i}${summary}` }));
    const m = tinyMount({ sizeKiB: 128 });
    cleanups.push(m.release);
    const before = await dumpAll(a.db);
    let code = 'ok';
    try {
      await a.call('sync.exportBundle', { peer: b.deviceId, path: join(m.dir, 'bundle.age') });
    } catch (e) {
      code = (e as { code: string }).code;
    }
    expect(code).toBe('DISK_FULL');
    expect(readdirSync(m.dir)).toEqual([]);
    expect(await dumpAll(a.db)).toEqual(before);
    expect(existsSync(join(m.dir, 'bundle.age.part'))).toBe(false);
  });
});
