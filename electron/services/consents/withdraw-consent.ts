import type { ConsentDto } from '../../../shared/contract/letters';
import { AppError } from '../../../shared/errors';
import { todayLocal } from '../context';
import type { WriteUnit } from '../unit-of-work';
import { getConsentDto, loadConsent } from './consent-dto';

/**
 * The person withdraws consent: from that day no letter may be issued under it. Letters issued
 * before stay in the register as they were (a withdrawal does not undo a provision).
 */
export async function withdrawConsent(
  ctx: WriteUnit,
  id: string,
  withdrawnOn: string,
  note: string | null,
): Promise<ConsentDto> {
  if (withdrawnOn > todayLocal(ctx))
    throw new AppError('INVALID_INPUT', 'A withdrawal cannot be dated in the future.');
  const trx = ctx.db;
  const before = await loadConsent(trx, id);
  if (before.withdrawn_on) throw new AppError('CONFLICT', 'The consent is already withdrawn.');
  if (withdrawnOn < before.obtained_on)
    throw new AppError('INVALID_INPUT', 'A withdrawal cannot come before the consent.');
  await ctx.records.consent.update(before, {
    withdrawn_on: withdrawnOn,
    withdrawn_by: ctx.actor.id,
    withdrawal_note: note,
  });
  ctx.audit.about({
    entity: 'consent',
    entityId: id,
    detail: { personId: before.person_id },
  });
  return getConsentDto(trx, id);
}
