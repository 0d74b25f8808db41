import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backUp,
  consultationInput,
  makeDevice,
  pair,
  restoreBackup,
  sync,
  type Device,
} from './sync-helpers';

/**
 * The prefecture's センター別集計 must equal each center's own report (table 1's 延件数 and
 * 実人数), end to end through real bundles: a center with an office PC and two outreach
 * laptops, one of which also delivers straight to the prefecture, whose office PC is later
 * restored from a backup (a new device id, new keys). Anonymous consultations are one person
 * each on both sides. Expected numbers are counted by hand from the script below.
 *
 * Script (all FY2025 unless said):
 *  office:  A (new person) ×2, B (new person), 2 anonymous, 1 anonymous in FY2024
 *  laptop1 (outreach, gets office's data): 1 for A, 2 anonymous            → office
 *  laptop2 (gets office's data): D (new person), 1 anonymous                → office → prefecture
 *  office → prefecture; backup of the office taken here
 *  office:  1 anonymous (after the backup)                                  → laptop1, prefecture
 *  the office PC dies; restored from the backup: office′ (new device id)
 *  laptop1 → office′ (brings the after-backup consultation back)
 *  office′: 1 for B; edits a consultation the old office made              → prefecture
 *  laptop2: 1 anonymous and an edit of an office consultation, straight    → prefecture
 *  laptop2 → office′
 * FY2025 at the center: A 3 (2 office + laptop1), B 2, D 1, anonymous 2+2+1+1+1 = 7
 *   → 延件数 3 + 2 + 1 + 7 = 13, 実人数 3 + 7 = 10. FY2024: 1 anonymous.
 * South (another center): 2 for one person, 1 anonymous → 3 / 2.
 */
let pref: Device;
let office: Device;
let laptop1: Device;
let laptop2: Device;
let south: Device;
let oldOfficeId: string;

const anon = (d: Device, at = '2025-06-02T10:00') =>
  d.call('consultation.record', consultationInput({ receivedAt: at }));
const named = (d: Device, name: string, at = '2025-06-03T10:00') =>
  d.call(
    'consultation.record',
    consultationInput({ receivedAt: at, person: { mode: 'new', data: { name } } }),
  );
const again = (d: Device, personId: string, at = '2025-07-01T10:00') =>
  d.call(
    'consultation.record',
    consultationInput({ receivedAt: at, person: { mode: 'existing', personId } }),
  );

async function ownTotal(d: Device, fiscalYear: number) {
  const r = await d.call('report.build', { fiscalYear, tables: ['t01-method'] });
  const total = r.tables[0]!.rows.find((x) => x.key === 'total')!.cells;
  return { consultations: total[1], persons: total[2] };
}

async function editMethod(d: Device, id: string) {
  const c = await d.call('consultation.get', { id });
  return d.call('consultation.update', {
    id,
    expectedVersion: c.version,
    changes: consultationInput({
      receivedAt: c.receivedAt.slice(0, 16),
      method: 'email',
      person: c.person ? { mode: 'existing', personId: c.person.id } : { mode: 'anonymous' },
    }) as never,
  });
}

beforeAll(async () => {
  const ds = await Promise.all(
    ['県', '北センター', '北センター出張1', '北センター出張2', '南センター'].map((n) => makeDevice(n)),
  );
  [pref, office, laptop1, laptop2, south] = [ds[0]!, ds[1]!, ds[2]!, ds[3]!, ds[4]!];
  await pref.call('sync.setMode', { mode: 'prefecture' });
  await pair(office, pref);
  await pair(south, pref);
  await pair(office, laptop1);
  await pair(office, laptop2);
  // laptop2 also delivers straight to the prefecture: the prefecture files it under the north
  // center (its own case file was set up separately, so its card names another center id)
  await pair(laptop2, pref, { bSeesA: undefined });
}, 120_000);
afterAll(async () => {
  for (const d of [pref, office, laptop1, laptop2, south]) await d.close();
});

