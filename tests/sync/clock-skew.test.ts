import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HybridClock } from '../../db/sync/hlc';
import { ADMIN } from '../fixtures/temp-casefile';
import {
  backUp,
  consultationInput,
  makeDevice,
  pair,
  restoreBackup,
  sync,
  syncedState,
  type Device,
} from './sync-helpers';

/**
 * Device clocks that are far off (issue 17): a laptop whose date is wrong by days or years.
 * Bundles are exchanged for real; each device's wall clock is pinned (serviceFixture).
 */
let office: Device;
let laptop: Device;
let personId: string;

const DAY = 24 * 3600 * 1000;

beforeEach(async () => {
  [office, laptop] = await Promise.all([makeDevice('office'), makeDevice('laptop')]);
  await pair(office, laptop);
  const c = await office.call(
    'consultation.record',
    consultationInput({
      person: { mode: 'new', data: { name: '高橋 四郎', phone: '03-0000-0000', birthDate: '1965-07-01' } },
    }),
  );
  personId = c.person!.id;
  await exchange();
});
afterEach(async () => {
  await office.close();
  await laptop.close();
});

async function exchange() {
  await sync(office, laptop);
  await sync(laptop, office);
  await sync(office, laptop);
}

async function setPhone(d: Device, phone: string) {
  const p = await d.call('person.get', { id: personId });
  await d.call('person.update', {
    id: personId,
    expectedVersion: p.version,
    changes: { name: p.name, phone, birthDate: p.birthDate },
  });
}

const warningsAbout = async (d: Device, about: Device) =>
  (await d.call('sync.status', {})).clockWarnings.filter((w) => w.deviceId === about.deviceId);

const auditSkew = async (d: Device) =>
  d.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'sync.clock.skew').execute();

/** HLC time (ms) of the newest op this device wrote itself */
async function lastOwnClockMs(d: Device): Promise<number> {
  const r = await d.db
    .selectFrom('op_log')
    .select('hlc')
    .where('origin', '=', d.deviceId)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return HybridClock.parse(r.hlc).ms;
}

