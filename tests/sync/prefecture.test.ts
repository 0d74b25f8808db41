import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../fixtures/service-fixture';
import { consultationInput, exportTo, makeDevice, pair, sync, type Device } from './sync-helpers';

/**
 * The prefecture's installation imports bundles from several centers (only paired ones), keeps
 * each center's data apart, sends receipts back and counts consultations per center.
 */
let pref: Device;
let north: Device;
let south: Device;
let northLaptop: Device;
let unpaired: Device;

async function record(d: Device, n: number, at = '2025-06-02T10:00') {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await d.call(
      'consultation.record',
      consultationInput({
        receivedAt: at,
        person: { mode: 'new', data: { name: `相談者${i}`, sex: 'female' } },
      }),
    );
    ids.push(c.id);
  }
  return ids;
}

beforeAll(async () => {
  const ds = await Promise.all(
    ['県', '北センター', '南センター', '北センター出張用', '未登録センター'].map((n) => makeDevice(n)),
  );
  [pref, north, south, northLaptop, unpaired] = [ds[0]!, ds[1]!, ds[2]!, ds[3]!, ds[4]!];
  await pref.call('sync.setMode', { mode: 'prefecture' });
  await pair(north, pref);
  await pair(south, pref);
  await pair(north, northLaptop);
});
afterAll(async () => {
  for (const d of [pref, north, south, northLaptop, unpaired]) await d.close();
});

describe('prefecture mode', () => {
  it('imports from several centers and counts consultations per center and fiscal year', async () => {
    await record(north, 3);
    await record(north, 1, '2024-12-01T10:00');
    await record(northLaptop, 2); // an outreach laptop of the north center, never paired with the prefecture
    await sync(northLaptop, north);
    await record(south, 4);
    await sync(north, pref);
    await sync(south, pref);
    const s = await pref.call('sync.centerSummary', {});
    const count = (center: string, fy: number) =>
      s.rows.find((r) => r.centerName === center && r.fiscalYear === fy)?.consultations;
    expect(count('北センター', 2025)).toBe(5); // the laptop's consultations count for its center
    expect(count('北センター', 2024)).toBe(1);
    expect(count('南センター', 2025)).toBe(4);
    expect(s.totals).toEqual([
      { fiscalYear: 2024, consultations: 1, persons: 1 },
      { fiscalYear: 2025, consultations: 9, persons: 9 },
    ]);
    expect((await pref.call('sync.centerSummary', { fiscalYear: 2024 })).rows).toHaveLength(1);
  });

  it('sends receipts back: the centers see nothing waiting for the prefecture', async () => {
    for (const c of [north, south]) {
      const peer = (await c.call('sync.status', {})).peers.find((p) => p.deviceId === pref.deviceId)!;
      expect(peer.waitingOps).toBe(0);
      expect(peer.lastReceiptAt).not.toBeNull();
    }
  });

  it('refuses a center it has not paired with', async () => {
    const card = pref.file('card');
    await pref.call('sync.exportCard', { path: card });
    await unpaired.call('sync.addPeer', { path: card });
    await record(unpaired, 1);
    expect(await errorCode(pref.call('sync.importBundle', { path: await exportTo(unpaired, pref) }))).toBe(
      'BUNDLE_UNKNOWN_SENDER',
    );
  });

  it("keeps each center's data apart: one center's edit of another center's record is kept, not applied", async () => {
    // two centers that also sync with each other (unusual, but a bundle may carry such ops)
    await pair(north, south, { aSeesB: 'full', bSeesA: 'full' });
    const [id] = await record(north, 1);
    await sync(north, pref);
    await sync(north, south);
    const before = await pref.db
      .selectFrom('consultations')
      .selectAll()
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    const c = await south.call('consultation.get', { id: id! });
    await south.call('consultation.update', {
      id: id!,
      expectedVersion: c.version,
      changes: consultationInput({ method: 'email' }) as never,
    });
    const r = await sync(south, pref);
    expect(r.parked).toBe(1);
    const after = await pref.db
      .selectFrom('consultations')
      .selectAll()
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect((await pref.call('sync.status', {})).pending.byReason).toEqual({ other_center: 1 });
  });
});
