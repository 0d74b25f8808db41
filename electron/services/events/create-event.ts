import { writeAudit } from '../../../db/audit';
import type { EventDto } from '../../../shared/contract/events';
import { recordsIn, requirePermission, type ServiceContext } from '../context';
import { eventFields, type ParsedEvent } from './event-mapper';
import { loadEvent } from './load-event';

/** Records an event: the row, its op and the audit entry in one transaction. */
export async function createEvent(ctx: ServiceContext, input: ParsedEvent): Promise<EventDto> {
  requirePermission(ctx, 'case.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const fields = eventFields(input);
    const id = await recordsIn(trx, ctx).event.insert(fields);
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'event.create',
      entity: 'event',
      entityId: id,
      detail: { kind: fields.kind, date: fields.date },
    });
    return loadEvent(trx, id);
  });
}
