import type { EventDto } from '../../../shared/contract/events';
import { AppError } from '../../../shared/errors';
import type { WriteUnit } from '../unit-of-work';
import { eventFields, type ParsedEvent } from './event-mapper';
import { loadEvent } from './load-event';

/**
 * Edits an event (typically to add the participant count afterwards). The caller sends the
 * whole form and the version it started from; a stale version is a CONFLICT. Only changed
 * columns are written and sent to the op log.
 */
export async function updateEvent(
  ctx: WriteUnit,
  id: string,
  expectedVersion: number,
  input: ParsedEvent,
): Promise<EventDto> {
  const trx = ctx.db;
  const before = await trx
    .selectFrom('events')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND', 'No such event.');
  if (before.version !== expectedVersion) {
    throw new AppError('CONFLICT', `The event was changed meanwhile (now version ${before.version}).`);
  }
  const changed = await ctx.records.event.update(before, eventFields(input));
  if (changed.length === 0) {
    ctx.audit.skip(); // nothing changed, nothing to log
    return loadEvent(trx, id);
  }
  ctx.audit.about({
    entity: 'event',
    entityId: id,
    detail: { version: before.version + 1, fields: changed },
  });
  return loadEvent(trx, id);
}
