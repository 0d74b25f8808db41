import type { NewRecord } from '../../../db/records/write-record';
import type { ReferralDto } from '../../../shared/contract/letters';
import { AppError } from '../../../shared/errors';
import { defaultTemplateFor, type InstitutionType } from '../../../shared/vocab';
import { todayLocal } from '../context';
import type { WriteUnit } from '../unit-of-work';
import { insertFollowUp } from '../followups/insert-follow-up';
import { getReferralDto } from './referral-dto';
import { referralFromRequest, type FromRequest } from './referral-from-request';

export interface NewReferral {
  /** required unless `coordinationRequestId` gives them */
  consultationId?: string | undefined;
  institutionId?: string | undefined;
  template?: 't1' | 't2' | 't3' | 't4' | undefined;
  purpose: string | null;
  requestedOn?: string | undefined;
  replyDueOn?: string | null | undefined;
  followUpOwnerId?: string | undefined;
  /** an accepted admission/respite request: consultation, person, hospital and T3 come from it */
  coordinationRequestId?: string | undefined;
}

/**
 * A referral from a consultation to an institution of the directory, in state 依頼中. A reply-due
 * date opens a follow-up (the counselor's reminder to chase the reply), in the same transaction.
 * From an accepted coordination request, it is the T3 letter to the hospital that accepted
 * (referral-from-request.ts says what it takes and refuses).
 */
export async function createReferral(ctx: WriteUnit, input: NewReferral): Promise<ReferralDto> {
  const requestedOn = input.requestedOn ?? todayLocal(ctx);
  if (input.replyDueOn && input.replyDueOn < requestedOn)
    throw new AppError('INVALID_INPUT', 'The reply cannot be due before the referral is made.');
  if (input.coordinationRequestId) ctx.require('coordination.view');
  const trx = ctx.db;
  let linked: FromRequest | null = null;
  if (input.coordinationRequestId)
    linked = await referralFromRequest(trx, input.coordinationRequestId, input);
  const consultationId = linked?.consultationId ?? input.consultationId;
  const institutionId = linked?.institutionId ?? input.institutionId;
  if (!consultationId || !institutionId)
    throw new AppError('INVALID_INPUT', 'A referral needs a consultation and an institution.');
  const c = await trx
    .selectFrom('consultations')
    .select(['id', 'person_id', 'case_id'])
    .where('id', '=', consultationId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!c) throw new AppError('INVALID_INPUT', 'No such consultation.');
  if (!c.person_id) throw new AppError('PERSON_REQUIRED', 'The consultation is not linked to a person.');
  const inst = await trx
    .selectFrom('institutions')
    .select(['id', 'name', 'type', 'active'])
    .where('id', '=', institutionId)
    .executeTakeFirst();
  if (!inst || !inst.active) throw new AppError('INVALID_INPUT', 'No such active institution.');
  let followUpId: string | null = null;
  if (input.replyDueOn) {
    let caseId = c.case_id;
    if (caseId) {
      const k = await trx.selectFrom('cases').select('state').where('id', '=', caseId).executeTakeFirst();
      if (k?.state !== 'open') caseId = null; // a closed case takes no new work
    }
    followUpId = await insertFollowUp(trx, ctx, {
      title: `紹介先からの返信確認（${inst.name}）`,
      dueDate: input.replyDueOn,
      ownerId: input.followUpOwnerId ?? null,
      caseId,
      consultationId: c.id,
      personId: c.person_id,
    });
  }
  const fields = {
    consultation_id: c.id,
    person_id: c.person_id,
    institution_id: inst.id,
    template: linked?.template ?? input.template ?? defaultTemplateFor(inst.type as InstitutionType),
    purpose: input.purpose ?? linked?.purpose ?? null,
    requested_on: requestedOn,
    reply_due_on: input.replyDueOn ?? null,
    follow_up_id: followUpId,
    state: 'requested' as const,
    // only when linked: an op naming a column older devices lack would wait there for nothing
    ...(linked ? { coordination_request_id: input.coordinationRequestId! } : {}),
  };
  const id = await ctx.records.referral.insert(fields as NewRecord<'referral'>);
  ctx.audit.about({
    entity: 'referral',
    entityId: id,
    detail: {
      personId: c.person_id,
      institutionId: inst.id,
      template: fields.template,
      ...(linked ? { coordinationRequestId: input.coordinationRequestId } : {}),
    },
  });
  return getReferralDto(trx, id);
}
