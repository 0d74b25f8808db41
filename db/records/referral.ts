import { plainRecord } from './write-record';

/** Referrals from a consultation to an institution (0006). */
export const referralRecord = plainRecord('referral');
