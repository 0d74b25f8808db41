// 相談の種別: who on the center's side the consultation was with.
import { codeGuard } from './vocab';

export const CONSULTATION_KINDS = [
  { code: 'professional', ja: '専門職', en: 'Professional' },
  { code: 'peer', ja: 'ピア', en: 'Peer' },
  { code: 'employment', ja: '就労', en: 'Employment' },
  { code: 'medical', ja: '医療相談', en: 'Medical consultation' },
] as const;

export type ConsultationKind = (typeof CONSULTATION_KINDS)[number]['code'];
export const isConsultationKind = codeGuard(CONSULTATION_KINDS);
