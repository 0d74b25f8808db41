import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../../db/audit';
import type { DB, PersonsTable } from '../../../db/schema';
import { recordOp } from '../../../db/sync/op-log';
import type { ConsultationDetail } from '../../../shared/contract/consultations';
import { AppError } from '../../../shared/errors';
import { can } from '../../../shared/permissions';
import { nowIso, opWriter, requirePermission, type ServiceContext } from '../context';
import { insertFollowUp } from '../followups/insert-follow-up';
import { insertPerson } from '../persons/create-person';
import { upsertSearchDoc } from '../search/search-index';
import type { ConsultationWarning } from '../../../shared/validation/consultation-warnings';
import { assertKnownMunicipality } from '../masters/known-references';
import { assertEventExists } from './assert-event';
import { caseFor, consultationFacts } from './consultation-facts';
import {
  consultationColumns,
  consultationLists,
  writeConsultationLists,
  type ParsedConsultation,
} from './consultation-fields';
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
  await assertActiveStaff(
    trx,
    responders.map((r) => r.staffId),
  );
  await assertEventExists(trx, input.eventId);
  const { facts, warnings } = await consultationFacts(trx, ctx, input, person, personId);
  const caseId = await caseFor(trx, ctx, input, personId, person, facts.continuity.continuity);
  const columns = consultationColumns(input, person, personId, { ...facts, caseId });
  const id = uuidv7();
  const t = nowIso(ctx);
  const serial = await nextSerial(trx, ctx.deviceId, columns.fiscal_year);
  const stamps = { created_at: t, created_by: ctx.actor.id, updated_at: t, updated_by: ctx.actor.id };
  await trx
    .insertInto('consultations')
    .values({
      id,
      serial,
      origin_device: ctx.deviceId,
      ...columns,
      ...stamps,
      version: 1,
      deleted_at: null,
    })
    .execute();
  const lists = consultationLists({ ...input, responders }, columns.main_category);
  await writeConsultationLists(trx, id, lists);
  await recordOp(trx, opWriter(ctx), 'consultation', id, {
    serial,
    origin_device: ctx.deviceId,
    ...columns,
    ...lists,
    ...stamps,
  });
  if (input.followUp) {
    await insertFollowUp(trx, ctx, { ...input.followUp, consultationId: id, caseId, personId });
  }
  await upsertSearchDoc(trx, id);
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

export async function assertActiveStaff(trx: Transaction<DB>, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const rows = await trx
    .selectFrom('staff')
    .select('id')
    .where('id', 'in', ids)
    .where('active', '=', 1)
    .execute();
  if (rows.length !== new Set(ids).size)
    throw new AppError('INVALID_INPUT', 'A responder is not an active staff member.');
}
