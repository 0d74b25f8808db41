import { sql } from 'kysely';
import type { EventDto, EventKind } from '../../../shared/contract/events';
import type { ServiceContext } from '../context';
import { toEventDto } from './event-mapper';

/** Events newest first, with their consultation counts. Every role may read them (no personal data). */
export async function listEvents(
  ctx: ServiceContext,
  f: { from?: string | undefined; to?: string | undefined; kind?: EventKind | undefined },
): Promise<EventDto[]> {
  let q = ctx.db.selectFrom('events as e').where('e.deleted_at', 'is', null);
  if (f.from) q = q.where('e.date', '>=', f.from);
  if (f.to) q = q.where('e.date', '<=', f.to);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  const rows = await q
    .selectAll('e')
    .select(
      sql<number>`(SELECT count(*) FROM consultations c WHERE c.event_id = e.id AND c.deleted_at IS NULL)`.as(
        'consultation_count',
      ),
    )
    .orderBy('e.date', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  return rows.map(({ consultation_count, ...row }) => toEventDto(row, Number(consultation_count)));
}
