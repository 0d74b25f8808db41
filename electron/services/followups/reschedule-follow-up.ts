import type { FollowUpDto } from '../../../shared/contract/followups';
import type { WriteUnit } from '../unit-of-work';
import { applyFollowUpChange, loadFollowUp, requireOpen } from './follow-up-change';

/** Moves an open follow-up to another due date (the same date writes nothing). */
export async function rescheduleFollowUp(ctx: WriteUnit, id: string, dueDate: string): Promise<FollowUpDto> {
  const trx = ctx.db;
  const before = await loadFollowUp(trx, id);
  requireOpen(before);
  return applyFollowUpChange(trx, ctx, before, { due_date: dueDate }, 'followup.reschedule', {
    from: before.due_date,
    to: dueDate,
  });
}
