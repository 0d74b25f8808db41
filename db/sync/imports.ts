import type { Kysely, Transaction } from 'kysely';
import type { DB, SyncImportsTable } from '../schema';

/** Notes a sync file as imported (once: the same file imported again changes nothing). */
export async function recordImport(db: Kysely<DB> | Transaction<DB>, row: SyncImportsTable): Promise<void> {
  await db
    .insertInto('sync_imports')
    .values(row)
    .onConflict((oc) => oc.column('bundle_id').doNothing())
    .execute();
}
