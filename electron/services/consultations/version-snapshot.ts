import type { Transaction } from 'kysely';
import { keepVersion } from '../../../db/records/consultation';
import type { DB } from '../../../db/schema';
import { loadConsultation } from './load-consultation';

/**
 * Keeps the full state of a version of a consultation in its edit history. The record writer
 * (db/records/consultation.ts) does this for every write of its own; a conflict settled by
 * taking a value back (sync/local-change.ts) calls it here.
 */
export async function writeVersionSnapshot(
  trx: Transaction<DB>,
  id: string,
  version: number,
  at: string,
  by: string,
): Promise<void> {
  await keepVersion(trx, id, version, at, by, await loadConsultation(trx, id));
}
