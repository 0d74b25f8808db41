// Consent to give a person's information to a third party (DOMAIN §5): how it was obtained, and
// which kinds of information it covers. Health information is 要配慮個人情報: each kind a letter
// carries must be covered.
import { codeGuard } from './vocab';

export const CONSENT_METHODS = [
  { code: 'verbal', ja: '口頭', en: 'Verbal' },
  { code: 'written', ja: '書面', en: 'Written' },
] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number]['code'];
export const isConsentMethod = codeGuard(CONSENT_METHODS);

export const CONSENT_DATA_ITEMS = [
  {
    code: 'identity',
    ja: '氏名・ふりがな・生年月日・性別・住所・連絡先',
    en: 'Name, furigana, birth date, sex, address, contact',
    short: '本人情報',
  },
  {
    code: 'disease',
    ja: '病名・診断の状況・受給者証',
    en: 'Disease, diagnosis status, recipient certificate',
    short: '病名等',
  },
  {
    code: 'medical',
    ja: '医療機関・主治医・症状の経過・治療・医療処置',
    en: 'Medical institutions, doctor, symptoms, treatment, devices',
    short: '医療',
  },
  {
    code: 'living',
    ja: '生活・介護の状況（ADL・介護者・利用中のサービス）',
    en: 'Daily living and care (ADL, carers, services)',
    short: '生活・介護',
  },
  { code: 'consultation', ja: '相談の経過と内容', en: 'Consultation history and content', short: '相談経過' },
  {
    code: 'employment',
    ja: '就労の状況・職歴・希望・配慮事項',
    en: 'Employment, work history, wishes, accommodations',
    short: '就労',
  },
  {
    code: 'certificates',
    ja: '障害者手帳・介護保険',
    en: 'Disability certificate, long-term care',
    short: '手帳・介護保険',
  },
] as const;
export type ConsentDataItem = (typeof CONSENT_DATA_ITEMS)[number]['code'];
export const isConsentDataItem = codeGuard(CONSENT_DATA_ITEMS);
