import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { consultationInput, exportTo, makeDevice, pair, sync, type Device } from './sync-helpers';

/**
 * A device paired after the office pruned its op log gets the office's records as a snapshot
 * (db/sync/snapshot.ts). A record the office's newer app wrote with a code this app does not
 * know yet (a new consultation method) must wait for the update, as it does when it comes as an
 * op (newer-codes.test.ts), not be dropped for good.
 */
let devices: Device[] = [];
afterEach(async () => {
  for (const d of devices) await d.close();
  devices = [];
});

it('a snapshot row with a code from a newer app waits for the update instead of being lost', async () => {
  const [office, a, late] = await Promise.all(['office', 'laptopA', 'late'].map((n) => makeDevice(n)));
  devices = [office!, a!, late!];
  await pair(office!, a!);
  const c = await office!.call('consultation.record', consultationInput({ method: 'email' }));
  await office!.call('consultation.record', consultationInput({ method: 'phone' })); // its newest op stays
  await sync(a!, office!);
  await sync(office!, a!);
  // what a newer app holds: the method is a code this version does not know
  await office!.db.updateTable('consultations').set({ method: 'line_chat' }).where('id', '=', c.id).execute();
  await pair(office!, late!);
  const r = await late!.call('sync.importBundle', { path: await exportTo(office!, late!) });
  const held = () =>
    late!.db.selectFrom('consultations').select('method').where('id', '=', c.id).executeTakeFirst();
  expect(await held()).toBeUndefined(); // not counted with a raw code
  expect(r.parked).toBeGreaterThan(0);
  expect((await late!.call('sync.status', {})).pending.total).toBeGreaterThan(0);
});

it('a snapshot row with a field from a newer app: the row applies now, the field after the update', async () => {
  const [office, a, late] = await Promise.all(['office', 'laptopA', 'late'].map((n) => makeDevice(n)));
  devices = [office!, a!, late!];
  await pair(office!, a!);
  const c = await office!.call(
    'consultation.record',
    consultationInput({ person: { mode: 'new', data: { name: '伊藤 一郎' } } }),
  );
  const id = c.person!.id;
  await office!.call('consultation.record', consultationInput()); // its newest op stays
  await sync(a!, office!);
  await sync(office!, a!);
  // "newer" is simulated on the schema: a column the office has and the late laptop lacks
  await sql`ALTER TABLE persons ADD COLUMN favourite_colour TEXT`.execute(office!.db);
  await sql`UPDATE persons SET favourite_colour = '青' WHERE id = ${id}`.execute(office!.db);
  await pair(office!, late!);
  const r = await late!.call('sync.importBundle', { path: await exportTo(office!, late!) });
  expect(r.parked).toBe(1);
  expect((await late!.call('person.get', { id })).name).toBe('伊藤 一郎');
  expect((await late!.call('sync.status', {})).pending.byReason).toEqual({ unknown_field: 1 });
  // the update's migration adds the column; the parked row applies in full
  await sql`ALTER TABLE persons ADD COLUMN favourite_colour TEXT`.execute(late!.db);
  expect(await late!.call('sync.applyPending', {})).toEqual({ applied: 1, remaining: 0 });
  const colour = await sql<{ c: string }>`SELECT favourite_colour AS c FROM persons WHERE id = ${id}`.execute(
    late!.db,
  );
  expect(colour.rows[0]?.c).toBe('青');
});
