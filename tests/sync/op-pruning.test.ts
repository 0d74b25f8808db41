import { afterEach, describe, expect, it } from 'vitest';
import {
  backUp,
  consultationInput,
  exportTo,
  makeDevice,
  pair,
  restoreBackup,
  sync,
  syncedState,
  type Device,
} from './sync-helpers';

/**
 * Ops every paired device has acknowledged leave the op log (issue 17: it was the largest sync
 * cost, kept forever). The records stay; a device that needs pruned ops (paired later, or a
 * copy restored from a backup) gets a snapshot of the rows and ends up with the same records.
 */
let devices: Device[] = [];
afterEach(async () => {
  for (const d of devices) await d.close();
  devices = [];
});

async function devicesNamed<N extends string[]>(...names: N): Promise<{ [K in keyof N]: Device }> {
  const made = await Promise.all(names.map((n) => makeDevice(n)));
  devices.push(...made);
  return made as { [K in keyof N]: Device };
}

const record = (d: Device, extra: Record<string, unknown> = {}) =>
  d.call('consultation.record', consultationInput(extra));
/** ops left in the log, besides each device's newest (kept for the clock check: prune.ts) */
const opCount = async (d: Device) =>
  (await d.db.selectFrom('op_log').select('origin').execute()).length -
  new Set((await d.db.selectFrom('op_log').select('origin').execute()).map((r) => r.origin)).size;
