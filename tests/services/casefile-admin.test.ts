import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { findRecoverySlot, unwrapDataKey } from '../../db/crypto/key-slots';
import { keyslotPath, readKeySlotFile } from '../../db/crypto/keyslot-file';
import { composeApp } from '../../electron/app/compose';
import { runCli } from '../../electron/cli/run-cli';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { errorCode } from '../fixtures/service-fixture';
import { tempDir } from '../fixtures/temp-casefile';
import { consultationInput } from '../sync/sync-helpers';

/**
 * Rotating the data key, restoring a backup, checking the file and taking a backup are
 * administration: the CLI commands go through the dispatcher's permission checks like the
 * app (a read-only account once rotated the data key), and restoring works from the app too.
 */
const PASS = 'cli admin passphrase 長い';
const RO_PASS = 'read only passphrase 長い';

async function cli(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  await runCli(argv, (l) => lines.push(l));
  return lines;
}

let dir = '';
let cleanup = () => {};
let casefile = '';
let recoveryCode = '';

function app() {
  const { runtime, dispatcher } = composeApp({ casefile }, { logInternal: () => {} });
  const call = async <C extends ChannelName>(c: C, i: ChannelInput<C>) => {
    const r = await dispatcher.dispatch(c, i);
    if (!r.ok) throw new AppError(r.error.code, r.error.message);
    return r.data as ChannelOutput<C>;
  };
  return { runtime, dispatcher, call };
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  casefile = join(dir, 'c.yorisoi');
  process.env.YORISOI_PASSPHRASE = PASS;
  const out = await cli(
    'init',
    '--casefile',
    casefile,
    '--center',
    'センター',
    '--login',
    'admin',
    '--name',
    '管理',
  );
  recoveryCode = out[out.length - 1]!;
  const a = app();
  await a.runtime.login('admin', PASS);
  await a.call('staff.add', { login: 'ro', displayName: '閲覧', role: 'read_only', passphrase: RO_PASS });
  mkdirSync(join(dir, 'bk'));
  await a.call('backup.setFolder', { folder: join(dir, 'bk') });
  await a.runtime.lock();
});
afterEach(() => {
  delete process.env.YORISOI_PASSPHRASE;
  cleanup();
});

async function dataKeyViaRecovery(code: string): Promise<string> {
  const body = readKeySlotFile(keyslotPath(casefile));
  return (await unwrapDataKey(body.fileId, findRecoverySlot(body), code)).toString('hex');
}

describe('CLI administration goes through the permission checks', () => {
  it('a read-only account cannot rotate the key, restore, verify or back up', async () => {
    const a = app();
    await a.runtime.login('admin', PASS);
    const snapshot = (await a.call('backup.run', {})).snapshot.path;
    await a.runtime.lock();
    const key = await dataKeyViaRecovery(recoveryCode);
    process.env.YORISOI_PASSPHRASE = RO_PASS;
    const ro = ['--casefile', casefile, '--login', 'ro'];
    expect(await errorCode(cli('rotate-key', ...ro))).toBe('FORBIDDEN');
    expect(await errorCode(cli('verify', ...ro))).toBe('FORBIDDEN');
    expect(await errorCode(cli('backup', ...ro))).toBe('FORBIDDEN');
    expect(await errorCode(cli('restore', '--from', snapshot, ...ro))).toBe('FORBIDDEN');
    // the data key is the one it was: the recovery code still opens it
    expect(await dataKeyViaRecovery(recoveryCode)).toBe(key);
    expect(readdirSync(dir).filter((f) => f.includes('.replaced-'))).toEqual([]);
  });

  it('an administrator can do all four from the CLI', async () => {
    const admin = ['--casefile', casefile, '--login', 'admin'];
    expect(await cli('verify', ...admin)).toContainEqual('integrity: ok');
    const backup = await cli('backup', ...admin);
    const snapshot = /^snapshot: (\S+)/.exec(backup[0]!)![1]!;
    const rotated = await cli('rotate-key', ...admin);
    const code = rotated[rotated.length - 1]!;
    expect(code).not.toBe(recoveryCode);
    expect(await dataKeyViaRecovery(code)).toHaveLength(64);
    const restored = await cli('restore', '--from', snapshot, ...admin);
    expect(restored.join('\n')).toMatch(/restored; new device id/);
  });
});

describe('restore from the app', () => {
  it('an administrator restores a snapshot: the session ends, the later record is gone, the file is kept', async () => {
    const a = app();
    await a.runtime.login('admin', PASS);
    const device = (await a.call('sync.identity', {})).deviceId;
    const { snapshot } = await a.call('backup.run', {});
    await a.call('consultation.record', consultationInput({ summary: 'バックアップの後の記録' }));
    const r = await a.call('backup.restore', { snapshot: snapshot.path, passphrase: PASS });
    expect(r.replaced).toMatch(/\.replaced-/);
    expect(existsSync(r.replaced!)).toBe(true);
    expect((await a.call('session.status', {})).unlocked).toBe(false);
    // the file kept beside ends with the channel's entry: who put which snapshot in its place
    const kept = await CaseFile.unlock({ casefile: r.replaced!, login: 'admin', passphrase: PASS });
    const last = await kept.db
      .selectFrom('audit_log')
      .select(['action', 'login', 'detail'])
      .where('action', '!=', 'login')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await kept.lock();
    expect(last).toEqual({
      action: 'backup.restore-replace',
      login: 'admin',
      detail: JSON.stringify({ snapshot: snapshot.path }),
    });
    await a.runtime.login('admin', PASS);
    const list = await a.call('consultation.list', {});
    expect(list.rows ?? list).toHaveLength(0);
    expect((await a.call('sync.identity', {})).deviceId).not.toBe(device);
    await a.runtime.lock();
  });

  it('a wrong passphrase for the snapshot changes nothing and keeps the session', async () => {
    const a = app();
    await a.runtime.login('admin', PASS);
    const { snapshot } = await a.call('backup.run', {});
    expect(
      await errorCode(a.call('backup.restore', { snapshot: snapshot.path, passphrase: 'wrong one 2025!' })),
    ).toBe('WRONG_PASSPHRASE');
    expect((await a.call('session.status', {})).unlocked).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.replaced-') || f.includes('.restoring'))).toEqual([]);
    await a.runtime.lock();
  });

  it('with no case file left, an administrator of the snapshot restores it; a read-only account cannot', async () => {
    const a = app();
    await a.runtime.login('admin', PASS);
    const { snapshot } = await a.call('backup.run', {});
    await a.runtime.lock();
    expect(
      await errorCode(
        a.call('backup.restoreLost', { snapshot: snapshot.path, login: 'admin', passphrase: PASS }),
      ),
    ).toBe('CASEFILE_EXISTS');
    const gone = join(dir, 'elsewhere');
    mkdirSync(gone);
    for (const f of readdirSync(dir).filter((f) => f.startsWith('c.yorisoi')))
      (await import('node:fs')).renameSync(join(dir, f), join(gone, f));
    const b = app();
    expect(
      await errorCode(
        b.call('backup.restoreLost', { snapshot: snapshot.path, login: 'ro', passphrase: RO_PASS }),
      ),
    ).toBe('FORBIDDEN');
    expect(existsSync(casefile)).toBe(false);
    const r = await b.call('backup.restoreLost', {
      snapshot: snapshot.path,
      login: 'admin',
      passphrase: PASS,
    });
    expect(r.replaced).toBeNull();
    await b.runtime.login('admin', PASS);
    await b.runtime.lock();
  });
});
