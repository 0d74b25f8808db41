import type { FollowUpDto } from '../../../shared/contract/followups';
import { requirePermission, type ServiceContext } from '../context';
import { applyFollowUpChange, loadFollowUp, requireOpen } from './follow-up-change';

/** Cancels an open follow-up (no longer needed); a note, when given, says why. */
export async function cancelFollowUp(
  ctx: ServiceContext,
  id: string,
  note: string | null,
): Promise<FollowUpDto> {
  requirePermission(ctx, 'followup.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadFollowUp(trx, id);
    requireOpen(before);
    return applyFollowUpChange(
      trx,
      ctx,
      before,
      { state: 'cancelled', ...(note !== null ? { note } : {}) },
      'followup.cancel',
    );
  });
}
