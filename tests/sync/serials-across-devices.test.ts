import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
 * Record numbers (R7-…) are what staff quote on the phone and print on letters: two records of
 * one center must never share one (issue 17), whichever device made them, and also after an
 * office PC is restored from an older backup.
 */
let office: Device;
let laptop: Device;

beforeEach(async () => {
  [office, laptop] = await Promise.all([makeDevice('office'), makeDevice('laptop')]);
  await pair(office, laptop);
});
afterEach(async () => {
  await office.close();
  await laptop.close();
});

const record = (d: Device) => d.call('consultation.record', consultationInput());

async function serials(d: Device): Promise<string[]> {
  const rows = await d.db.selectFrom('consultations').select('serial').orderBy('serial').execute();
  return rows.map((r) => r.serial as string);
}

function expectUnique(list: string[]) {
  const seen = new Map<string, number>();
  for (const s of list) seen.set(s, (seen.get(s) ?? 0) + 1);
  expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
}

describe('record numbers across a center’s devices', () => {
  it('the office PC and the laptop each record their first consultation while apart: two different numbers', async () => {
    const a = await record(office);
    const b = await record(laptop);
    expect(a.serial).toMatch(/^R7-/);
    expect(b.serial).toMatch(/^R7-/);
    expect(a.serial).not.toBe(b.serial);
    await sync(office, laptop);
    await sync(laptop, office);
    expect(await serials(office)).toHaveLength(2);
    expectUnique(await serials(office));
  });

  it('an office PC restored from an older backup records again: no number it gave out before comes back', async () => {
    await record(office);
    const snapshot = await backUp(office);
    // after the backup: more records, and they reach the laptop before the office PC dies
    const lost = [await record(office), await record(office)];
    await sync(office, laptop);

    await restoreBackup(office, snapshot);
    await pair(office, laptop);
    // the restored PC records before it hears from the laptop (the usual morning)
    const fresh = [await record(office), await record(office), await record(office)];
    for (const c of fresh) expect(lost.map((l) => l.serial)).not.toContain(c.serial);
    await sync(office, laptop);
    await sync(laptop, office);
    for (const d of [office, laptop]) {
      const all = await serials(d);
      expect(all).toHaveLength(6);
      expectUnique(all);
    }
  });

  it('two devices that chose the same letters before they met: the one that hears of the other moves to new letters', async () => {
    const a = await record(office);
    const code = a.serial.split('-')[1]!;
    await laptop.db
      .updateTable('meta')
      .set({ value: `${laptop.deviceId} ${code}` })
      .where('key', '=', 'serial_code')
      .execute();
    await laptop.db
      .insertInto('meta')
      .values({ key: 'serial_code', value: `${laptop.deviceId} ${code}` })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const b = await record(laptop);
    expect(b.serial.split('-')[1]).toBe(code);
    await sync(office, laptop);
    const c = await record(laptop);
    expect(c.serial.split('-')[1]).not.toBe(code);
    const audit = await laptop.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'consultation.serial.recode')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
