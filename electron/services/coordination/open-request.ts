import type { z } from 'zod';
import type { CoordinationRequestDto, openRequestInput } from '../../../shared/contract/coordination';
import { AppError } from '../../../shared/errors';
import { todayLocal } from '../context';
import type { WriteUnit } from '../unit-of-work';
import type { RequestColumns } from './request-change';
import { getRequestDto } from './request-dto';
import { consentColumns, invalid, needsColumns, requireActiveStaff, requireNotFuture } from './request-rules';

export type ParsedOpenRequest = z.output<typeof openRequestInput>;

/**
 * Opens a request to find a bed (or a visit) for the person of a consultation. The patient must
 * be a registered person: a hospital cannot be asked about someone anonymous. Consent may be
 * recorded now or later; without it the request can be planned but no hospital contacted.
 */
export async function openRequest(ctx: WriteUnit, input: ParsedOpenRequest): Promise<CoordinationRequestDto> {
  const id = await ctx.write(async (w) => {
    const trx = w.db;
    const c = await trx
      .selectFrom('consultations')
      .select(['id', 'person_id'])
      .where('id', '=', input.consultationId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND', 'No such consultation.');
    if (!c.person_id)
      throw invalid('consultationId', 'The consultation has no registered person; coordination needs one.');
    const ownerId = input.ownerId ?? ctx.actor.id;
    await requireActiveStaff(trx, ownerId, 'ownerId');
    const requestedOn = input.requestedOn ?? todayLocal(ctx);
    requireNotFuture(ctx, requestedOn, 'requestedOn');
    if (input.wantedFrom < requestedOn)
      throw invalid('wantedFrom', 'The wanted date is before the day of the request.');
    const columns: RequestColumns = {
      person_id: c.person_id,
      consultation_id: c.id,
      kind: input.kind,
      reason: input.reason,
      reason_note: input.reasonNote,
      requested_on: requestedOn,
      wanted_from: input.wantedFrom,
      wanted_to: input.wantedTo,
      ...needsColumns(input.needs),
      urgency: input.urgency,
      owner_id: ownerId,
      ...(input.consent
        ? await consentColumns(trx, ctx, input.consent)
        : { consent_method: null, consent_date: null, consent_by: null, consent_withdrawn_on: null }),
      state: 'open',
      accepted_institution_id: null,
      accepted_from: null,
      accepted_to: null,
      ended_on: null,
      ended_by: null,
      end_note: null,
    };
    const newId = await ctx.records.coordinationRequest.insert(columns);
    ctx.audit.about({
      entity: 'coordination_request',
      entityId: newId,
      detail: { consultationId: c.id, personId: c.person_id, kind: input.kind, consent: !!input.consent },
    });
    return newId;
  });
  return getRequestDto(ctx.db, id);
}
