import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordOp } from '../../db/sync/op-log';
import { opWriter } from '../../electron/services/context';
import { consultationInput, makeDevice, pair, sync, type Device } from './sync-helpers';

/**
 * A newer app sends tables or fields an older one does not have yet. The older device keeps
 * those ops (counted as received, forwarded to its own peers) and applies them after an update
 * has added what they need. "Newer" and "older" are simulated on the schema: a column added by
 * hand on the sender, the events table hidden on the receiver.
 */
let newer: Device;
let older: Device;
let third: Device;

beforeEach(async () => {
  const ds = await Promise.all(['newer', 'older', 'third'].map((n) => makeDevice(n)));
  [newer, older, third] = [ds[0]!, ds[1]!, ds[2]!];
  await pair(newer, older);
  await pair(older, third);
});
afterEach(async () => {
  for (const d of [newer, older, third]) await d.close();
});

async function newerWritesFavouriteColour(personId: string) {
  const ctx = newer.ctx;
  await sql`ALTER TABLE persons ADD COLUMN favourite_colour TEXT`.execute(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    await sql`UPDATE persons SET favourite_colour = '青', phone = '03-1234-5678', version = version + 1 WHERE id = ${personId}`.execute(
      trx,
    );
    await recordOp(trx, opWriter(ctx), 'person', personId, { favourite_colour: '青', phone: '03-1234-5678' });
  });
}

const colourOf = async (d: Device, id: string) =>
  (await sql<{ c: string | null }>`SELECT favourite_colour AS c FROM persons WHERE id = ${id}`.execute(d.db))
    .rows[0]?.c;

describe('ops from a newer app', () => {
  it('an unknown field waits (the known ones apply now), travels on, and applies after the update', async () => {
    const c = await newer.call(
      'consultation.record',
      consultationInput({ person: { mode: 'new', data: { name: '伊藤' } } }),
    );
    const id = c.person!.id;
    await newerWritesFavouriteColour(id);
    const r = await sync(newer, older);
    expect(r.parked).toBe(1);
    expect((await older.call('person.get', { id })).phone).toBe('03-1234-5678');
    expect((await older.call('sync.status', {})).pending.byReason).toEqual({ unknown_field: 1 });
    // the op is received (acknowledged) and forwarded, not lost
    expect((await newer.call('sync.status', {})).peers[0]!.waitingOps).toBe(0);
    const forwarded = await sync(older, third);
    expect(forwarded.parked).toBe(1);
    // the update's migration adds the column; the parked field applies
    await sql`ALTER TABLE persons ADD COLUMN favourite_colour TEXT`.execute(older.db);
    expect(await older.call('sync.applyPending', {})).toEqual({ applied: 1, remaining: 0 });
    expect(await colourOf(older, id)).toBe('青');
    // the version counted the op once, like on the sender
    expect((await older.call('person.get', { id })).version).toBe(
      (await newer.call('person.get', { id })).version,
    );
  });

  it('an unknown entity waits whole and applies after the update', async () => {
    await sql`ALTER TABLE events RENAME TO events_not_yet`.execute(older.db);
    const e = await newer.call('event.create', {
      kind: 'lecture',
      title: '難病講演会',
      date: '2025-06-10',
      participants: 40,
    });
    const r = await sync(newer, older);
    expect(r.parked).toBe(1);
    expect((await older.call('sync.status', {})).pending.byReason).toEqual({ unknown_entity: 1 });
    await sql`ALTER TABLE events_not_yet RENAME TO events`.execute(older.db);
    // the next import also retries parked ops
    await newer.call('consultation.record', consultationInput());
    await sync(newer, older);
    expect((await older.call('sync.status', {})).pending.total).toBe(0);
    const [onOlder] = await older.call('event.list', {});
    expect(onOlder).toMatchObject({ id: e.id, title: '難病講演会', participants: 40, version: 1 });
  });
});