describe("the prefecture's per-center totals equal the center's own report", () => {
  it('3 devices and an office PC restored from a backup: one row per center, nothing parked', async () => {
    // the prefecture links laptop2 to the north center (it was paired with its own center id)
    await pref.call('sync.updatePeer', { peer: laptop2.deviceId, sameCenterAs: office.deviceId });

    const a = await named(office, '北 A');
    await again(office, a.person!.id);
    const b = await named(office, '北 B');
    const officeAnon = await anon(office);
    await anon(office);
    await anon(office, '2025-03-15T10:00'); // FY2024
    await sync(office, laptop1);
    await sync(office, laptop2);
    const laptopA = await again(laptop1, a.person!.id, '2025-08-01T10:00');
    await anon(laptop1);
    await anon(laptop1);
    await sync(laptop1, office);
    await named(laptop2, '北 D');
    await anon(laptop2);
    await sync(laptop2, office);
    await sync(office, pref);

    // backup, then one more consultation the backup does not hold
    const snapshot = await backUp(office);
    await anon(office, '2025-09-01T10:00');
    await sync(office, laptop1);
    await sync(office, pref);

    // the office PC is replaced: restored from the backup, it takes a new device id and keys
    oldOfficeId = office.deviceId;
    await restoreBackup(office, snapshot);
    expect(office.deviceId).not.toBe(oldOfficeId);
    await pair(office, pref);
    await pair(office, laptop1);
    await pair(office, laptop2);
    await sync(laptop1, office); // the after-backup consultation comes back from the laptop

    await again(office, b.person!.id, '2025-10-01T10:00');
    await editMethod(office, officeAnon.id); // a record the old office PC made
    await editMethod(office, laptopA.id); // a record laptop1 made
    await sync(office, pref);

    await anon(laptop2, '2025-11-01T10:00');
    await editMethod(laptop2, a.id); // straight to the prefecture: an edit of an office record
    const direct = await sync(laptop2, pref);
    expect(direct.parked).toBe(0);
    await sync(laptop2, office);
    await sync(office, pref);

    await south
      .call('consultation.record', consultationInput({ person: { mode: 'new', data: { name: '南 E' } } }))
      .then((c) => again(south, c.person!.id));
    await anon(south);
    await sync(south, pref);

    // the center's own report, on the restored office PC
    expect(await ownTotal(office, 2025)).toEqual({ consultations: 13, persons: 10 });
    expect(await ownTotal(office, 2024)).toEqual({ consultations: 1, persons: 1 });
    expect(await ownTotal(south, 2025)).toEqual({ consultations: 3, persons: 2 });

    const s = await pref.call('sync.centerSummary', {});
    expect(s.rows.map((r) => [r.centerName, r.fiscalYear, r.consultations, r.persons])).toEqual([
      ['北センター', 2024, 1, 1],
      ['北センター', 2025, 13, 10],
      ['南センター', 2025, 3, 2],
    ]);
    expect(s.totals).toEqual([
      { fiscalYear: 2024, consultations: 1, persons: 1 },
      { fiscalYear: 2025, consultations: 16, persons: 12 },
    ]);
    // nothing waits as "another center's": every edit above was applied at the prefecture
    expect((await pref.call('sync.status', {})).pending.byReason).toEqual({});
    for (const id of [officeAnon.id, laptopA.id, a.id]) {
      const row = await pref.db
        .selectFrom('consultations')
        .select('method')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.method, id).toBe('email');
    }
  }, 240_000);

  it('a laptop filed under its center after it delivered: its row merges, its kept edits apply', async () => {
    const laptop3 = await makeDevice('北センター出張3');
    try {
      await pair(office, laptop3);
      await pair(laptop3, pref);
      await sync(office, laptop3);
      const before = (await pref.call('sync.centerSummary', { fiscalYear: 2025 })).rows;
      const [officeRecord] = await office.db
        .selectFrom('consultations')
        .select('id')
        .where('origin_device', '=', office.deviceId)
        .execute();
      await anon(laptop3, '2025-12-10T10:00');
      await editMethod(laptop3, officeRecord!.id);
      const r = await sync(laptop3, pref);
      expect(r.parked).toBe(1); // the edit of an office record: not yet known to be the same center
      // until the prefecture files it, the laptop counts as a center of its own
      expect((await pref.call('sync.centerSummary', { fiscalYear: 2025 })).rows).toHaveLength(3);
      const peer = await pref.call('sync.updatePeer', {
        peer: laptop3.deviceId,
        sameCenterAs: office.deviceId,
      });
      expect(peer.centerId).toBe(before.find((x) => x.centerName === '北センター')!.centerId);
      const after = (await pref.call('sync.centerSummary', { fiscalYear: 2025 })).rows;
      expect(after.map((x) => [x.centerName, x.consultations, x.persons])).toEqual([
        ['北センター', 14, 11],
        ['南センター', 3, 2],
      ]);
      expect((await pref.call('sync.status', {})).pending.byReason).toEqual({});
      const row = await pref.db
        .selectFrom('consultations')
        .select('method')
        .where('id', '=', officeRecord!.id)
        .executeTakeFirstOrThrow();
      expect(row.method).toBe('email');
    } finally {
      await laptop3.close();
    }
  }, 120_000);

  it('a bundle from one center still cannot write another center’s records', async () => {
    const [c] = await Promise.all([anon(south, '2025-12-01T10:00')]);
    await sync(south, pref);
    await pair(south, office, { aSeesB: 'full', bSeesA: 'full' });
    await sync(south, office);
    await editMethod(office, c.id);
    const r = await sync(office, pref);
    expect(r.parked).toBe(1);
    expect((await pref.call('sync.status', {})).pending.byReason).toEqual({ other_center: 1 });
  }, 120_000);
});
