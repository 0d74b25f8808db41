import type { Transaction } from 'kysely';
import type { DB, ReferralsTable } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import { mayTransition, type ReferralState } from '../../../shared/vocab';
import { nowIso, recordsIn } from '../context';
import { applyFollowUpChange, loadFollowUp } from '../followups/follow-up-change';
import type { UnitOfWork } from '../unit-of-work';

export type ReferralChanges = Partial<Omit<ReferralsTable, 'id' | 'created_at' | 'created_by' | 'version'>>;

/** ILLEGAL_TRANSITION unless the referral may move from its state to `to`. */
export function requireTransition(from: ReferralState, to: ReferralState): void {
  if (!mayTransition(from, to))
    throw new AppError('ILLEGAL_TRANSITION', `A referral cannot go from ${from} to ${to}.`);
}

/** Writes the changed fields, one op and one audit entry, in the caller's transaction. */
export async function applyReferralChange(
  trx: Transaction<DB>,
  ctx: UnitOfWork,
  before: ReferralsTable,
  changes: ReferralChanges,
  action: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  // the op carries every field of the step, changed or not: they travel together in the merge
  await recordsIn(trx, ctx).referral.update(before, changes, { group: Object.keys(changes), touch: true });
  ctx.audit.note(action, {
    entity: 'referral',
    entityId: before.id,
    detail: { from: before.state, ...(changes.state ? { to: changes.state } : {}), ...detail },
  });
}

/** Closes the referral's reply-due follow-up (done or cancelled) if it is still open. */
export async function closeReplyFollowUp(
  trx: Transaction<DB>,
  ctx: UnitOfWork,
  referral: ReferralsTable,
  how: 'done' | 'cancelled',
): Promise<void> {
  if (!referral.follow_up_id) return;
  const f = await loadFollowUp(trx, referral.follow_up_id);
  if (f.state !== 'open') return;
  await applyFollowUpChange(
    trx,
    ctx,
    f,
    how === 'done'
      ? { state: 'done', completed_at: nowIso(ctx), completed_by: ctx.actor.id }
      : { state: 'cancelled' },
    how === 'done' ? 'followup.complete' : 'followup.cancel',
    { referralId: referral.id },
  );
}
