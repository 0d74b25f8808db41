import type { Kysely } from 'kysely';
import type { CoordinationRequestsTable, DB } from '../../../db/schema';
import type { ContactDto, CoordinationRequestDto } from '../../../shared/contract/coordination';
import { AppError } from '../../../shared/errors';

/** Consent recorded and not withdrawn: the person's details may be given to hospitals. */
export function consentHolds(r: Pick<CoordinationRequestsTable, 'consent_method' | 'consent_withdrawn_on'>) {
  return r.consent_method !== null && r.consent_withdrawn_on === null;
}

export function needsOf(r: CoordinationRequestsTable) {
  return {
    ventilator: r.ventilator,
    suction: r.suction,
    gastrostomy: r.gastrostomy === 1,
    careLevel: r.care_level,
    note: r.needs_note,
  };
}

/** Every contact of a request, in the order the calls were made. */
export async function contactsOf(db: Kysely<DB>, requestId: string): Promise<ContactDto[]> {
  const rows = await db
    .selectFrom('coordination_contacts as k')
    .innerJoin('institutions as i', 'i.id', 'k.institution_id')
    .innerJoin('staff as s', 's.id', 'k.contacted_by')
    .leftJoin('follow_ups as f', 'f.id', 'k.follow_up_id')
    .selectAll('k')
    .select(['i.name as institution_name', 's.display_name as staff_name', 'f.state as follow_up_state'])
    .where('k.request_id', '=', requestId)
    .orderBy('k.contacted_at')
    .orderBy('k.created_at')
    .orderBy('k.id')
    .execute();
  return rows.map((k) => ({
    id: k.id,
    institutionId: k.institution_id,
    institutionName: k.institution_name,
    contactedAt: k.contacted_at,
    contactedBy: k.contacted_by,
    contactedByName: k.staff_name,
    answer: k.answer,
    refusalReason: k.refusal_reason,
    refusalNote: k.refusal_note,
    callBackAt: k.call_back_at,
    followUpId: k.follow_up_id,
    followUpState: k.follow_up_state,
    note: k.note,
  }));
}

/** A request with its person, consultation, owner, consent, outcome and contacts. */
export async function getRequestDto(db: Kysely<DB>, id: string): Promise<CoordinationRequestDto> {
  const r = await db
    .selectFrom('coordination_requests as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .innerJoin('consultations as c', 'c.id', 'r.consultation_id')
    .innerJoin('staff as o', 'o.id', 'r.owner_id')
    .leftJoin('staff as cs', 'cs.id', 'r.consent_by')
    .leftJoin('institutions as a', 'a.id', 'r.accepted_institution_id')
    .selectAll('r')
    .select([
      'p.name as person_name',
      'c.serial as serial',
      'o.display_name as owner_name',
      'cs.display_name as consent_name',
      'a.name as accepted_name',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'No such coordination request.');
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    consultationId: r.consultation_id,
    consultationSerial: r.serial,
    kind: r.kind,
    reason: r.reason,
    reasonNote: r.reason_note,
    requestedOn: r.requested_on,
    wantedFrom: r.wanted_from,
    wantedTo: r.wanted_to,
    needs: needsOf(r),
    urgency: r.urgency,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    consent:
      r.consent_method && r.consent_date && r.consent_by
        ? {
            method: r.consent_method,
            date: r.consent_date,
            obtainedBy: r.consent_by,
            obtainedByName: r.consent_name ?? '',
            withdrawnOn: r.consent_withdrawn_on,
          }
        : null,
    mayContact: consentHolds(r),
    state: r.state,
    acceptedInstitutionId: r.accepted_institution_id,
    acceptedInstitutionName: r.accepted_name,
    acceptedFrom: r.accepted_from,
    acceptedTo: r.accepted_to,
    endedOn: r.ended_on,
    endNote: r.end_note,
    version: r.version,
    contacts: await contactsOf(db, id),
  };
}
