import { requireLivePerson } from '../../../db/records/person';
import { requireActiveStaff } from '../../../db/records/staff';
import type { PersonsTable } from '../../../db/schema';
import type { ConsultationDetail } from '../../../shared/contract/consultations';
import type { ConsultationWarning } from '../../../shared/validation/consultation-warnings';
import { insertFollowUp } from '../followups/insert-follow-up';
import { assertKnownMunicipality } from '../masters/known-references';
import { insertPerson } from '../persons/create-person';
import type { WriteUnit } from '../unit-of-work';
import { assertEventExists } from './assert-event';
import { caseFor, consultationFacts } from './consultation-facts';
import { consultationColumns, consultationLists, type ParsedConsultation } from './consultation-fields';
import { loadConsultation } from './load-consultation';
import { nextSerial } from './serial';

/**
 * Records a consultation in the use case's one transaction: the person (new, existing or
 * none), its case (an open one of the person, or a new one for ongoing support), the
 * consultation and its lists, a follow-up, the search document, the ops and the audit entries.
 * Any failure leaves nothing behind. The answer carries the warnings (a date in the future, a
 * birth after the call).
 */
export async function recordConsultation(
  uow: WriteUnit,
  input: ParsedConsultation,
): Promise<ConsultationDetail> {
  const { id, warnings } = await recordConsultationIn(uow, input);
  return { ...(await loadConsultation(uow.db, id)), warnings };
}

/** The same, returning the new id: the demo generator records hundreds per transaction. */
export async function recordConsultationIn(
  uow: WriteUnit,
  input: ParsedConsultation,
): Promise<{ id: string; warnings: ConsultationWarning[] }> {
  if (input.followUp) uow.require('followup.completeOwn');
  const trx = uow.db;
  const { personId, person } = await resolvePerson(uow, input);
  const responders = input.responders.length
    ? input.responders
    : [{ staffId: uow.actor.id, profession: (uow.actor.profession ?? 'other') as never }];
  await requireActiveStaff(
    trx,
    responders.map((r) => r.staffId),
  );
  await assertEventExists(trx, input.eventId);
  const { facts, warnings } = await consultationFacts(uow, input, person, personId);
  const caseId = await caseFor(uow, input, personId, person, facts.continuity.continuity);
  const columns = consultationColumns(input, person, personId, { ...facts, caseId });
  const serial = await nextSerial(trx, uow.deviceId, columns.fiscal_year);
  const id = await uow.records.consultation.insert(
    { serial, origin_device: uow.deviceId, ...columns },
    consultationLists({ ...input, responders }, columns.main_category),
  );
  if (input.followUp) {
    await insertFollowUp(uow.db, uow, { ...input.followUp, consultationId: id, caseId, personId });
  }
  uow.audit.note('consultation.record', {
    entity: 'consultation',
    entityId: id,
    detail: {
      serial,
      personId,
      caseId,
      ...(facts.continuity.override ? { continuityOverride: facts.continuity.override } : {}),
      ...(warnings.length ? { warnings: warnings.map((w) => w.code) } : {}),
    },
  });
  return { id, warnings };
}

async function resolvePerson(
  uow: WriteUnit,
  input: ParsedConsultation,
): Promise<{ personId: string | null; person: PersonsTable | null }> {
  const choice = input.person;
  if (choice.mode === 'anonymous') return { personId: null, person: null };
  if (choice.mode === 'new' && choice.data.municipalityCode)
    await assertKnownMunicipality(uow.db, choice.data.municipalityCode, input.receivedAt.slice(0, 10));
  const personId = choice.mode === 'new' ? await insertPerson(uow, choice.data) : choice.personId;
  const person = await requireLivePerson(uow.db, personId, 'NOT_FOUND', 'The chosen person does not exist.');
  return { personId, person };
}
