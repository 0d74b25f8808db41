import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { CoordinationRequestsTable, DB } from '../schema';
import { plainRecord } from './write-record';

/** Admission and respite coordination requests (0008). */
export const coordinationRequestRecord = plainRecord('coordination_request');

/** The request an action applies to, or NOT_FOUND. */
export async function loadRequest(db: Kysely<DB>, id: string): Promise<CoordinationRequestsTable> {
  const row = await db
    .selectFrom('coordination_requests')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such coordination request.');
  return row;
}
