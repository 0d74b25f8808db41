import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../../db/audit';
import type { DB, PersonsTable } from '../../../db/schema';
import { recordOp } from '../../../db/sync/op-log';
import type { ConsultationDetail } from '../../../shared/contract/consultations';
import { AppError } from '../../../shared/errors';
import { can } from '../../../shared/permissions';
import { insertCase } from '../cases/insert-case';
import { nowIso, opWriter, requirePermission, type ServiceContext } from '../context';
import { insertFollowUp } from '../followups/insert-follow-up';
import { insertPerson } from '../persons/create-person';
import { upsertSearchDoc } from '../search/search-index';
import { assertEventExists } from './assert-event';
import {
  consultationColumns,
  consultationLists,
  writeConsultationLists,
  type ParsedConsultation,
} from './consultation-fields';
import { loadConsultation } from './load-consultation';
import { nextSerial } from './serial';
import { writeVersionSnapshot } from './version-snapshot';

/**
 * Records a consultation in one transaction: the person (new, existing or none), a case for a
 * 継続 consultation, the consultation and its lists, a follow-up, the search document, the ops
 * and the audit entry. Any failure leaves nothing behind.
 */
export async function recordConsultation(
  ctx: ServiceContext,
  input: ParsedConsultation,
): Promise<ConsultationDetail> {
  const id = await ctx.db.transaction().execute((trx) => recordConsultationTx(trx, ctx, input));
  return loadConsultation(ctx.db, id);
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
  requirePermission(ctx, 'consultation.record');
  if (input.followUp && !can(ctx.actor.role, 'followup.completeOwn')) {
    throw new AppError('FORBIDDEN', 'Your role may not create follow-ups.');
  }
  {
    const { personId, person } = await resolvePerson(trx, ctx, input);
    const responders = input.responders.length
      ? input.responders
      : [{ staffId: ctx.actor.id, profession: (ctx.actor.profession ?? 'other') as never }];
    await assertActiveStaff(
      trx,
      responders.map((r) => r.staffId),
    );
    await assertEventExists(trx, input.eventId);
    const caseId = await resolveCase(trx, ctx, input, personId, person);
    const healthCenterId =
      input.patient.healthCenterId ??
      (await healthCenterFor(trx, input.patient.municipalityCode ?? person?.municipality_code ?? null));
    const columns = consultationColumns(input, person, personId, caseId, healthCenterId);
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
    await writeVersionSnapshot(trx, id, 1, t, ctx.actor.id);
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
      detail: { serial, personId, caseId },
    });
    return id;
  }
}

async function resolvePerson(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  input: ParsedConsultation,
): Promise<{ personId: string | null; person: PersonsTable | null }> {
  const choice = input.person;
  if (choice.mode === 'anonymous') return { personId: null, person: null };
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

/** 継続: link the given open case, or open one for this person. */
async function resolveCase(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  input: ParsedConsultation,
  personId: string | null,
  person: PersonsTable | null,
): Promise<string | null> {
  if (input.caseId) {
    const c = await trx
      .selectFrom('cases')
      .select(['id', 'state'])
      .where('id', '=', input.caseId)
      .executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND', 'The chosen case does not exist.');
    if (c.state !== 'open') throw new AppError('CONFLICT', 'The chosen case is closed.');
    return c.id;
  }
  if (input.continuity !== 'continuing' && input.outcome !== 'continuing') return null;
  const who = person?.name ?? '匿名';
  return insertCase(trx, ctx, { personId, title: `${who} ${input.receivedAt.slice(0, 10)}` });
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

/** 管轄保健所 from the directory, when a 保健所 there lists the municipality as covered. */
export async function healthCenterFor(
  trx: Transaction<DB>,
  municipality: string | null,
): Promise<string | null> {
  if (!municipality) return null;
  const row = await trx
    .selectFrom('institutions')
    .select('id')
    .where('type', '=', 'health_center')
    .where('active', '=', 1)
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM json_each(covered_municipalities) WHERE value = ${municipality})`,
    )
    .executeTakeFirst();
  return row?.id ?? null;
}
