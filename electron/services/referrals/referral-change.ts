import type { Transaction } from 'kysely';
import { writeAudit } from '../../../db/audit';
import type { DB, ReferralsTable } from '../../../db/schema';
import { recordOp } from '../../../db/sync/op-log';
import { AppError } from '../../../shared/errors';
import { mayTransition, type ReferralState } from '../../../shared/vocab';
import { nowIso, opWriter, type ServiceContext } from '../context';
import { applyFollowUpChange, loadFollowUp } from '../followups/follow-up-change';

export type ReferralChanges = Partial<Omit<ReferralsTable, 'id' | 'created_at' | 'created_by' | 'version'>>;

/** ILLEGAL_TRANSITION unless the referral may move from its state to `to`. */
export function requireTransition(from: ReferralState, to: ReferralState): void {
  if (!mayTransition(from, to))
    throw new AppError('ILLEGAL_TRANSITION', `A referral cannot go from ${from} to ${to}.`);
}

/** Writes the changed fields, one op and one audit entry, in the caller's transaction. */
export async function applyReferralChange(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  before: ReferralsTable,
  changes: ReferralChanges,
  action: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const t = nowIso(ctx);
  const res = await trx
    .updateTable('referrals')
    .set({ ...changes, updated_at: t, updated_by: ctx.actor.id, version: before.version + 1 })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'The referral was changed meanwhile.');
  await recordOp(trx, opWriter(ctx), 'referral', before.id, {
    ...changes,
    updated_at: t,
    updated_by: ctx.actor.id,
  });
  await writeAudit(trx, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action,
    entity: 'referral',
    entityId: before.id,
    detail: { from: before.state, ...(changes.state ? { to: changes.state } : {}), ...detail },
  });
}

/** Closes the referral's reply-due follow-up (done or cancelled) if it is still open. */
export async function closeReplyFollowUp(
  trx: Transaction<DB>,
  ctx: ServiceContext,
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
