import type { Transaction } from 'kysely';
import type { DB, SyncConflictResolutionsTable } from '../schema';
import { recordOp, type OpWriter } from './op-log';

type Decided = Pick<SyncConflictResolutionsTable, 'resolution' | 'value' | 'updated_at' | 'updated_by'>;

/**
 * A decision on a conflict (entity `sync_conflict`, synced like a record): the row and its op
 * in the caller's transaction. A first decision carries what it is about; a later one only
 * what changed.
 */
export async function writeDecision(
  trx: Transaction<DB>,
  w: OpWriter,
  id: string,
  decided: Decided,
  first?: { entity: string; entity_id: string; field: string; created_at: string; created_by: string },
): Promise<void> {
  if (first) {
    const row = { id, ...first, ...decided };
    await trx.insertInto('sync_conflict_resolutions').values(row).execute();
    const { id: _id, ...fields } = row;
    await recordOp(trx, w, 'sync_conflict', id, fields);
    return;
  }
  await trx.updateTable('sync_conflict_resolutions').set(decided).where('id', '=', id).execute();
  await recordOp(trx, w, 'sync_conflict', id, decided);
}
