import { writeAudit } from '../../../db/audit';
import type { EventDto } from '../../../shared/contract/events';
import { AppError } from '../../../shared/errors';
import { recordsIn, requirePermission, type ServiceContext } from '../context';
import { eventFields, type ParsedEvent } from './event-mapper';
import { loadEvent } from './load-event';

/**
 * Edits an event (typically to add the participant count afterwards). The caller sends the
 * whole form and the version it started from; a stale version is a CONFLICT. Only changed
 * columns are written and sent to the op log.
 */
export async function updateEvent(
  ctx: ServiceContext,
  id: string,
  expectedVersion: number,
  input: ParsedEvent,
): Promise<EventDto> {
  requirePermission(ctx, 'case.manage');
  return ctx.db.transaction().execute(async (trx) => {
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
    const changed = await recordsIn(trx, ctx).event.update(before, eventFields(input));
    if (changed.length === 0) return loadEvent(trx, id);
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'event.update',
      entity: 'event',
      entityId: id,
      detail: { version: before.version + 1, fields: changed },
    });
    return loadEvent(trx, id);
  });
}
