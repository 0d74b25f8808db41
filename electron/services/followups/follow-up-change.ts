import type { Transaction } from 'kysely';
import { writeAudit } from '../../../db/audit';
import type { DB, FollowUpsTable } from '../../../db/schema';
import { recordOp } from '../../../db/sync/op-log';
import type { FollowUpDto } from '../../../shared/contract/followups';
import { AppError } from '../../../shared/errors';
import { nowIso, opWriter, type ServiceContext } from '../context';
import { getFollowUpDto } from './follow-up-dto';

/** The columns the follow-up actions may change (everything else is fixed at creation). */
export type FollowUpChanges = Partial<
  Pick<FollowUpsTable, 'due_date' | 'owner_id' | 'state' | 'note' | 'completed_at' | 'completed_by'>
>;

/** The follow-up an action applies to, or NOT_FOUND. */
export async function loadFollowUp(trx: Transaction<DB>, id: string): Promise<FollowUpsTable> {
  const row = await trx.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such follow-up.');
  return row;
}

/** Done and cancelled follow-ups are history: no action changes them again. */
export function requireOpen(row: FollowUpsTable): void {
  if (row.state !== 'open') throw new AppError('CONFLICT', `The follow-up is already ${row.state}.`);
}

/**
 * Writes the fields that really changed, bumps the version, and records one op (changed
 * fields only) and one audit entry, all in the caller's transaction. Nothing changed: no write.
 */
export async function applyFollowUpChange(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  before: FollowUpsTable,
  changes: FollowUpChanges,
  action: string,
  detail: Record<string, unknown> = {},
): Promise<FollowUpDto> {
  const changed = Object.fromEntries(
    Object.entries(changes).filter(([k, v]) => (before as unknown as Record<string, unknown>)[k] !== v),
  ) as FollowUpChanges;
  if (Object.keys(changed).length === 0) return getFollowUpDto(trx, before.id);
  const t = nowIso(ctx);
  const res = await trx
    .updateTable('follow_ups')
    .set({ ...changed, updated_at: t, updated_by: ctx.actor.id, version: before.version + 1 })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  // the row was read in this same transaction; a miss means someone else wrote in between
  if (Number(res.numUpdatedRows) !== 1)
    throw new AppError('CONFLICT', 'The follow-up was changed meanwhile.');
  await recordOp(trx, opWriter(ctx), 'follow_up', before.id, {
    ...changed,
    updated_at: t,
    updated_by: ctx.actor.id,
  });
  await writeAudit(trx, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action,
    entity: 'follow_up',
    entityId: before.id,
    detail: { fields: Object.keys(changed), ...detail },
  });
  return getFollowUpDto(trx, before.id);
}