const allOps = async (d: Device) =>
  Number(
    (
      await d.db
        .selectFrom('op_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/** The prefecture report's tables (the heading names the device's own center). */
const report = async (d: Device) =>
  JSON.stringify((await d.call('report.build', { fiscalYear: 2025 })).tables);
const serials = async (d: Device) =>
  (await d.db.selectFrom('consultations').select('serial').orderBy('serial').execute()).map((r) => r.serial);

/** The records and their clocks, as every device holding the same changes must show them. */
async function records(d: Device) {
  const { opLog: _ops, conflicts: _c, resolutions: _r, ...rest } = await syncedState(d.db);
  return rest;
}

/** The office hears from both laptops, then both hear everything and acknowledge it. */
async function roundTrip(office: Device, ...others: Device[]) {
  for (const o of others) await sync(o, office);
  for (const o of others) await sync(office, o);
}

describe('pruning acknowledged ops', () => {
  it('three devices sync and all acknowledge: the office op log empties while the records stay; a fourth device paired later gets them all through a snapshot', async () => {
    const [office, a, b, late] = await devicesNamed('office', 'laptopA', 'laptopB', 'late');
    await pair(office, a);
    await pair(office, b);
    for (let i = 0; i < 3; i++) {
      await record(office, { summary: `事務所の相談 ${i}` });
      await record(a, { summary: `訪問の相談 ${i}` });
      await record(b, { summary: `電話の相談 ${i}` });
    }
    const before = await allOps(office);
    await roundTrip(office, a, b);
    expect(before).toBeGreaterThan(0);
    expect(await opCount(office)).toBe(0);
    expect(await serials(office)).toHaveLength(9);
    const officeReport = await report(office);
    expect(officeReport).toBe(await report(a));

    // the office keeps numbering its ops above what it pruned
    await record(office, { summary: '剪定のあと' });
    const [next] = await office.db
      .selectFrom('op_log')
      .select(['origin', 'seq'])
      .where('origin', '=', office.deviceId)
      .orderBy('seq', 'desc')
      .execute();
    expect(next!.seq).toBeGreaterThan(3);
    const floor = await office.db
      .selectFrom('op_floor')
      .selectAll()
      .where('origin', '=', office.deviceId)
      .execute();
    expect(next!.seq).toBe(floor[0]!.seq + 1);
    await roundTrip(office, a, b);

    // a fourth device, paired now: the ops it lacks are gone, so the rows come as a snapshot
    await pair(office, late);
    const bundle = await exportTo(office, late);
    const imported = await late.call('sync.importBundle', { path: bundle });
    expect(imported.applied).toBeGreaterThan(0);
    expect(await report(late)).toBe(await report(office));
    expect(await serials(late)).toEqual(await serials(office));
    // once the office has the new device's own administrator, every record and clock agrees
    await sync(late, office);
    expect(await records(late)).toEqual(await records(office));

    // and it syncs on from there: its own record reaches the office, nothing is sent twice
    await sync(office, late);
    await record(late, { summary: '新しい端末から' });
    await sync(late, office);
    expect(await serials(office)).toHaveLength(11);
    await roundTrip(office, a, b, late);
    expect(await records(a)).toEqual(await records(office));
    expect(await records(late)).toEqual(await records(office));
  });

  it('the sync screen says when the next file to a device carries a snapshot, which the waiting count leaves out', async () => {
    const [office, a, late] = await devicesNamed('office', 'laptopA', 'late');
    await pair(office, a);
    for (let i = 0; i < 3; i++) await record(office, { summary: `事務所の相談 ${i}` });
    await roundTrip(office, a);
    expect(await opCount(office)).toBe(0);
    await pair(office, late);
    const queue = async () =>
      (await office.call('sync.status', {})).peers.find((p) => p.deviceId === late.deviceId)!;
    // three consultations wait for it, but only each device's newest op is left (prune.ts)
    expect(await queue()).toMatchObject({ snapshotDue: true });
    expect((await queue()).waitingOps).toBeLessThanOrEqual(2);
    await sync(office, late);
    expect(await queue()).toMatchObject({ snapshotDue: false, waitingOps: 0 });
    expect((await office.call('sync.status', {})).peers.every((p) => !p.snapshotDue)).toBe(true);
  });

  it('a paired device that never acknowledged holds every op back, and the sync screen still shows what waits for it; retiring it lets them go', async () => {
    const [office, a, silent] = await devicesNamed('office', 'laptop', 'silent');
    await pair(office, a);
    await pair(office, silent);
    await record(office);
    await record(a);
    await roundTrip(office, a);
    const held = await allOps(office);
    expect(await opCount(office)).toBeGreaterThanOrEqual(2);
    office.fx.setToday('2025-07-01');
    const status = await office.call('sync.status', {});
    const peer = status.peers.find((p) => p.deviceId === silent.deviceId)!;
    expect(peer.waitingOps).toBe(held);
    expect(peer.stalled).toBe(true);

    await office.call('sync.removePeer', { peer: silent.deviceId });
    expect(await opCount(office)).toBe(0);
    expect(await serials(office)).toHaveLength(2);
  });

  it('a laptop restored from last month’s backup gets a snapshot; its consultation that never left before the backup arrives once, and its edits after the restore arrive too', async () => {
    const [office, pc, laptop] = await devicesNamed('office', 'pc', 'laptop');
    await pair(office, pc);
    await pair(office, laptop);
    const first = await record(laptop, { summary: '先月の相談' });
    await roundTrip(office, pc, laptop);
    // recorded on the laptop, backed up, never synced: then the laptop breaks
    const unsent = await record(laptop, { summary: '送られなかった相談' });
    const snapshot = await backUp(laptop);
    const oldLaptopId = laptop.deviceId;
    // meanwhile the office works on, and retires the broken laptop: its ops can go
    const meanwhile = await record(office, { summary: '事務所で受けた相談' });
    await roundTrip(office, pc);
    await office.call('sync.removePeer', { peer: oldLaptopId });
    expect(await opCount(office)).toBe(0);

    await restoreBackup(laptop, snapshot);
    expect(laptop.deviceId).not.toBe(oldLaptopId);
    await pair(office, laptop);
    await sync(office, laptop);
    const onLaptop = await laptop.db.selectFrom('consultations').select('id').execute();
    expect(onLaptop.map((r) => r.id).sort()).toEqual([first.id, unsent.id, meanwhile.id].sort());

    const after = await record(laptop, { summary: '復元のあと' });
    await sync(laptop, office);
    const atOffice = await office.db.selectFrom('consultations').select('id').execute();
    expect(atOffice.map((r) => r.id).sort()).toEqual([first.id, unsent.id, meanwhile.id, after.id].sort());
    await roundTrip(office, pc, laptop);
    expect(await records(laptop)).toEqual(await records(office));
    expect(await records(pc)).toEqual(await records(office));
    expect(await report(laptop)).toBe(await report(office));
  });

  it('a laptop restored from a backup prunes again once the office holds what its old self wrote; not while its old self still writes', async () => {
    const [office, laptop] = await devicesNamed('office', 'laptop');
    await pair(office, laptop);
    await record(laptop, { summary: '先月の相談' });
    await roundTrip(office, laptop);
    // two consultations recorded, backed up, never synced: then the laptop breaks
    await record(laptop, { summary: '送られなかった相談 1' });
    await record(laptop, { summary: '送られなかった相談 2' });
    const snapshot = await backUp(laptop);
    const oldLaptopId = laptop.deviceId;
    await office.call('sync.removePeer', { peer: oldLaptopId });
    await restoreBackup(laptop, snapshot);
    await pair(office, laptop);
    await record(laptop, { summary: '復元のあと' });
    await roundTrip(office, laptop);
    await roundTrip(office, laptop);
    expect(await serials(office)).toHaveLength(4);
    // its old self's ops are its own past, not a device it cannot hear from
    expect(await opCount(laptop)).toBe(0);

    // the old laptop was not gone after all: an op of its id this copy never had arrives, so
    // a device it does not hear from directly writes again, and nothing more is pruned
    const top = await laptop.db
      .selectFrom('op_log')
      .selectAll()
      .where('origin', '=', oldLaptopId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await laptop.db
      .insertInto('op_log')
      .values({ ...top, seq: top.seq + 1, hlc: `${top.hlc.slice(0, 13)}-9999-${oldLaptopId}` })
      .execute();
    await record(laptop, { summary: '古い端末が戻ったあと' });
    await record(laptop, { summary: 'もう一件' });
    await sync(laptop, office);
    await sync(office, laptop);
    expect(await opCount(laptop)).toBeGreaterThanOrEqual(2);
  });

  it('an edit the restored laptop made before its backup and never sent still meets the office’s edit of the same field as a conflict', async () => {
    const [office, pc, laptop] = await devicesNamed('office', 'pc', 'laptop');
    await pair(office, pc);
    await pair(office, laptop);
    const c = await office.call(
      'consultation.record',
      consultationInput({ person: { mode: 'new', data: { name: '山田 花子', phone: '03-0000-0000' } } }),
    );
    const personId = c.person!.id;
    await roundTrip(office, pc, laptop);
    const setPhone = (d: Device, phone: string) =>
      d.call('person.update', { id: personId, expectedVersion: 1, changes: { name: '山田 花子', phone } });
    await setPhone(laptop, '090-1111-1111');
    const snapshot = await backUp(laptop);
    await setPhone(office, '090-2222-2222');
    await roundTrip(office, pc);
    await office.call('sync.removePeer', { peer: laptop.deviceId });
    expect(await opCount(office)).toBe(0);

    await restoreBackup(laptop, snapshot);
    await pair(office, laptop);
    await sync(office, laptop);
    await sync(laptop, office);
    await sync(office, laptop);
    const atOffice = await office.call('sync.conflicts', {});
    const atLaptop = await laptop.call('sync.conflicts', {});
    expect(atOffice.map((x) => x.field)).toEqual(['phone']);
    expect(new Set([atOffice[0]!.current.value, atOffice[0]!.other.value])).toEqual(
      new Set(['090-1111-1111', '090-2222-2222']),
    );
    expect(atLaptop.map((x) => x.id)).toEqual(atOffice.map((x) => x.id));
  });

  it('the prefecture keeps its ops (it tells centers apart by the op that made a record), while the office prunes what the prefecture acknowledged', async () => {
    const [office, pref] = await devicesNamed('office', 'pref');
    await pref.call('sync.setMode', { mode: 'prefecture' });
    await pair(office, pref);
    await record(office);
    await record(office);
    await sync(office, pref);
    await sync(office, pref);
    const held = await allOps(pref);
    expect(held).toBeGreaterThanOrEqual(2);
    await sync(office, pref);
    expect(await allOps(pref)).toBe(held);
    // the prefecture's own ops never come here (it may only acknowledge): they hold nothing back
    expect(await opCount(office)).toBe(0);
  });
});
