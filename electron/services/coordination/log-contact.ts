import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { CoordinationRequestsTable, DB } from '../../../db/schema';
import type { contactInput, CoordinationRequestDto } from '../../../shared/contract/coordination';
import { AppError } from '../../../shared/errors';
import { COORDINATION_KINDS } from '../../../shared/vocab/coordination-kinds';
import { INSTITUTION_TYPES } from '../../../shared/vocab/institution-types';
import { vocabLabel } from '../../../shared/vocab/vocab';
import { nowIso } from '../context';
import type { WriteUnit } from '../unit-of-work';
import { applyFollowUpChange, loadFollowUp } from '../followups/follow-up-change';
import { insertFollowUp } from '../followups/insert-follow-up';
import { nowLocalMinute, toMinute } from './local-time';
import { loadRequest, requireOpenRequest } from './request-change';
import { consentHolds, getRequestDto } from './request-dto';
import { invalid } from './request-rules';

export type ParsedContact = z.output<typeof contactInput>;

const MEDICAL_TYPES: ReadonlySet<string> = new Set(
  INSTITUTION_TYPES.filter((t) => t.sector === 'medical').map((t) => t.code),
);

/**
 * Asking a hospital gives it the patient's details, so it needs consent in force on the day of
 * the call: otherwise a coded refusal (COORDINATION_NO_CONSENT) and nothing is written.
 */
function requireConsent(r: CoordinationRequestsTable, day: string): void {
  if (!consentHolds(r) || r.consent_date! > day) {
    throw new AppError(
      'COORDINATION_NO_CONSENT',
      'No consent in force to give this person’s details to hospitals; record it before contacting one.',
    );
  }
}

/** The call-back follow-ups still open from earlier calls to this hospital for this request. */
async function openCallBacks(trx: Transaction<DB>, requestId: string, institutionId: string) {
  return trx
    .selectFrom('coordination_contacts as k')
    .innerJoin('follow_ups as f', 'f.id', 'k.follow_up_id')
    .select('f.id')
    .where('k.request_id', '=', requestId)
    .where('k.institution_id', '=', institutionId)
    .where('f.state', '=', 'open')
    .execute();
}

/**
 * Logs one call to one hospital and its answer, in one transaction:
 * - an earlier 検討中 from the same hospital is answered now: its call-back follow-up is done;
 * - a new 検討中 becomes a follow-up (due on the call-back day, owned by whoever called, linked
 *   to the person and the consultation) so the call-back shows in the daily 継続支援 view;
 * - the contact row, its op and the audit entry.
 */
export async function logContact(ctx: WriteUnit, input: ParsedContact): Promise<CoordinationRequestDto> {
  await ctx.write(async (w) => {
    const trx = w.db;
    const r = await loadRequest(trx, input.requestId);
    requireOpenRequest(r);
    const now = nowLocalMinute(ctx);
    const at = toMinute(input.contactedAt ?? now);
    if (at > now) throw invalid('contactedAt', 'The call is in the future.');
    if (at.slice(0, 10) < r.requested_on) throw invalid('contactedAt', 'The call is before the request.');
    requireConsent(r, at.slice(0, 10));
    const callBackAt = input.callBackAt ? toMinute(input.callBackAt) : null;
    if (callBackAt && callBackAt <= at)
      throw invalid('callBackAt', 'The call-back time is not after the call.');
    const hospital = await trx
      .selectFrom('institutions')
      .select(['id', 'name', 'type', 'active'])
      .where('id', '=', input.institutionId)
      .executeTakeFirst();
    if (!hospital || !hospital.active || !MEDICAL_TYPES.has(hospital.type))
      throw invalid('institutionId', 'Not an active medical institution of the directory.');

    for (const f of await openCallBacks(trx, r.id, hospital.id)) {
      await applyFollowUpChange(
        trx,
        ctx,
        await loadFollowUp(trx, f.id),
        { state: 'done', completed_at: nowIso(ctx), completed_by: ctx.actor.id },
        'followup.complete',
        { by: 'coordination.contact', requestId: r.id },
      );
    }
    let followUpId: string | null = null;
    if (input.answer === 'pending' && callBackAt) {
      const kind = vocabLabel(COORDINATION_KINDS, r.kind, 'ja') ?? r.kind;
      followUpId = await insertFollowUp(trx, ctx, {
        title: `${hospital.name}の回答を確認（${callBackAt.slice(11)}・${kind}の調整）`,
        dueDate: callBackAt.slice(0, 10),
        personId: r.person_id,
        consultationId: r.consultation_id,
      });
    }
    const id = await ctx.records.coordinationContact.insert({
      request_id: r.id,
      institution_id: hospital.id,
      contacted_at: at,
      contacted_by: ctx.actor.id,
      answer: input.answer,
      refusal_reason: input.answer === 'refused' ? (input.refusalReason ?? null) : null,
      refusal_note: input.answer === 'refused' ? input.refusalNote : null,
      call_back_at: callBackAt,
      follow_up_id: followUpId,
      note: input.note,
    });
    ctx.audit.about({
      entity: 'coordination_contact',
      entityId: id,
      detail: { requestId: r.id, institutionId: hospital.id, answer: input.answer },
    });
  });
  return getRequestDto(ctx.db, input.requestId);
}
