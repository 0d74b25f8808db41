import type { Transaction } from 'kysely';
import { requireActiveStaff } from '../../../db/records/staff';
import type { DB } from '../../../db/schema';
import type { ConsultationDetail } from '../../../shared/contract/consultations';
import { AppError } from '../../../shared/errors';
import { insertFollowUp } from '../followups/insert-follow-up';
import { insertPerson } from '../persons/create-person';
import type { WriteUnit } from '../unit-of-work';
import { assertEventExists } from './assert-event';
import { caseFor, consultationFacts } from './consultation-facts';
import { consultationColumns, consultationLists, type ParsedConsultation } from './consultation-fields';
import { loadConsultation } from './load-consultation';

/**
 * Edits a consultation. The caller sends the whole form and the version it started from; a
 * stale version is a CONFLICT (someone saved in between). Only changed fields reach the op
 * log; the previous state stays in the version history.
 */
export async function updateConsultation(
  uow: WriteUnit,
  id: string,
  expectedVersion: number,
  input: ParsedConsultation,
): Promise<ConsultationDetail> {
  const trx = uow.db;
  const before = await trx
    .selectFrom('consultations')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND', 'No such consultation.');
  if (before.version !== expectedVersion) {
    throw new AppError('CONFLICT', `The consultation was changed meanwhile (now version ${before.version}).`);
  }
  const personId =
    input.person.mode === 'anonymous'
      ? null
      : input.person.mode === 'new'
        ? await insertPerson(uow, input.person.data)
        : input.person.personId;
  const person = personId
    ? await trx.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirst()
    : undefined;
  if (personId && !person) throw new AppError('NOT_FOUND', 'The chosen person does not exist.');
  const responders = input.responders.length ? input.responders : await currentResponders(trx, id);
  await requireActiveStaff(
    trx,
    responders.map((r) => r.staffId),
  );
  if ((input.eventId ?? null) !== before.event_id) await assertEventExists(trx, input.eventId);
  const { facts, warnings } = await consultationFacts(uow, input, person ?? null, personId, id);
  let caseId = input.caseId === undefined ? before.case_id : input.caseId;
  if (caseId && caseId !== before.case_id) await assertOpenCase(trx, caseId);
  // no case yet: the same rule as when it was recorded (an open case of the person, or a new
  // one on the consultation's date when the outcome is 継続)
  if (!caseId)
    caseId = await caseFor(
      uow,
      { ...input, caseId: null },
      personId,
      person ?? null,
      facts.continuity.continuity,
    );
  const columns = consultationColumns(input, person ?? null, personId, { ...facts, caseId });
  if (columns.fiscal_year !== before.fiscal_year) {
    throw new AppError(
      'INVALID_INPUT',
      'Moving a consultation to another fiscal year changes its serial: record it anew.',
    );
  }
  const changed = await uow.records.consultation.update(before, columns, loadConsultation, {
    lists: consultationLists({ ...input, responders }, columns.main_category),
    // a follow-up added from the edit form is a new version too
    touch: !!input.followUp,
  });
  if (input.followUp)
    await insertFollowUp(uow.db, uow, { ...input.followUp, consultationId: id, caseId, personId });
  if (changed.length === 0 && !input.followUp) uow.audit.skip();
  else
    uow.audit.about({
      entity: 'consultation',
      entityId: id,
      detail: { version: before.version + 1, fields: changed },
    });
  return { ...(await loadConsultation(trx, id)), warnings };
}

async function assertOpenCase(trx: Transaction<DB>, caseId: string): Promise<void> {
  const c = await trx.selectFrom('cases').select('state').where('id', '=', caseId).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', 'The chosen case does not exist.');
  if (c.state !== 'open') throw new AppError('CONFLICT', 'The chosen case is closed.');
}

async function currentResponders(trx: Transaction<DB>, id: string) {
  const rows = await trx
    .selectFrom('consultation_responders')
    .select(['staff_id', 'profession'])
    .where('consultation_id', '=', id)
    .execute();
  return rows.map((r) => ({ staffId: r.staff_id, profession: r.profession as never }));
}

/** Links (or unlinks) a consultation to a case. */
export async function linkConsultationCase(
  uow: WriteUnit,
  id: string,
  caseId: string | null,
): Promise<ConsultationDetail> {
  const trx = uow.db;
  const before = await trx.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND', 'No such consultation.');
  if (before.case_id === caseId) {
    uow.audit.skip();
  } else {
    if (caseId) await assertOpenCase(trx, caseId);
    await uow.records.consultation.update(before, { case_id: caseId }, loadConsultation);
    uow.audit.about({ entity: 'consultation', entityId: id, detail: { caseId } });
  }
  return loadConsultation(trx, id);
}
