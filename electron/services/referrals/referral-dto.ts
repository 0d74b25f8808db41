import type { Kysely, Transaction } from 'kysely';
import type { DB, ReferralsTable } from '../../../db/schema';
import type { ReferralDto } from '../../../shared/contract/letters';
import { AppError } from '../../../shared/errors';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Referrals with their consultation serial, person, institution, number of letters, and the
 * consent of the coordination request they come from (if any).
 */
export function selectReferrals(db: Db) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('consultations as c', 'c.id', 'r.consultation_id')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .leftJoin('persons as p', 'p.id', 'r.person_id')
    .leftJoin('coordination_requests as q', 'q.id', 'r.coordination_request_id')
    .leftJoin('staff as qs', 'qs.id', 'q.consent_by')
    .selectAll('r')
    .select((eb) => [
      'c.serial as consultation_serial',
      'p.name as person_name',
      'i.name as institution_name',
      'i.type as institution_type',
      'q.consent_method as q_consent_method',
      'q.consent_date as q_consent_date',
      'q.consent_by as q_consent_by',
      'q.consent_withdrawn_on as q_consent_withdrawn_on',
      'qs.display_name as q_consent_name',
      eb
        .selectFrom('letters as l')
        .whereRef('l.referral_id', '=', 'r.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('letter_count'),
    ]);
}

type Row = ReferralsTable & {
  consultation_serial: string;
  person_name: string | null;
  institution_name: string;
  institution_type: string;
  letter_count: number | null;
  q_consent_method: string | null;
  q_consent_date: string | null;
  q_consent_by: string | null;
  q_consent_withdrawn_on: string | null;
  q_consent_name: string | null;
};

export function toReferralDto(r: Row): ReferralDto {
  return {
    id: r.id,
    consultationId: r.consultation_id,
    consultationSerial: r.consultation_serial,
    personId: r.person_id,
    personName: r.person_name,
    institution: { id: r.institution_id, name: r.institution_name, type: r.institution_type },
    template: r.template,
    purpose: r.purpose,
    requestedOn: r.requested_on,
    replyDueOn: r.reply_due_on,
    followUpId: r.follow_up_id,
    state: r.state,
    stateNote: r.state_note,
    reply:
      r.reply_received_on && r.reply_decision
        ? {
            receivedOn: r.reply_received_on,
            decision: r.reply_decision,
            personInCharge: r.reply_person,
            action: r.reply_action,
            centerFollowUp: r.reply_center_follow_up === 1,
          }
        : null,
    letterCount: Number(r.letter_count ?? 0),
    coordinationRequestId: r.coordination_request_id,
    coordinationConsent:
      r.q_consent_method && r.q_consent_date && r.q_consent_by && !r.q_consent_withdrawn_on
        ? {
            method: r.q_consent_method,
            date: r.q_consent_date,
            obtainedBy: r.q_consent_by,
            obtainedByName: r.q_consent_name ?? '',
          }
        : null,
    version: r.version,
    createdAt: r.created_at,
  };
}

export async function getReferralDto(db: Db, id: string): Promise<ReferralDto> {
  const row = await selectReferrals(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such referral.');
  return toReferralDto(row as Row);
}

export async function loadReferral(db: Db, id: string): Promise<ReferralsTable> {
  const row = await db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such referral.');
  return row;
}
