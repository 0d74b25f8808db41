import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../../db/schema';
import type { CoordinationRequestDto, endRequestInput } from '../../../shared/contract/coordination';
import { todayLocal } from '../context';
import type { WriteUnit } from '../unit-of-work';
import { applyFollowUpChange, loadFollowUp } from '../followups/follow-up-change';
import { loadRequest, requireOpenRequest, writeRequestChange, type RequestColumns } from './request-change';
import { getRequestDto } from './request-dto';
import { END_GROUP, invalid, requireNotFuture } from './request-rules';

export type ParsedEnd = z.output<typeof endRequestInput>;

/** The hospital's latest answer for this request (by call time), or null if never asked. */
async function lastAnswer(trx: Transaction<DB>, requestId: string, institutionId: string) {
  const row = await trx
    .selectFrom('coordination_contacts')
    .select('answer')
    .where('request_id', '=', requestId)
    .where('institution_id', '=', institutionId)
    .orderBy('contacted_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.answer ?? null;
}

/**
 * Ends a request: 受入決定 (a hospital whose latest answer is 受入可, and the dates of the stay),
 * 取下げ, or 不成立. Call-backs still open for it are cancelled: nobody needs to ring back.
 * The end fields are written as one group (see writeRequestChange).
 */
export async function endRequest(ctx: WriteUnit, input: ParsedEnd): Promise<CoordinationRequestDto> {
  await ctx.write(async (w) => {
    const trx = w.db;
    const before = await loadRequest(trx, input.id);
    requireOpenRequest(before);
    const endedOn = input.endedOn ?? todayLocal(ctx);
    requireNotFuture(ctx, endedOn, 'endedOn');
    if (endedOn < before.requested_on) throw invalid('endedOn', 'The request ends before it was made.');
    const accepted =
      input.outcome === 'accepted'
        ? { institution: input.institutionId, from: input.acceptedFrom, to: input.acceptedTo }
        : null;
    if (accepted && (await lastAnswer(trx, before.id, accepted.institution)) !== 'accepted')
      throw invalid('institutionId', 'This hospital has not answered 受入可 for this request.');
    const next: Partial<RequestColumns> = {
      state: input.outcome,
      accepted_institution_id: accepted?.institution ?? null,
      accepted_from: accepted?.from ?? null,
      accepted_to: accepted?.to ?? null,
      ended_on: endedOn,
      ended_by: ctx.actor.id,
      end_note: input.note,
    };
    const callBacks = await trx
      .selectFrom('coordination_contacts as k')
      .innerJoin('follow_ups as f', 'f.id', 'k.follow_up_id')
      .select('f.id')
      .where('k.request_id', '=', before.id)
      .where('f.state', '=', 'open')
      .execute();
    for (const f of callBacks) {
      await applyFollowUpChange(
        trx,
        ctx,
        await loadFollowUp(trx, f.id),
        { state: 'cancelled' },
        'followup.cancel',
        {
          by: 'coordination.end',
          requestId: before.id,
        },
      );
    }
    await writeRequestChange(
      trx,
      ctx,
      before,
      next,
      'coordination.end',
      { outcome: input.outcome, institutionId: accepted?.institution ?? null },
      END_GROUP,
    );
  });
  return getRequestDto(ctx.db, input.id);
}
