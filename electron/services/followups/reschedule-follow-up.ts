import type { FollowUpDto } from '../../../shared/contract/followups';
import { requirePermission, type ServiceContext } from '../context';
import { applyFollowUpChange, loadFollowUp, requireOpen } from './follow-up-change';

/** Moves an open follow-up to another due date (the same date writes nothing). */
export async function rescheduleFollowUp(
  ctx: ServiceContext,
  id: string,
  dueDate: string,
): Promise<FollowUpDto> {
  requirePermission(ctx, 'followup.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadFollowUp(trx, id);
    requireOpen(before);
    return applyFollowUpChange(trx, ctx, before, { due_date: dueDate }, 'followup.reschedule', {
      from: before.due_date,
      to: dueDate,
    });
  });
}
