// 対応内容 (several may apply).
import { codeGuard } from './vocab';

export const RESPONSE_TYPES = [
  { code: 'listening', ja: '傾聴', en: 'Listening' },
  { code: 'information', ja: '情報提供', en: 'Information' },
  { code: 'explanation_advice', ja: '制度説明・助言', en: 'Explanation of services, advice' },
  { code: 'procedure_support', ja: '手続支援', en: 'Help with procedures' },
  { code: 'referral', ja: '関係機関紹介', en: 'Referral to an agency' },
  { code: 'coordination', ja: '連絡調整', en: 'Liaison and coordination' },
  { code: 'accompany', ja: '同行', en: 'Accompanied visit' },
  { code: 'patient_group_intro', ja: '患者会紹介', en: 'Introduction to a patient group' },
  { code: 'peer_support', ja: 'ピア・サポート', en: 'Peer support' },
  { code: 'to_medical_consultation', ja: '医療相談へ', en: 'Passed to a medical consultation' },
  { code: 'other', ja: 'その他', en: 'Other' },
] as const;

export type ResponseType = (typeof RESPONSE_TYPES)[number]['code'];
export const isResponseType = codeGuard(RESPONSE_TYPES);