describe('clock skew', () => {
  it('a laptop three days ahead: the office warns at import, on the sync screen and in the audit log', async () => {
    laptop.fx.setToday('2025-06-05');
    await laptop.call('consultation.record', consultationInput());
    await sync(laptop, office);
    const [w] = await warningsAbout(office, laptop);
    expect(w).toMatchObject({ kind: 'ahead' });
    expect(Math.round(w!.offsetMs / DAY)).toBe(3);
    const audit = await auditSkew(office);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ deviceId: laptop.deviceId, kind: 'ahead' });
  });

  it('the laptop is told too: the office acknowledges its ops stamped days after the office says it is', async () => {
    laptop.fx.setToday('2025-06-05');
    await laptop.call('consultation.record', consultationInput());
    await exchange();
    const [w] = await warningsAbout(laptop, office);
    expect(w).toMatchObject({ kind: 'behind' });
    expect(Math.round(w!.offsetMs / DAY)).toBe(-3);
  });

  it('once the clock is right again, the next exchange clears the warning', async () => {
    laptop.fx.setToday('2025-06-05');
    await laptop.call('consultation.record', consultationInput());
    await exchange();
    expect(await warningsAbout(office, laptop)).toHaveLength(1);
    laptop.fx.setToday('2025-06-02');
    await laptop.call('consultation.record', consultationInput());
    await exchange();
    expect(await warningsAbout(office, laptop)).toEqual([]);
    expect(await warningsAbout(laptop, office)).toEqual([]);
  });

  it('a device that saw a timestamp years ahead keeps stamping near its own clock, and its edits still win everywhere', async () => {
    laptop.fx.setToday('2030-06-02');
    await setPhone(laptop, '090-2030-0000');
    await exchange();
    // the office adopted nothing from 2030: a new record of its own is stamped in 2025
    await office.call('consultation.record', consultationInput());
    expect(new Date(await lastOwnClockMs(office)).getUTCFullYear()).toBe(2025);
    // its edit of the value stamped in 2030 still orders after it, here and on the laptop
    await setPhone(office, '090-1111-1111');
    await exchange();
    for (const d of [office, laptop]) {
      expect((await d.call('person.get', { id: personId })).phone).toBe('090-1111-1111');
    }
    // the laptop's clock is put right: its clock comes back, and it is not cut off
    laptop.fx.setToday('2025-06-03');
    await setPhone(laptop, '090-3333-3333');
    await laptop.call('consultation.record', consultationInput());
    expect(new Date(await lastOwnClockMs(laptop)).getUTCFullYear()).toBe(2025);
    await exchange();
    for (const d of [office, laptop]) {
      expect((await d.call('person.get', { id: personId })).phone).toBe('090-3333-3333');
      expect(await d.call('sync.conflicts', {})).toEqual([]);
    }
    expect(await syncedState(office.db)).toEqual(await syncedState(laptop.db));
  });

  it("the conflict screen shows when each edit was made by its writer's clock, not the merge clock", async () => {
    laptop.fx.setToday('2030-06-02');
    await setPhone(laptop, '090-2030-0000');
    await sync(laptop, office);
    // both edit the phone without seeing the other's edit
    await setPhone(office, '090-1111-1111');
    await setPhone(laptop, '090-2222-2222');
    await exchange();
    const [c] = await office.call('sync.conflicts', {});
    const officeSide = c!.current.deviceId === office.deviceId ? c!.current : c!.other;
    expect(officeSide.at.slice(0, 10)).toBe('2025-06-02');
    // its merge clock had to order after the laptop's 2030 value
    expect(new Date(HybridClock.parse(officeSide.hlc).ms).getUTCFullYear()).toBe(2030);
    expect(officeSide.clockAhead).toBe(true);
  });

  it('an age band is not recomputed with a wrong "today": the laptop ten years ahead edits a phone number', async () => {
    expect((await office.call('person.get', { id: personId })).ageBand).toBe('50-59');
    laptop.fx.setToday('2035-06-02');
    // the laptop learns its clock disagrees with the office's (the office's bundle says so)
    await laptop.call('consultation.record', consultationInput());
    await exchange();
    expect((await laptop.call('sync.status', {})).clockWarnings.length).toBeGreaterThan(0);
    await setPhone(laptop, '090-4444-4444');
    await exchange();
    for (const d of [office, laptop]) {
      const p = await d.call('person.get', { id: personId });
      expect(p.phone).toBe('090-4444-4444');
      expect(p.ageBand).toBe('50-59');
    }
  });

  it('a date reset while the laptop was off is noticed at the next unlock: warning, no age band from it', async () => {
    await setPhone(office, '090-6666-6666'); // this device wrote on 2025-06-02
    await office.fx.runtime.lock();
    office.fx.setToday('2015-01-10'); // the clock battery ran out: the laptop boots in 2015
    await office.fx.as(ADMIN.login);
    expect((await office.call('sync.status', {})).clockWarnings).toEqual([
      expect.objectContaining({ deviceId: office.deviceId, self: true, kind: 'behind' }),
    ]);
    expect((await office.call('session.status', {})).clockBehindMs).toBeGreaterThan(3000 * DAY);
    await setPhone(office, '090-7777-7777');
    expect((await office.call('person.get', { id: personId })).ageBand).toBe('50-59');
  });

  it('a copy restored from a backup knows what it wrote under its old id: a reset date is noticed too', async () => {
    await setPhone(office, '090-6666-6666');
    const snapshot = await backUp(office);
    await restoreBackup(office, snapshot, () => office.fx.setToday('2015-01-10'));
    expect((await office.call('session.status', {})).clockBehindMs).toBeGreaterThan(3000 * DAY);
  });

  it('a clock set back behind what this device already wrote is suspect too: no age band from it', async () => {
    office.fx.setToday('2015-01-10');
    expect((await office.call('sync.status', {})).clockWarnings).toEqual([
      expect.objectContaining({ deviceId: office.deviceId, kind: 'behind' }),
    ]);
    await setPhone(office, '090-5555-5555');
    expect((await office.call('person.get', { id: personId })).ageBand).toBe('50-59');
  });
});
