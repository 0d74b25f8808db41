import type { CoordinationRequestDto } from '../../../shared/contract/coordination';
import { todayLocal } from '../context';
import type { WriteUnit } from '../unit-of-work';
import { loadRequest, writeRequestChange } from './request-change';
import { consentHolds, getRequestDto } from './request-dto';
import { CONSENT_GROUP, invalid, requireNotFuture } from './request-rules';

/**
 * The person withdraws consent: from then on no hospital may be contacted for this request.
 * Allowed on an ended request too (a person may withdraw at any time); the consent record
 * itself stays, with the day it was withdrawn.
 */
export async function withdrawConsent(
  ctx: WriteUnit,
  id: string,
  withdrawnOn: string | undefined,
): Promise<CoordinationRequestDto> {
  await ctx.write(async (w) => {
    const trx = w.db;
    const before = await loadRequest(trx, id);
    if (!consentHolds(before)) throw invalid('id', 'There is no consent in force to withdraw.');
    const day = withdrawnOn ?? todayLocal(ctx);
    requireNotFuture(ctx, day, 'withdrawnOn');
    if (day < before.consent_date!) throw invalid('withdrawnOn', 'Withdrawn before it was given.');
    await writeRequestChange(
      trx,
      ctx,
      before,
      { consent_withdrawn_on: day },
      'coordination.consentWithdrawn',
      {},
      CONSENT_GROUP,
    );
  });
  return getRequestDto(ctx.db, id);
}
