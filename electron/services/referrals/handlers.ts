import type { HandlerMap } from '../handler-types';
import { createReferral } from './create-referral';
import { getReferral, listReferrals } from './list-referrals';
import { recordReply } from './record-reply';
import { transitionReferral } from './transition-referral';

type ReferralChannels =
  'referral.create' | 'referral.transition' | 'referral.recordReply' | 'referral.get' | 'referral.list';

export const referralHandlers: HandlerMap<ReferralChannels> = {
  'referral.create': (ctx, i) => createReferral(ctx, i),
  'referral.transition': (ctx, i) => transitionReferral(ctx, i.id, i.to, i.note),
  'referral.recordReply': (ctx, i) => recordReply(ctx, i.id, i),
  'referral.get': (ctx, i) => getReferral(ctx, i.id),
  'referral.list': (ctx, i) => listReferrals(ctx, i),
};
