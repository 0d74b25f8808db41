import type { Transaction } from 'kysely';
import type { DB, FollowUpsTable } from '../../../db/schema';
import type { FollowUpDto } from '../../../shared/contract/followups';
import { AppError } from '../../../shared/errors';
import { recordsIn } from '../context';
import { nothingChanged, type UnitOfWork } from '../unit-of-work';
import { getFollowUpDto } from './follow-up-dto';

/** The columns the follow-up actions may change (everything else is fixed at creation). */
export type FollowUpChanges = Partial<
  Pick<FollowUpsTable, 'due_date' | 'owner_id' | 'state' | 'note' | 'completed_at' | 'completed_by'>
>;

export { loadFollowUp } from '../../../db/records/follow-up';

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
  ctx: UnitOfWork,
  before: FollowUpsTable,
  changes: FollowUpChanges,
  action: string,
  detail: Record<string, unknown> = {},
): Promise<FollowUpDto> {
  const changed = await recordsIn(trx, ctx).followUp.update(before, changes);
  if (changed.length === 0) {
    nothingChanged(ctx, action);
    return getFollowUpDto(trx, before.id);
  }
  ctx.audit.note(action, {
    entity: 'follow_up',
    entityId: before.id,
    detail: { fields: changed, ...detail },
  });
  return getFollowUpDto(trx, before.id);
}
