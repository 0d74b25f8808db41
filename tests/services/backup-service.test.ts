import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import { runCli } from '../../electron/cli/run-cli';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { serviceFixture } from '../fixtures/service-fixture';
import { ADMIN } from '../fixtures/temp-casefile';
import { tinyMount } from '../fixtures/tiny-mount';

let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function setup() {
  const fx = await serviceFixture('2025-06-02');
  cleanups.push(() => fx.close());
  const d = createDispatcher(fx.runtime, ALL_HANDLERS, { logInternal: () => {} });
  const call = async <C extends ChannelName>(c: C, input: ChannelInput<C>) => {
    const r = await d.dispatch(c, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.data as ChannelOutput<C>;
  };
  const code = async <C extends ChannelName>(c: C, input: ChannelInput<C>) => {
    const r = await d.dispatch(c, input);
    return r.ok ? 'ok' : r.error.code;
  };
  return { fx, call, code };
}

describe('backup folder, reminder and generations (service)', () => {
  it('reminds until the first backup, then after the configured number of days', async () => {
    const { fx, call } = await setup();
    const usb = join(fx.dir, 'usb');
    mkdirSync(usb);
    expect(await call('backup.status', {})).toMatchObject({ folder: null, stale: true, daysSinceLast: null });
    const set = await call('backup.setFolder', { folder: usb, remindAfterDays: 7 });
    expect(set).toMatchObject({ folder: usb, folderAvailable: true, remindAfterDays: 7, stale: true });
    expect(set.sameDiskAsCaseFile).toBe(true); // the screen warns: both on one disk
    const r = await call('backup.run', {});
    expect(r.snapshot.path.startsWith(usb)).toBe(true);
    expect(await call('backup.status', {})).toMatchObject({ stale: false, daysSinceLast: 0 });
    fx.setToday('2025-06-08');
    expect(await call('backup.status', {})).toMatchObject({ stale: false, daysSinceLast: 6 });
    fx.setToday('2025-06-09');
    expect(await call('backup.status', {})).toMatchObject({ stale: true, daysSinceLast: 7 });
    await call('backup.setFolder', { folder: usb, remindAfterDays: 10 });
    expect(await call('backup.status', {})).toMatchObject({ stale: false });
    // one generation per day is kept; the list is newest first
    fx.setToday('2025-06-10');
    await call('backup.run', {});
    const s = await call('backup.status', {});
    expect(s.snapshots.map((x) => x.takenAt.slice(0, 10))).toEqual(['2025-06-10', '2025-06-02']);
    const log = await call('audit.list', { action: 'backup.run' });
    expect(log.total).toBe(2);
  });

  it('a folder that is not there, read-only, or unplugged later: a coded refusal, nothing changed', async () => {
    const { fx, call, code } = await setup();
    expect(await code('backup.setFolder', { folder: join(fx.dir, 'nope') })).toBe(
      'BACKUP_FOLDER_UNAVAILABLE',
    );
    const ro = tinyMount({ sizeKiB: 256, readOnly: true });
    cleanups.push(ro.release);
    expect(await code('backup.setFolder', { folder: ro.dir })).toBe('BACKUP_FOLDER_UNAVAILABLE');
    expect((await call('backup.status', {})).folder).toBeNull();
    expect(await code('backup.run', {})).toBe('BACKUP_FOLDER_UNAVAILABLE'); // none configured

    const usb = join(fx.dir, 'stick');
    mkdirSync(usb);
    await call('backup.setFolder', { folder: usb });
    rmSync(usb, { recursive: true }); // the stick is pulled
    expect(await call('backup.status', {})).toMatchObject({ folderAvailable: false, snapshots: [] });
    expect(await code('backup.run', {})).toBe('BACKUP_FOLDER_UNAVAILABLE');
    expect((await call('backup.status', {})).lastBackupAt).toBeNull();
    expect((await fx.runtime.context().caseFile.integrityCheck()).ok).toBe(true);
  });
});

describe('restore through the CLI (runs in CI)', () => {
  it('backup, change, restore: the change is gone, the device id is new, the chain verifies', async () => {
    const { fx, call } = await setup();
    const usb = join(fx.dir, 'usb');
    mkdirSync(usb);
    await call('backup.setFolder', { folder: usb });
    const person = await call('person.create', { name: '復元 確認', residence: 'in_pref' });
    const { snapshot } = await call('backup.run', {});
    await call('person.update', {
      id: person.id,
      expectedVersion: person.version,
      changes: { name: '復元後 変更', residence: 'in_pref' },
    });
    const deviceBefore = fx.runtime.context().deviceId;
    const casefile = fx.runtime.casefile;
    await fx.runtime.lock();

    process.env.YORISOI_PASSPHRASE = ADMIN.passphrase;
    cleanups.push(() => delete process.env.YORISOI_PASSPHRASE);
    const lines: string[] = [];
    const args = ['--casefile', casefile, '--login', ADMIN.login];
    await runCli(['restore', '--from', snapshot.path, ...args], (l) => lines.push(l));
    expect(lines[0]).toMatch(/^restored; new device id [0-9a-f-]{36}; the previous file is kept as /);
    await runCli(['verify', ...args], (l) => lines.push(l));
    expect(lines).toContain('integrity: ok');
    await runCli(['audit', 'verify', ...args], (l) => lines.push(l));
    expect(lines.some((l) => l.startsWith('audit chain: ok'))).toBe(true);

    const ctx = await fx.as(ADMIN.login);
    expect(ctx.deviceId).not.toBe(deviceBefore);
    expect((await call('person.get', { id: person.id })).name).toBe('復元 確認');
  });
});
