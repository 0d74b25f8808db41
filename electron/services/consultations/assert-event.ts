import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { AppError } from '../../../shared/errors';

/**
 * The event a consultation is recorded at must exist (not deleted): an unknown id would count
 * in no event's statistics and under no site. NOT_FOUND otherwise; nothing is written.
 */
export async function assertEventExists(trx: Transaction<DB>, eventId: string | null | undefined) {
  if (!eventId) return;
  const e = await trx
    .selectFrom('events')
    .select('id')
    .where('id', '=', eventId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!e) throw new AppError('NOT_FOUND', 'The chosen event does not exist.');
}
