import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { formatWareki } from '../../../shared/dates/wareki';
import { AppError } from '../../../shared/errors';
import { COORDINATION_KINDS, vocabLabel } from '../../../shared/vocab';

export interface FromRequest {
  consultationId: string;
  personId: string;
  institutionId: string;
  template: 't3';
  /** a short text for the referral list: the kind and the stay agreed */
  purpose: string;
}

/**
 * What a referral made from an admission/respite request takes from it: the request's
 * consultation and person, the accepted hospital, template T3. Only a 受入決定 request gives
 * them (`COORDINATION_NOT_ACCEPTED`); anything the caller names that differs is a
 * `REFERRAL_MISMATCH`; a request that already has a live referral (not 取消) gives no second one
 * (`REFERRAL_EXISTS`: open that one). Reads only; the caller writes.
 */
export async function referralFromRequest(
  trx: Transaction<DB>,
  requestId: string,
  given: {
    consultationId?: string | undefined;
    institutionId?: string | undefined;
    template?: string | undefined;
  },
): Promise<FromRequest> {
  const q = await trx
    .selectFrom('coordination_requests')
    .select([
      'id',
      'person_id',
      'consultation_id',
      'kind',
      'state',
      'accepted_institution_id',
      'accepted_from',
      'accepted_to',
    ])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!q) throw new AppError('NOT_FOUND', 'No such coordination request.');
  if (q.state !== 'accepted' || !q.accepted_institution_id || !q.accepted_from)
    throw new AppError('COORDINATION_NOT_ACCEPTED', 'Only an accepted (受入決定) request gives a T3 letter.');
  const differs = (a: string | undefined, b: string) => a !== undefined && a !== b;
  if (differs(given.consultationId, q.consultation_id))
    throw new AppError('REFERRAL_MISMATCH', 'The referral must be for the request’s consultation.');
  if (differs(given.institutionId, q.accepted_institution_id))
    throw new AppError('REFERRAL_MISMATCH', 'The referral must go to the hospital that accepted.');
  if (differs(given.template, 't3'))
    throw new AppError('REFERRAL_MISMATCH', 'A referral from a coordination request uses template T3.');
  const c = await trx
    .selectFrom('consultations')
    .select('person_id')
    .where('id', '=', q.consultation_id)
    .executeTakeFirst();
  if (c?.person_id !== q.person_id)
    throw new AppError('REFERRAL_MISMATCH', 'The request’s consultation is now linked to another person.');
  const live = await trx
    .selectFrom('referrals')
    .select('id')
    .where('coordination_request_id', '=', q.id)
    .where('state', '!=', 'cancelled')
    .executeTakeFirst();
  if (live) throw new AppError('REFERRAL_EXISTS', `This request already has its referral (${live.id}).`);
  const kind = vocabLabel(COORDINATION_KINDS, q.kind, 'ja') ?? q.kind;
  const stay = `${formatWareki(q.accepted_from)}〜${q.accepted_to ? formatWareki(q.accepted_to) : ''}`;
  return {
    consultationId: q.consultation_id,
    personId: q.person_id,
    institutionId: q.accepted_institution_id,
    template: 't3',
    purpose: `${kind}の受入れ（受入決定：${stay}）`,
  };
}
