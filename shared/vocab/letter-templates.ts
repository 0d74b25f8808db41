// The letter templates (DOMAIN §5, a proposal): T1–T4 go with a referral, T5 is the reply form
// the recipient sends back (enclosed with the letter, or printed alone).
import type { InstitutionType } from './institution-types';
import { INSTITUTION_TYPES } from './institution-types';
import { codeGuard } from './vocab';

export const LETTER_TEMPLATES = [
  { code: 't1', ja: 'T1 保健所への情報提供・支援依頼書', en: 'T1 Request to the public health center' },
  { code: 't2', ja: 'T2 就労支援連絡票', en: 'T2 Employment support referral' },
  { code: 't3', ja: 'T3 医療機関への紹介・受診調整依頼', en: 'T3 Referral to a medical institution' },
  {
    code: 't4',
    ja: 'T4 市町村・福祉/介護機関への連絡票',
    en: 'T4 Note to the municipality / welfare or care office',
  },
  { code: 't5', ja: 'T5 受付・返信票', en: 'T5 Acknowledgement and reply form' },
] as const;
export type LetterTemplate = (typeof LETTER_TEMPLATES)[number]['code'];
export const isLetterTemplate = codeGuard(LETTER_TEMPLATES);

/** The template a referral to this kind of institution starts with (the user may pick another). */
/** The templates that go with a referral (T5 is the reply form). */
export type ReferralTemplate = Exclude<LetterTemplate, 't5'>;

export function defaultTemplateFor(type: InstitutionType): ReferralTemplate {
  const sector = INSTITUTION_TYPES.find((t) => t.code === type)?.sector;
  if (sector === 'public_health') return 't1';
  if (sector === 'employment') return 't2';
  if (sector === 'medical') return 't3';
  return 't4';
}
