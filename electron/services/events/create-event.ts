import type { EventDto } from '../../../shared/contract/events';
import type { WriteUnit } from '../unit-of-work';
import { eventFields, type ParsedEvent } from './event-mapper';
import { loadEvent } from './load-event';

/** Records an event: the row, its op and the audit entry in one transaction. */
export async function createEvent(ctx: WriteUnit, input: ParsedEvent): Promise<EventDto> {
  const trx = ctx.db;
  const fields = eventFields(input);
  const id = await ctx.records.event.insert(fields);
  ctx.audit.about({
    entity: 'event',
    entityId: id,
    detail: { kind: fields.kind, date: fields.date },
  });
  return loadEvent(trx, id);
}
