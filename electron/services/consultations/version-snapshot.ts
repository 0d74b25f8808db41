import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { loadConsultation } from './load-consultation';

/** Keeps the full state of each version of a consultation: its edit history. */
export async function writeVersionSnapshot(
  trx: Transaction<DB>,
  id: string,
  version: number,
  at: string,
  by: string,
): Promise<void> {
  const snapshot = await loadConsultation(trx, id);
  await trx
    .insertInto('consultation_versions')
    .values({
      consultation_id: id,
      version,
      changed_at: at,
      changed_by: by,
      snapshot: JSON.stringify(snapshot),
    })
    .execute();
}
