import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import type { EventDto } from '../../../shared/contract/events';
import { AppError } from '../../../shared/errors';
import { toEventDto } from './event-mapper';

/** One event with the number of consultations recorded at it, or NOT_FOUND. */
export async function loadEvent(db: Kysely<DB> | Transaction<DB>, id: string): Promise<EventDto> {
  const row = await db
    .selectFrom('events')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such event.');
  const n = await db
    .selectFrom('consultations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return toEventDto(row, Number(n.n));
}
