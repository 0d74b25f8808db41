import { sql, type Transaction } from 'kysely';
import { fixedRows } from '../sqlite/fixed-sql';
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
  const clockRow = await fixedRows<{ clocks: string }>(trx, SELECT_CLOCKS, [entity, entityId]);
  const clocks = decodeClocks(clockRow[0]?.clocks);
  const written = await withWholeGroups(trx, entity, entityId, fields);
  const hlc = w.clock.after(maxClock(clocks));
  const prev: Record<string, string> = {};
  for (const f of Object.keys(written)) {
    const c = clockOf(clocks, f);
    if (c !== null) prev[f] = c;
  }
  setClocks(clocks, Object.keys(written), hlc);
  await fixedRows(trx, UPSERT_CLOCKS, [entity, entityId, encodeClocks(clocks)]);
  await fixedRows(trx, INSERT_OP, [
    w.deviceId,
    seq,
    hlc,
    entity,
    entityId,
    JSON.stringify(written),
    JSON.stringify(prev),
    w.staffId,
  ]);
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

/** The highest seq of a device's ops here (pruned ops included: op_floor): the next one it gives out follows. */
export async function lastSeq(trx: Transaction<DB>, deviceId: string): Promise<number> {
  const [row] = await fixedRows<{ seq: number }>(trx, LAST_SEQ, [deviceId, deviceId]);
  return row?.seq ?? 0;
}

/* The statements every recorded change runs, as fixed SQL (db/sqlite/fixed-sql.ts): a save records one to four ops. */
const SELECT_CLOCKS = `SELECT clocks FROM row_clocks WHERE entity = ? AND entity_id = ?`;
const UPSERT_CLOCKS = `INSERT INTO row_clocks (entity, entity_id, clocks) VALUES (?, ?, ?)
  ON CONFLICT (entity, entity_id) DO UPDATE SET clocks = excluded.clocks`;
const INSERT_OP = `INSERT INTO op_log (origin, seq, hlc, entity, entity_id, fields, prev, staff_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
const LAST_SEQ = `SELECT max(coalesce((SELECT max(seq) FROM op_log WHERE origin = ?), 0),
  coalesce((SELECT seq FROM op_floor WHERE origin = ?), 0)) AS seq`;

/**
 * The latest timestamp among these device ids' newest ops (by seq: the one each wrote last, kept
 * by pruning): this device's id and the ids it had before a restore (former-self.ts), to tell at
 * unlock whether the wall clock is behind what this device already wrote.
 */
export async function ownNewestHlc(
  db: Transaction<DB> | import('kysely').Kysely<DB>,
  deviceIds: readonly string[],
): Promise<string | null> {
  let latest: string | null = null;
  for (const id of deviceIds) {
    const row = await db
      .selectFrom('op_log')
      .select('hlc')
      .where('origin', '=', id)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row && (latest === null || row.hlc > latest)) latest = row.hlc;
  }
  return latest;
}

/** The latest HLC in the log, to start a session's clock past it. */
export async function latestHlc(db: Transaction<DB> | import('kysely').Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom('op_log')
    .select((eb) => eb.fn.max('hlc').as('hlc'))
    .executeTakeFirst();
  return (row?.hlc as string | null | undefined) ?? null;
}
