import type { ReferralDto } from '../../../shared/contract/letters';
import type { ReferralState } from '../../../shared/vocab';
import { nowIso } from '../context';
import type { WriteUnit } from '../unit-of-work';
import { applyReferralChange, closeReplyFollowUp, requireTransition } from './referral-change';
import { getReferralDto, loadReferral } from './referral-dto';

/**
 * Moves a referral: 依頼中 → 受理 / 辞退 → 完了, or 取消 (REFERRAL_TRANSITIONS). Anything else is
 * ILLEGAL_TRANSITION and changes nothing. Completing closes the reply follow-up; cancelling
 * cancels it.
 */
export async function transitionReferral(
  ctx: WriteUnit,
  id: string,
  to: ReferralState,
  note: string | null,
): Promise<ReferralDto> {
  const trx = ctx.db;
  const before = await loadReferral(trx, id);
  requireTransition(before.state, to);
  await applyReferralChange(
    trx,
    ctx,
    before,
    { state: to, state_changed_at: nowIso(ctx), state_changed_by: ctx.actor.id, state_note: note },
    'referral.transition',
  );
  if (to === 'completed') await closeReplyFollowUp(trx, ctx, before, 'done');
  if (to === 'cancelled') await closeReplyFollowUp(trx, ctx, before, 'cancelled');
  return getReferralDto(trx, id);
}
