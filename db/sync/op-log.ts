import type { Transaction } from 'kysely';
import type { DB } from '../schema';
import type { HybridClock } from './hlc';
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
 * sequential one). Also moves the row's per-field clocks forward.
 */
export async function recordOp(
  trx: Transaction<DB>,
  w: OpWriter,
  entity: SyncedEntity,
  entityId: string,
  fields: Record<string, unknown>,
): Promise<{ origin: string; seq: number; hlc: string }> {
  const hlc = w.clock.now();
  const last = await trx
    .selectFrom('op_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('origin', '=', w.deviceId)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const clockRow = await trx
    .selectFrom('row_clocks')
    .select('clocks')
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  const clocks: Record<string, string> = clockRow ? JSON.parse(clockRow.clocks) : {};
  const prev: Record<string, string | null> = {};
  for (const f of Object.keys(fields)) {
    prev[f] = clocks[f] ?? null;
    clocks[f] = hlc;
  }
  await trx
    .insertInto('row_clocks')
    .values({ entity, entity_id: entityId, clocks: JSON.stringify(clocks) })
    .onConflict((oc) => oc.columns(['entity', 'entity_id']).doUpdateSet({ clocks: JSON.stringify(clocks) }))
    .execute();
  await trx
    .insertInto('op_log')
    .values({
      origin: w.deviceId,
      seq,
      hlc,
      entity,
      entity_id: entityId,
      fields: JSON.stringify(fields),
      prev: JSON.stringify(prev),
      staff_id: w.staffId,
    })
    .execute();
  return { origin: w.deviceId, seq, hlc };
}

/** The latest HLC in the log, to start a session's clock past it. */
export async function latestHlc(db: Transaction<DB> | import('kysely').Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom('op_log')
    .select((eb) => eb.fn.max('hlc').as('hlc'))
    .executeTakeFirst();
  return (row?.hlc as string | null | undefined) ?? null;
}
