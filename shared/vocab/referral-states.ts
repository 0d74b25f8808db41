// States of a referral (DOMAIN §5): 依頼中 → 受理 / 辞退 → 完了, or 取消.
import { codeGuard } from './vocab';

export const REFERRAL_STATES = [
  { code: 'requested', ja: '依頼中', en: 'Requested' },
  { code: 'accepted', ja: '受理', en: 'Accepted' },
  { code: 'declined', ja: '辞退', en: 'Declined' },
  { code: 'completed', ja: '完了', en: 'Completed' },
  { code: 'cancelled', ja: '取消', en: 'Cancelled' },
] as const;

export type ReferralState = (typeof REFERRAL_STATES)[number]['code'];
export const isReferralState = codeGuard(REFERRAL_STATES);

/**
 * The moves a referral may make. A decline still ends in 完了 once the center has dealt with
 * it (found another place, told the person); 完了 and 取消 are final.
 */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralState, readonly ReferralState[]>> = {
  requested: ['accepted', 'declined', 'cancelled'],
  accepted: ['completed', 'cancelled'],
  declined: ['completed'],
  completed: [],
  cancelled: [],
};

export function mayTransition(from: ReferralState, to: ReferralState): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** A referral still waiting for its loop to close. */
export const isReferralOpen = (s: ReferralState) => s === 'requested' || s === 'accepted' || s === 'declined';
