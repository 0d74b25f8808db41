import type { HandlerMap } from '../handler-types';
import { toConsentDtos } from './consent-dto';
import { recordConsent } from './record-consent';
import { withdrawConsent } from './withdraw-consent';

type ConsentChannels = 'consent.record' | 'consent.withdraw' | 'consent.list';

export const consentHandlers: HandlerMap<ConsentChannels> = {
  'consent.record': (ctx, i) => recordConsent(ctx, i),
  'consent.withdraw': (ctx, i) => withdrawConsent(ctx, i.id, i.withdrawnOn, i.note),
  'consent.list': async (ctx, i) => {
    const rows = await ctx.db
      .selectFrom('consents')
      .selectAll()
      .where('person_id', '=', i.personId)
      .orderBy('obtained_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return toConsentDtos(ctx.db, rows);
  },
};
