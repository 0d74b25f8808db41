import type { Transaction } from 'kysely';
import { writeAudit } from '../../../db/audit';
import { requireActiveStaff } from '../../../db/records/staff';
import type { DB, PersonsTable } from '../../../db/schema';
import type { ConsultationDetail } from '../../../shared/contract/consultations';
import { AppError } from '../../../shared/errors';
import { can } from '../../../shared/permissions';
import { recordsIn, requirePermission, type ServiceContext } from '../context';
import { insertFollowUp } from '../followups/insert-follow-up';
import { insertPerson } from '../persons/create-person';
import type { ConsultationWarning } from '../../../shared/validation/consultation-warnings';
import { assertKnownMunicipality } from '../masters/known-references';
import { assertEventExists } from './assert-event';
import { caseFor, consultationFacts } from './consultation-facts';
import { consultationColumns, consultationLists, type ParsedConsultation } from './consultation-fields';
import { loadConsultation } from './load-consultation';
import { nextSerial } from './serial';

/**
 * Records a consultation in one transaction: the person (new, existing or none), its case (an
 * open one of the person, or a new one for ongoing support), the consultation and its lists, a
 * follow-up, the search document, the ops and the audit entry. Any failure leaves nothing
 * behind. The answer carries the warnings (a date in the future, a birth after the call).
 */
export async function recordConsultation(
  ctx: ServiceContext,
  input: ParsedConsultation,
): Promise<ConsultationDetail> {
  let warnings: ConsultationWarning[] = [];
  const id = await ctx.db.transaction().execute(async (trx) => {
    const r = await recordConsultationWith(trx, ctx, input);
    warnings = r.warnings;
    return r.id;
  });
  return { ...(await loadConsultation(ctx.db, id)), warnings };
}

/**
 * The same use case inside a caller's transaction: for importers and the demo generator,
 * which record many consultations per transaction. Returns the new id.
 */
export async function recordConsultationTx(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  input: ParsedConsultation,
): Promise<string> {
  return (await recordConsultationWith(trx, ctx, input)).id;
}

async function recordConsultationWith(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  input: ParsedConsultation,
): Promise<{ id: string; warnings: ConsultationWarning[] }> {
  requirePermission(ctx, 'consultation.record');
  if (input.followUp && !can(ctx.actor.role, 'followup.completeOwn')) {
    throw new AppError('FORBIDDEN', 'Your role may not create follow-ups.');
  }
  const { personId, person } = await resolvePerson(trx, ctx, input);
  const responders = input.responders.length
    ? input.responders
    : [{ staffId: ctx.actor.id, profession: (ctx.actor.profession ?? 'other') as never }];
  await requireActiveStaff(
    trx,
    responders.map((r) => r.staffId),
  );
  await assertEventExists(trx, input.eventId);
  const { facts, warnings } = await consultationFacts(trx, ctx, input, person, personId);
  const caseId = await caseFor(trx, ctx, input, personId, person, facts.continuity.continuity);
  const columns = consultationColumns(input, person, personId, { ...facts, caseId });
  const serial = await nextSerial(trx, ctx.deviceId, columns.fiscal_year);
  const id = await recordsIn(trx, ctx).consultation.insert(
    { serial, origin_device: ctx.deviceId, ...columns },
    consultationLists({ ...input, responders }, columns.main_category),
    loadConsultation,
  );
  if (input.followUp) {
    await insertFollowUp(trx, ctx, { ...input.followUp, consultationId: id, caseId, personId });
  }
  await writeAudit(trx, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action: 'consultation.record',
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
  trx: Transaction<DB>,
  ctx: ServiceContext,
  input: ParsedConsultation,
): Promise<{ personId: string | null; person: PersonsTable | null }> {
  const choice = input.person;
  if (choice.mode === 'anonymous') return { personId: null, person: null };
  if (choice.mode === 'new' && choice.data.municipalityCode)
    await assertKnownMunicipality(trx, choice.data.municipalityCode, input.receivedAt.slice(0, 10));
  const personId = choice.mode === 'new' ? await insertPerson(trx, ctx, choice.data) : choice.personId;
  const person = await trx
    .selectFrom('persons')
    .selectAll()
    .where('id', '=', personId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!person) throw new AppError('NOT_FOUND', 'The chosen person does not exist.');
  return { personId, person };
}
