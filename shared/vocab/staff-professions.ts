// 職種 of a responder (statistics table 8).
import { codeGuard } from './vocab';

export const STAFF_PROFESSIONS = [
  { code: 'nanbyo_counselor', ja: '難病相談支援員', en: 'Intractable disease counselor' },
  { code: 'public_health_nurse', ja: '保健師', en: 'Public health nurse' },
  { code: 'nurse', ja: '看護師', en: 'Nurse' },
  { code: 'social_worker', ja: '社会福祉士', en: 'Certified social worker' },
  { code: 'psychiatric_social_worker', ja: '精神保健福祉士', en: 'Psychiatric social worker' },
  { code: 'psychologist', ja: '臨床心理士・公認心理師', en: 'Clinical psychologist' },
  { code: 'physician', ja: '医師', en: 'Physician' },
  { code: 'clerical', ja: '事務', en: 'Office staff' },
  { code: 'peer_supporter', ja: 'ピア・サポーター', en: 'Peer supporter' },
  { code: 'other', ja: 'その他', en: 'Other' },
] as const;

export type StaffProfession = (typeof STAFF_PROFESSIONS)[number]['code'];
export const isStaffProfession = codeGuard(STAFF_PROFESSIONS);
