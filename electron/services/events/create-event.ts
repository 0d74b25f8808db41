import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../../db/audit';
import { recordOp } from '../../../db/sync/op-log';
import type { EventDto } from '../../../shared/contract/events';
import { nowIso, opWriter, requirePermission, type ServiceContext } from '../context';
import { EVENT_ENTITY, eventFields, type ParsedEvent } from './event-mapper';
import { loadEvent } from './load-event';

/** Records an event: the row, its op and the audit entry in one transaction. */
export async function createEvent(ctx: ServiceContext, input: ParsedEvent): Promise<EventDto> {
  requirePermission(ctx, 'case.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const id = uuidv7();
    const t = nowIso(ctx);
    const fields = eventFields(input);
    const stamps = { created_at: t, created_by: ctx.actor.id, updated_at: t, updated_by: ctx.actor.id };
    await trx
      .insertInto('events')
      .values({ id, ...fields, ...stamps, version: 1, deleted_at: null })
      .execute();
    await recordOp(trx, opWriter(ctx), EVENT_ENTITY, id, {
      ...fields,
      created_at: t,
      created_by: ctx.actor.id,
    });
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
