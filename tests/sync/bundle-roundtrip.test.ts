import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBundle } from '../../electron/services/sync/export-bundle';
import { importBundle } from '../../electron/services/sync/import-bundle';
import type { SyncJob } from '../../electron/services/sync/progress';
import {
  asChannel,
  consultationInput,
  dumpAll,
  exportTo,
  makeDevice,
  pair,
  sync,
  syncedState,
  type Device,
} from './sync-helpers';

let devices: Device[] = [];
afterEach(async () => {
  for (const d of devices) await d.close();
  devices = [];
});

async function devicesNamed(...names: string[]) {
  devices = await Promise.all(names.map((n) => makeDevice(n)));
  return devices;
}

describe('bundles between two devices', () => {
  it('carry every record to the other device, which ends with the same data', async () => {
    const [office, laptop] = await devicesNamed('office', 'laptop');
    await pair(office!, laptop!);
    const c = await office!.call(
      'consultation.record',
      consultationInput({
        person: { mode: 'new', data: { name: '鈴木 一郎', nameKana: 'スズキ イチロウ' } },
        continuity: 'continuing',
        followUp: { title: '電話で確認', dueDate: '2025-06-09' },
      }),
    );
    await office!.call('institution.create', { type: 'health_center', name: '中央保健所' } as never);
    const r = await sync(office!, laptop!);
    expect(r.applied).toBeGreaterThan(0);
    expect(r.duplicates).toBe(0);
    await sync(laptop!, office!); // the laptop's own administrator goes the other way
    expect(await syncedState(laptop!.db)).toEqual(await syncedState(office!.db));
    // the laptop can use what arrived: open the record and find it by the person's kana
    const got = await laptop!.call('consultation.get', { id: c.id });
    expect(got.person?.name).toBe('鈴木 一郎');
    const found = await laptop!.call('consultation.list', { query: 'すずき' });
    expect(found.rows.map((x) => x.id)).toEqual([c.id]);
    expect((await laptop!.call('followup.due', { scope: 'all' })).thisWeek).toHaveLength(1);
  });

  it('a second import of the same bundle changes nothing', async () => {
    const [a, b] = await devicesNamed('a', 'b');
    await pair(a!, b!);
    await a!.call('consultation.record', consultationInput());
    const file = await exportTo(a!, b!);
    const first = await b!.call('sync.importBundle', { path: file });
    expect(first.applied).toBeGreaterThan(0);
    const before = await dumpAll(b!.db);
    const again = await b!.call('sync.importBundle', { path: file });
    expect(again).toMatchObject({ applied: 0, parked: 0, duplicates: first.received });
    expect(await dumpAll(b!.db)).toEqual(before);
  });

  it('edits travel both ways; the version counts edits made anywhere', async () => {
    const [a, b] = await devicesNamed('a', 'b');
    await pair(a!, b!);
    const c = await a!.call(
      'consultation.record',
      consultationInput({ person: { mode: 'new', data: { name: '山田 花子' } } }),
    );
    await sync(a!, b!);
    const p = await b!.call('person.update', {
      id: c.person!.id,
      expectedVersion: 1,
      changes: { name: '山田 花子', phone: '048-000-0000' },
    });
    expect(p.version).toBe(2);
    await sync(b!, a!);
    const onA = await a!.call('person.get', { id: c.person!.id });
    expect(onA).toMatchObject({ phone: '048-000-0000', version: 2 });
    expect(await syncedState(a!.db)).toEqual(await syncedState(b!.db));
  });

  it('receipts mark ops delivered: nothing waits after a receipt, and the next bundle carries only new ops', async () => {
    const [a, b] = await devicesNamed('a', 'b');
    await pair(a!, b!);
    await a!.call('consultation.record', consultationInput());
    const before = (await a!.call('sync.status', {})).peers[0]!;
    expect(before.waitingOps).toBeGreaterThan(0);
    await sync(a!, b!);
    const after = (await a!.call('sync.status', {})).peers[0]!;
    expect(after.waitingOps).toBe(0);
    expect(after.lastReceiptAt).not.toBeNull();
    expect(after.lastExportOps).toBe(before.waitingOps);
    await a!.call('consultation.record', consultationInput({ summary: '二件目' }));
    const next = await a!.call('sync.exportBundle', { peer: b!.deviceId, path: a!.file('next') });
    expect(next.ops).toBe(1);
    // without a receipt, the same ops go again (never dropped before a receipt)
    const again = await a!.call('sync.exportBundle', { peer: b!.deviceId, path: a!.file('again') });
    expect(again.ops).toBe(1);
  });

  it("an outreach laptop's ops reach a device it never paired with, through the office PC", async () => {
    const [office, laptop, pref] = await devicesNamed('office', 'laptop', 'pref');
    await pair(office!, laptop!);
    await pair(office!, pref!);
    const c = await laptop!.call(
      'consultation.record',
      consultationInput({ summary: '出張相談会で受けた相談' }),
    );
    await sync(laptop!, office!);
    const r = await sync(office!, pref!);
    expect(r.applied).toBeGreaterThan(0);
    expect((await pref!.call('consultation.get', { id: c.id })).summary).toBe('出張相談会で受けた相談');
  });

  it('the export log says who sent how many ops to whom', async () => {
    const [a, b] = await devicesNamed('a', 'b');
    await pair(a!, b!);
    await a!.call('consultation.record', consultationInput());
    const e = await a!.call('sync.exportBundle', { peer: b!.deviceId, path: a!.file('x') });
    const log = await a!.call('sync.exportLog', { limit: 10, offset: 0 });
    expect(log.rows[0]).toMatchObject({
      kind: 'bundle',
      peer: b!.deviceId,
      ops: e.ops,
      login: 'admin',
      profile: 'full',
    });
  });

  it('long exports and imports report progress, readable through sync.progress while they run', async () => {
    const [a, b] = await devicesNamed('a', 'b');
    await pair(a!, b!);
    for (let i = 0; i < 5; i++) await a!.call('consultation.record', consultationInput());
    const seen: SyncJob[] = [];
    const path = a!.file('p');
    const exported = await asChannel(a!.ctx, 'sync.exportBundle', (u) =>
      exportBundle(u, { peer: b!.deviceId, path, toFolder: false }, (j) => seen.push(j)),
    );
    expect(seen.map((j) => j.phase)).toEqual(expect.arrayContaining(['collect', 'write', 'done']));
    expect(seen.at(-1)).toMatchObject({ kind: 'export', done: exported.ops, total: exported.ops });
    const polled: unknown[] = [];
    const running = asChannel(b!.ctx, 'sync.importBundle', (u) => importBundle(u, path, (j) => seen.push(j)));
    polled.push((await b!.call('sync.progress', {})).job);
    const r = await running;
    expect(polled[0]).toMatchObject({ kind: 'import' });
    expect(seen.at(-1)).toMatchObject({ kind: 'import', phase: 'done', done: r.received });
    expect((await b!.call('sync.progress', {})).job).toBeNull();
  });

  it('exports to and imports from a configured exchange folder (each device takes only its own files)', async () => {
    const [a, b] = await devicesNamed('a', 'b');
    await pair(a!, b!);
    const folder = join(a!.dir, 'usb');
    mkdirSync(folder);
    await a!.call('sync.setFolder', { folder });
    await b!.call('sync.setFolder', { folder });
    await a!.call('consultation.record', consultationInput({ summary: 'フォルダー経由' }));
    const e = await a!.call('sync.exportBundle', { peer: b!.deviceId, toFolder: true });
    expect(e.file.startsWith(folder)).toBe(true);
    expect(await a!.call('sync.importFolder', {})).toEqual({ files: [], alreadyImported: 0 }); // a's own bundle is not for a
    const atB = await b!.call('sync.importFolder', {});
    expect(atB.files).toHaveLength(1);
    expect(atB.files[0]).toMatchObject({ kind: 'bundle', ok: true, code: null });
    expect(atB.files[0]!.bundle!.applied).toBe(e.ops);
    await b!.call('sync.exportReceipt', { peer: a!.deviceId, toFolder: true });
    const atA = await a!.call('sync.importFolder', {});
    expect(atA.files.map((f) => [f.kind, f.ok])).toEqual([['receipt', true]]);
    expect((await a!.call('sync.status', {})).peers[0]!.waitingOps).toBe(0);
    // importing the folder again skips what was imported (and a forced second import changes nothing)
    expect(await b!.call('sync.importFolder', {})).toEqual({ files: [], alreadyImported: 1 });
    expect(await b!.call('sync.importBundle', { path: e.file })).toMatchObject({ applied: 0 });
  });
});
