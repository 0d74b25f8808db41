import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../electron/services/sync/export-bundle';
import { importBundle } from '../../electron/services/sync/import-bundle';
import { cardFileName, parseSyncFileName, shortDeviceId } from '../../shared/sync/file-names';
import { errorCode } from '../fixtures/service-fixture';
import { asChannel, consultationInput, dumpAll, makeDevice, type Device } from './sync-helpers';

/**
 * Files on the way in and out: cards and bundles written into a chosen folder under their
 * conventional names, the folder listing a screen without a file dialog uses, and the coded
 * errors for a missing folder, a missing file or an unwritable place (each changing nothing).
 */
let a: Device;
let b: Device;
let usb = '';

beforeAll(async () => {
  [a, b] = await Promise.all([makeDevice('事務所PC'), makeDevice('出張用PC')]);
  usb = join(a.dir, 'usb');
  mkdirSync(usb);
});
afterAll(async () => {
  await a.close();
  await b.close();
});

describe('sync files in a folder', () => {
  it('a card goes into a folder under its conventional name and pairs from there', async () => {
    const r = await a.call('sync.exportCard', { folder: usb });
    expect(r.file).toBe(join(usb, cardFileName(a.deviceId)));
    await b.call('sync.exportCard', { folder: usb });
    await b.call('sync.addPeer', { path: r.file });
    await a.call('sync.addPeer', { path: join(usb, cardFileName(b.deviceId)) });
    expect((await b.call('sync.status', {})).peers.map((p) => p.deviceId)).toEqual([a.deviceId]);
  });

  it('a bundle and a receipt go into a given folder (not the configured one) with names that say for whom', async () => {
    await a.call('consultation.record', consultationInput());
    const e = await a.call('sync.exportBundle', { peer: b.deviceId, folder: usb });
    const name = e.file.slice(usb.length + 1);
    expect(parseSyncFileName(name)).toMatchObject({
      kind: 'bundle',
      from: shortDeviceId(a.deviceId),
      to: shortDeviceId(b.deviceId),
    });
    const r = await b.call('sync.exportReceipt', { peer: a.deviceId, folder: usb });
    expect(parseSyncFileName(r.file.slice(usb.length + 1))?.kind).toBe('receipt');
  });

  it('lists the folder for a screen without a file dialog: names, kinds, whether addressed here', async () => {
    writeFileSync(join(usb, 'notes.txt'), 'not listed');
    writeFileSync(join(usb, 'renamed.age'), 'x');
    mkdirSync(join(usb, 'sub.age'));
    const atB = await b.call('sync.listFiles', { folder: usb });
    expect(atB.folder).toBe(usb);
    const byKind = (k: string) => atB.files.filter((f) => f.kind === k);
    expect(byKind('card').map((f) => f.card)).toEqual(
      expect.arrayContaining([
        { centerName: '事務所PC', role: 'center', isThisDevice: false },
        { centerName: '出張用PC', role: 'center', isThisDevice: true },
      ]),
    );
    expect(byKind('bundle')).toEqual([expect.objectContaining({ forThisDevice: true, imported: false })]);
    expect(byKind('receipt')).toEqual([expect.objectContaining({ forThisDevice: false, imported: null })]);
    expect(byKind('other').map((f) => f.name)).toEqual(['renamed.age']);
    expect(atB.files.map((f) => f.name)).not.toContain('notes.txt');
    expect(atB.files.every((f) => f.path === join(usb, f.name) && f.bytes > 0)).toBe(true);
    // once imported, the listing says so (the file stays: a shared stick serves several devices)
    await b.call('sync.importBundle', { path: byKind('bundle')[0]!.path });
    const again = await b.call('sync.listFiles', { folder: usb });
    expect(again.files.find((f) => f.kind === 'bundle')).toMatchObject({ imported: true });
    // newest first
    const times = atB.files.map((f) => f.modifiedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('without a configured folder, the folder actions say so with a code', async () => {
    expect(await errorCode(b.call('sync.listFiles', {}))).toBe('SYNC_FOLDER_NOT_SET');
    expect(await errorCode(b.call('sync.importFolder', {}))).toBe('SYNC_FOLDER_NOT_SET');
    expect(await errorCode(b.call('sync.exportBundle', { peer: a.deviceId, toFolder: true }))).toBe(
      'SYNC_FOLDER_NOT_SET',
    );
  });

  it('a folder that went away (a stick unplugged) is refused with its own code, and changes nothing', async () => {
    const stick = join(a.dir, 'stick');
    mkdirSync(stick);
    await b.call('sync.setFolder', { folder: stick });
    rmSync(stick, { recursive: true });
    const before = await dumpAll(b.db);
    expect(await errorCode(b.call('sync.importFolder', {}))).toBe('SYNC_FOLDER_UNAVAILABLE');
    expect(await errorCode(b.call('sync.exportReceipt', { peer: a.deviceId, toFolder: true }))).toBe(
      'SYNC_FOLDER_UNAVAILABLE',
    );
    expect(await errorCode(b.call('sync.setFolder', { folder: stick }))).toBe('SYNC_FOLDER_UNAVAILABLE');
    expect(await errorCode(b.call('sync.exportCard', { folder: stick }))).toBe('SYNC_FOLDER_UNAVAILABLE');
    expect(await dumpAll(b.db)).toEqual(before);
    await b.call('sync.setFolder', { folder: null });
  });

  it('a file that is not there, and a place that cannot be written, have their own codes', async () => {
    expect(await errorCode(b.call('sync.importBundle', { path: join(usb, 'gone.age') }))).toBe(
      'FILE_NOT_FOUND',
    );
    expect(await errorCode(b.call('sync.previewCard', { path: join(usb, 'gone.json') }))).toBe(
      'FILE_NOT_FOUND',
    );
    const before = await dumpAll(a.db);
    const noDir = join(usb, 'no-such-dir', 'x.age');
    expect(await errorCode(a.call('sync.exportBundle', { peer: b.deviceId, path: noDir }))).toBe(
      'FILE_UNWRITABLE',
    );
    expect(await errorCode(a.call('sync.exportCard', { path: noDir }))).toBe('FILE_UNWRITABLE');
    expect(readdirSync(usb).filter((n) => n.endsWith('.part'))).toEqual([]);
    // the failed exports left no "last export" and no export-log entry behind
    expect(await dumpAll(a.db)).toEqual(before);
  });

  it('a second export or import while one runs is refused (SYNC_BUSY), and the first completes', async () => {
    for (let i = 0; i < 3; i++) await a.call('consultation.record', consultationInput());
    const file = a.file('busy');
    const running = asChannel(a.ctx, 'sync.exportBundle', (u) =>
      exportBundle(u, { peer: b.deviceId, path: file, toFolder: false }),
    );
    const second = await errorCode(a.call('sync.exportBundle', { peer: b.deviceId, path: a.file('x') }));
    expect(second).toBe('SYNC_BUSY');
    const done = await running;
    expect(done.ops).toBeGreaterThan(3);
    const r = await asChannel(b.ctx, 'sync.importBundle', (u) => importBundle(u, file));
    expect(r.applied).toBeGreaterThan(0);
  });
});
