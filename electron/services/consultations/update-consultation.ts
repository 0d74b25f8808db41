import type { Transaction } from 'kysely';
import { writeAudit } from '../../../db/audit';
import { requireActiveStaff } from '../../../db/records/staff';
import type { DB } from '../../../db/schema';
import type { ConsultationDetail } from '../../../shared/contract/consultations';
import { AppError } from '../../../shared/errors';
import { recordsIn, requirePermission, type ServiceContext } from '../context';
import { insertFollowUp } from '../followups/insert-follow-up';
import { insertPerson } from '../persons/create-person';
import { consultationColumns, consultationLists, type ParsedConsultation } from './consultation-fields';
import { assertEventExists } from './assert-event';
import { loadConsultation } from './load-consultation';
import { caseFor, consultationFacts } from './consultation-facts';
import type { ConsultationWarning } from '../../../shared/validation/consultation-warnings';

/**
 * Edits a consultation. The caller sends the whole form and the version it started from; a
 * stale version is a CONFLICT (someone saved in between). Only changed fields reach the op
 * log; the previous state stays in the version history.
 */
export async function updateConsultation(
  ctx: ServiceContext,
  id: string,
  expectedVersion: number,
  input: ParsedConsultation,
): Promise<ConsultationDetail> {
  requirePermission(ctx, 'consultation.edit');
  let warnings: ConsultationWarning[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('consultations')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'No such consultation.');
    if (before.version !== expectedVersion) {
      throw new AppError(
        'CONFLICT',
        `The consultation was changed meanwhile (now version ${before.version}).`,
      );
    }
    const personId =
      input.person.mode === 'anonymous'
        ? null
        : input.person.mode === 'new'
          ? await insertPerson(trx, ctx, input.person.data)
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
    const found = await consultationFacts(trx, ctx, input, person ?? null, personId, id);
    warnings = found.warnings;
    let caseId = input.caseId === undefined ? before.case_id : input.caseId;
    if (caseId && caseId !== before.case_id) await assertOpenCase(trx, caseId);
    // no case yet: the same rule as when it was recorded (an open case of the person, or a new
    // one on the consultation's date when the outcome is 継続)
    if (!caseId)
      caseId = await caseFor(
        trx,
        ctx,
        { ...input, caseId: null },
        personId,
        person ?? null,
        found.facts.continuity.continuity,
      );
    const columns = consultationColumns(input, person ?? null, personId, { ...found.facts, caseId });
    if (columns.fiscal_year !== before.fiscal_year) {
      throw new AppError(
        'INVALID_INPUT',
        'Moving a consultation to another fiscal year changes its serial: record it anew.',
      );
    }
    const changed = await recordsIn(trx, ctx).consultation.update(before, columns, loadConsultation, {
      lists: consultationLists({ ...input, responders }, columns.main_category),
      // a follow-up added from the edit form is a new version too
      touch: !!input.followUp,
    });
    if (changed.length === 0 && !input.followUp) return;
    if (input.followUp)
      await insertFollowUp(trx, ctx, { ...input.followUp, consultationId: id, caseId, personId });
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'consultation.update',
      entity: 'consultation',
      entityId: id,
      detail: { version: before.version + 1, fields: changed },
    });
  });
  return { ...(await loadConsultation(ctx.db, id)), warnings };
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
  ctx: ServiceContext,
  id: string,
  caseId: string | null,
): Promise<ConsultationDetail> {
  requirePermission(ctx, 'consultation.edit');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'No such consultation.');
    if (before.case_id === caseId) return;
    if (caseId) await assertOpenCase(trx, caseId);
    await recordsIn(trx, ctx).consultation.update(before, { case_id: caseId }, loadConsultation);
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'consultation.link-case',
      entity: 'consultation',
      entityId: id,
      detail: { caseId },
    });
  });
  return loadConsultation(ctx.db, id);
}
