import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import type { ActivityDto } from '../../../shared/contract/activities';
import { AppError } from '../../../shared/errors';
import type { UnitOfWork, WriteUnit } from '../unit-of-work';
import { activityFields, toActivityDto, type ParsedActivity } from './activity-mapper';

async function loadActivity(db: Kysely<DB> | Transaction<DB>, id: string): Promise<ActivityDto> {
  const row = await db
    .selectFrom('activities')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such activity.');
  return toActivityDto(row);
}

/** An attendee from the directory must be there (a name alone is fine). */
async function assertAttendees(trx: Transaction<DB>, input: ParsedActivity): Promise<void> {
  const ids = [...new Set(input.attendees.map((a) => a.institutionId).filter((x): x is string => !!x))];
  if (!ids.length) return;
  const found = await trx.selectFrom('institutions').select('id').where('id', 'in', ids).execute();
  if (found.length !== ids.length)
    throw new AppError('NOT_FOUND', 'An attending institution is not in the directory.');
}

/** Records an activity: the row, its op and the audit entry in one transaction. */
export async function createActivity(ctx: WriteUnit, input: ParsedActivity): Promise<ActivityDto> {
  const trx = ctx.db;
  await assertAttendees(trx, input);
  const fields = activityFields(input);
  const id = await ctx.records.activity.insert(fields);
  ctx.audit.about({
    entity: 'activity',
    entityId: id,
    detail: { kind: fields.kind, date: fields.date },
  });
  return loadActivity(trx, id);
}

/**
 * Edits an activity (typically to add the number of participants afterwards). A stale version
 * is a CONFLICT; only changed columns are written and sent to the op log.
 */
export async function updateActivity(
  ctx: WriteUnit,
  id: string,
  expectedVersion: number,
  input: ParsedActivity,
): Promise<ActivityDto> {
  const trx = ctx.db;
  const before = await trx
    .selectFrom('activities')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND', 'No such activity.');
  if (before.version !== expectedVersion)
    throw new AppError('CONFLICT', `The activity was changed meanwhile (now version ${before.version}).`);
  await assertAttendees(trx, input);
  const changed = await ctx.records.activity.update(before, activityFields(input));
  if (changed.length === 0) {
    ctx.audit.skip(); // nothing changed, nothing to log
    return loadActivity(trx, id);
  }
  ctx.audit.about({
    entity: 'activity',
    entityId: id,
    detail: { version: before.version + 1, fields: changed },
  });
  return loadActivity(trx, id);
}

/** Activities newest first. Every role may read them (no personal data). */
export async function listActivities(
  ctx: UnitOfWork,
  f: { from?: string | undefined; to?: string | undefined; kind?: string | undefined },
): Promise<ActivityDto[]> {
  let q = ctx.db.selectFrom('activities').selectAll().where('deleted_at', 'is', null);
  if (f.from) q = q.where('date', '>=', f.from);
  if (f.to) q = q.where('date', '<=', f.to);
  if (f.kind) q = q.where('kind', '=', f.kind);
  const rows = await q.orderBy('date', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toActivityDto);
}
