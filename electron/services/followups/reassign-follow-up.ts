import type { FollowUpDto } from '../../../shared/contract/followups';
import { requireActiveStaff } from '../../../db/records/staff';
import type { WriteUnit } from '../unit-of-work';
import { applyFollowUpChange, loadFollowUp, requireOpen } from './follow-up-change';

/** Hands an open follow-up to another active staff member. */
export async function reassignFollowUp(ctx: WriteUnit, id: string, ownerId: string): Promise<FollowUpDto> {
  const trx = ctx.db;
  const before = await loadFollowUp(trx, id);
  requireOpen(before);
  await requireActiveStaff(trx, [ownerId], 'The new owner is not an active staff member.');
  return applyFollowUpChange(trx, ctx, before, { owner_id: ownerId }, 'followup.reassign', {
    from: before.owner_id,
    to: ownerId,
  });
}
