import { sql, type Transaction } from 'kysely';
import type { DB } from '../schema';
import { tableOf } from './entities';
import { groupsTouched } from './field-groups';
import type { HybridClock } from './hlc';
import { clockOf, decodeClocks, encodeClocks, maxClock, setClocks } from './row-clocks';
import type { SyncedEntity } from '../records/registry';

/** The entities other devices must see (the registry: db/records/registry.ts). */
export type { SyncedEntity };

export interface OpWriter {
  deviceId: string;
  clock: HybridClock;
  staffId: string | null;
}

/**
 * Records one change as an op, inside the caller's transaction: the changed fields, the HLC,
 * and the HLC of each value it replaced (so a receiver can tell a concurrent edit from a
 * sequential one; a value never written before is left out). Also moves the row's clocks
 * forward (db/sync/row-clocks.ts).
 *
 * A change to part of a state transition (db/sync/field-groups.ts) carries the whole of it:
 * the fields the caller left out are read from the row, so every device merges the state and
 * its stamps as one. The HLC orders after every value the row holds, even one stamped by a
 * device whose clock was far ahead (HybridClock.after), so the edit wins wherever it arrives.
 */
export async function recordOp(
  trx: Transaction<DB>,
  w: OpWriter,
  entity: SyncedEntity,
  entityId: string,
  fields: Record<string, unknown>,
): Promise<{ origin: string; seq: number; hlc: string }> {
  const seq = (await lastSeq(trx, w.deviceId)) + 1;
  const clockRow = await trx
    .selectFrom('row_clocks')
    .select('clocks')
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  const clocks = decodeClocks(clockRow?.clocks);
  const written = await withWholeGroups(trx, entity, entityId, fields);
  const hlc = w.clock.after(maxClock(clocks));
  const prev: Record<string, string> = {};
  for (const f of Object.keys(written)) {
    const c = clockOf(clocks, f);
    if (c !== null) prev[f] = c;
  }
  setClocks(clocks, Object.keys(written), hlc);
  const text = encodeClocks(clocks);
  await trx
    .insertInto('row_clocks')
    .values({ entity, entity_id: entityId, clocks: text })
    .onConflict((oc) => oc.columns(['entity', 'entity_id']).doUpdateSet({ clocks: text }))
    .execute();
  await trx
    .insertInto('op_log')
    .values({
      origin: w.deviceId,
      seq,
      hlc,
      entity,
      entity_id: entityId,
      fields: JSON.stringify(written),
      prev: JSON.stringify(prev),
      staff_id: w.staffId,
    })
    .execute();
  return { origin: w.deviceId, seq, hlc };
}

/** The fields with the rest of every transition they touch, as the row holds them now. */
async function withWholeGroups(
  trx: Transaction<DB>,
  entity: string,
  entityId: string,
  fields: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const missing = groupsTouched(entity, Object.keys(fields)).flatMap((g) =>
    g.fields.filter((f) => !(f in fields)),
  );
  const table = tableOf(entity);
  if (missing.length === 0 || !table) return fields;
  const row = await sql<Record<string, unknown>>`
    SELECT ${sql.join(missing.map((f) => sql.ref(f)))} FROM ${sql.table(table)} WHERE id = ${entityId}`
    .execute(trx)
    .then((r) => r.rows[0]);
  // a row not written yet (the op before the insert) has nothing to add: its op is a creation
  return row ? { ...fields, ...row } : fields;
}

/** The highest seq this device has given out (pruned ops included: op_floor). */
async function lastSeq(trx: Transaction<DB>, deviceId: string): Promise<number> {
  const last = await trx
    .selectFrom('op_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('origin', '=', deviceId)
    .executeTakeFirst();
  const floor = await trx
    .selectFrom('op_floor')
    .select('seq')
    .where('origin', '=', deviceId)
    .executeTakeFirst();
  return Math.max(Number(last?.seq ?? 0), floor?.seq ?? 0);
}

/** The latest HLC in the log, to start a session's clock past it. */
export async function latestHlc(db: Transaction<DB> | import('kysely').Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom('op_log')
    .select((eb) => eb.fn.max('hlc').as('hlc'))
    .executeTakeFirst();
  return (row?.hlc as string | null | undefined) ?? null;
}
