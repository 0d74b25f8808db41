import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * Ops every paired device has acknowledged are pruned from op_log (issue 17, db/sync/prune.ts).
 * `op_floor` keeps, per origin device, the highest seq pruned here (or received as a snapshot):
 * every op of that origin up to it is reflected in the rows, so the version vector, the next seq
 * this device gives out and "what does this peer lack" still work without the ops themselves.
 * `sync_replaced` keeps a value an incoming edit overwrote without having seen it, when the op
 * that wrote the value was pruned: the conflict list still shows it (db/sync/replaced.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `CREATE TABLE op_floor (origin TEXT PRIMARY KEY, seq INTEGER NOT NULL) STRICT`,
    `CREATE TABLE sync_replaced (
       entity TEXT NOT NULL,
       entity_id TEXT NOT NULL,
       field TEXT NOT NULL,
       hlc TEXT NOT NULL,
       fields TEXT NOT NULL,
       PRIMARY KEY (entity, entity_id, field, hlc)
     ) STRICT`,
  ]);
}
