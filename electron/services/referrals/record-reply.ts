import type { ReferralDto } from '../../../shared/contract/letters';
import { AppError } from '../../../shared/errors';
import { isReferralOpen } from '../../../shared/vocab';
import { nowIso } from '../context';
import type { WriteUnit } from '../unit-of-work';
import { addDays } from '../followups/date-math';
import { insertFollowUp } from '../followups/insert-follow-up';
import { applyReferralChange, closeReplyFollowUp } from './referral-change';
import { getReferralDto, loadReferral } from './referral-dto';

export interface Reply {
  receivedOn: string;
  decision: 'accepted' | 'declined';
  personInCharge: string | null;
  action: string | null;
  centerFollowUp: boolean;
  followUpDueOn?: string | undefined;
}

/**
 * The recipient's T5 reply closes the loop (DOMAIN §4, §5): the referral is 完了 with the
 * reply's decision (受理 or 辞退), the reply-due follow-up is done, and when the recipient asks the
 * center to keep following up, a new follow-up is opened. One transaction.
 */
export async function recordReply(ctx: WriteUnit, id: string, r: Reply): Promise<ReferralDto> {
  const trx = ctx.db;
  const before = await loadReferral(trx, id);
  if (!isReferralOpen(before.state))
    throw new AppError('ILLEGAL_TRANSITION', `The referral is already ${before.state}.`);
  if (r.receivedOn < before.requested_on)
    throw new AppError('INVALID_INPUT', 'The reply cannot arrive before the referral was made.');
  await applyReferralChange(
    trx,
    ctx,
    before,
    {
      state: 'completed',
      state_changed_at: nowIso(ctx),
      state_changed_by: ctx.actor.id,
      reply_received_on: r.receivedOn,
      reply_decision: r.decision,
      reply_person: r.personInCharge,
      reply_action: r.action,
      reply_center_follow_up: r.centerFollowUp ? 1 : 0,
      reply_recorded_by: ctx.actor.id,
    },
    'referral.reply',
    { decision: r.decision, centerFollowUp: r.centerFollowUp },
  );
  await closeReplyFollowUp(trx, ctx, before, 'done');
  if (r.centerFollowUp) {
    const inst = await trx
      .selectFrom('institutions')
      .select('name')
      .where('id', '=', before.institution_id)
      .executeTakeFirstOrThrow();
    await insertFollowUp(trx, ctx, {
      title: `紹介先の返信を受けての継続支援（${inst.name}）`,
      dueDate: r.followUpDueOn ?? addDays(r.receivedOn, 7),
      consultationId: before.consultation_id,
      personId: before.person_id,
    });
  }
  return getReferralDto(trx, id);
}
