import type { FollowUpDto } from '../../../shared/contract/followups';
import { AppError } from '../../../shared/errors';
import { can } from '../../../shared/permissions';
import { nowIso } from '../context';
import type { WriteUnit } from '../unit-of-work';
import { applyFollowUpChange, loadFollowUp, requireOpen } from './follow-up-change';

/**
 * Marks a follow-up done. Managers may complete anyone's; peer supporters only their own.
 * A note, when given, replaces the follow-up's note (left alone otherwise).
 */
export async function completeFollowUp(
  ctx: WriteUnit,
  id: string,
  note: string | null,
): Promise<FollowUpDto> {
  const trx = ctx.db;
  const before = await loadFollowUp(trx, id);
  if (!can(ctx.actor.role, 'followup.manage') && before.owner_id !== ctx.actor.id) {
    throw new AppError('FORBIDDEN', 'Only the owner may complete this follow-up.');
  }
  requireOpen(before);
  return applyFollowUpChange(
    trx,
    ctx,
    before,
    {
      state: 'done',
      completed_at: nowIso(ctx),
      completed_by: ctx.actor.id,
      ...(note !== null ? { note } : {}),
    },
    'followup.complete',
  );
}
