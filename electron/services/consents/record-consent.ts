import type { ConsentDto } from '../../../shared/contract/letters';
import { AppError } from '../../../shared/errors';
import { todayLocal } from '../context';
import type { WriteUnit } from '../unit-of-work';
import { getConsentDto } from './consent-dto';

export interface NewConsent {
  personId: string;
  referralId?: string | null | undefined;
  recipientIds: string[];
  dataItems: string[];
  method: 'verbal' | 'written';
  obtainedOn: string;
  obtainedBy?: string | undefined;
  note: string | null;
}

/**
 * Records a person's consent to give the listed kinds of information to the listed recipients
 * (verbal consent written down, or a signed form): scope, method, date, who obtained it.
 */
export async function recordConsent(ctx: WriteUnit, input: NewConsent): Promise<ConsentDto> {
  if (input.obtainedOn > todayLocal(ctx))
    throw new AppError('INVALID_INPUT', 'Consent cannot be dated in the future.');
  const recipients = [...new Set(input.recipientIds)];
  const items = [...new Set(input.dataItems)];
  const trx = ctx.db;
  const person = await trx
    .selectFrom('persons')
    .select('id')
    .where('id', '=', input.personId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!person) throw new AppError('INVALID_INPUT', 'No such person.');
  if (input.referralId) {
    const r = await trx
      .selectFrom('referrals')
      .select('person_id')
      .where('id', '=', input.referralId)
      .executeTakeFirst();
    if (!r || r.person_id !== input.personId)
      throw new AppError('INVALID_INPUT', 'The referral belongs to another person.');
  }
  const known = await trx.selectFrom('institutions').select('id').where('id', 'in', recipients).execute();
  if (known.length !== recipients.length) throw new AppError('INVALID_INPUT', 'Unknown recipient.');
  const obtainedBy = input.obtainedBy ?? ctx.actor.id;
  const staff = await trx.selectFrom('staff').select('id').where('id', '=', obtainedBy).executeTakeFirst();
  if (!staff) throw new AppError('INVALID_INPUT', 'Unknown staff member.');
  const id = await ctx.records.consent.insert({
    person_id: input.personId,
    referral_id: input.referralId ?? null,
    recipient_ids: JSON.stringify(recipients),
    data_items: JSON.stringify(items),
    method: input.method,
    obtained_on: input.obtainedOn,
    obtained_by: obtainedBy,
    note: input.note,
    withdrawn_on: null,
    withdrawn_by: null,
    withdrawal_note: null,
  });
  ctx.audit.about({
    entity: 'consent',
    entityId: id,
    detail: { personId: input.personId, recipients, dataItems: items, method: input.method },
  });
  return getConsentDto(trx, id);
}
