import type { FollowUpDto } from '../../../shared/contract/followups';
import type { WriteUnit } from '../unit-of-work';
import { applyFollowUpChange, loadFollowUp, requireOpen } from './follow-up-change';

/** Cancels an open follow-up (no longer needed); a note, when given, says why. */
export async function cancelFollowUp(ctx: WriteUnit, id: string, note: string | null): Promise<FollowUpDto> {
  const trx = ctx.db;
  const before = await loadFollowUp(trx, id);
  requireOpen(before);
  return applyFollowUpChange(
    trx,
    ctx,
    before,
    { state: 'cancelled', ...(note !== null ? { note } : {}) },
    'followup.cancel',
  );
}
