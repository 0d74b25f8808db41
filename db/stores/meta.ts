import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import { readMeta, writeMeta } from '../sync/identity';

/**
 * This case file's own settings and counters (table `meta`, never synced): the center's
 * prefecture, the letterhead, backup and sync folders, the serial counters, the demo mark.
 * Readers take the connection or a transaction; writers run in the caller's transaction.
 */
export { readMeta, writeMeta } from '../sync/identity';

export async function deleteMeta(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('meta').where('key', '=', key).execute();
}

/**
 * Moves a counter kept in meta one up and returns the new value (1 for a new counter). Fixed SQL
 * (db/sqlite/fixed-sql.ts): every save takes a record number.
 */
export async function nextCounter(db: Kysely<DB>, key: string): Promise<number> {
  const n = Number((await readMeta(db, key)) ?? 0) + 1;
  await writeMeta(db, key, String(n));
  return n;
}
