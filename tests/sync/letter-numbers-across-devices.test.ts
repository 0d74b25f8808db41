import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedLetterCase } from '../fixtures/letter-fixture';
import { backUp, makeDevice, pair, restoreBackup, sync, type Device } from './sync-helpers';

/**
 * A letter's document number (み難相第R7-…号) is what the receiving institution files it under
 * and quotes back: two letters of one center must never share one (issue 17), whichever device
 * issued them, and also after a PC is restored from an older backup.
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

/** A referral with written consent on this device, and one letter issued for it. */
async function issueLetter(d: Device): Promise<string> {
  const c = await seedLetterCase(d.call);
  const r = await d.call('referral.create', {
    consultationId: c.consultation.id,
    institutionId: c.inst.healthCenter.id,
  });
  await d.call('consent.record', {
    personId: c.personId,
    referralId: r.id,
    recipientIds: [c.inst.healthCenter.id],
    dataItems: ['identity', 'disease', 'medical', 'living', 'consultation'],
    method: 'written',
    obtainedOn: '2025-06-01',
  });
  const letter = await d.call('letter.issue', {
    referralId: r.id,
    draft: await d.call('letter.draft', { referralId: r.id }),
  });
  return letter.documentNumber;
}

async function numbers(d: Device): Promise<string[]> {
  const rows = await d.db
    .selectFrom('letters')
    .select('document_number')
    .orderBy('document_number')
    .execute();
  return rows.map((r) => r.document_number as string);
}

describe('letter document numbers across a center’s devices', () => {
  it('the office PC and the laptop each issue a letter while apart: after sync the two numbers differ', async () => {
    const a = await issueLetter(office);
    const b = await issueLetter(laptop);
    expect(a).toMatch(/^み難相第R7-[A-Z]{2}-0001号$/);
    expect(b).toMatch(/^み難相第R7-[A-Z]{2}-0001号$/);
    expect(a).not.toBe(b);
    await sync(office, laptop);
    await sync(laptop, office);
    for (const d of [office, laptop]) expect(new Set(await numbers(d)).size).toBe(2);
  });

  it('an office PC restored from an older backup issues again: no number it gave out before comes back', async () => {
    await issueLetter(office);
    const snapshot = await backUp(office);
    // after the backup: another letter, and it reaches the laptop before the office PC dies
    const lost = await issueLetter(office);
    await sync(office, laptop);

    await restoreBackup(office, snapshot);
    await pair(office, laptop);
    const fresh = await issueLetter(office);
    expect(fresh).not.toBe(lost);
    await sync(office, laptop);
    await sync(laptop, office);
    for (const d of [office, laptop]) {
      const all = await numbers(d);
      expect(all).toHaveLength(3);
      expect(new Set(all).size).toBe(3);
    }
  });
});
