// 特定医療費（指定難病）受給者証.
import { codeGuard } from './vocab';

export const RECIPIENT_CERTIFICATE_STATUSES = [
  { code: 'held', ja: 'あり', en: 'Held' },
  { code: 'none', ja: 'なし', en: 'None' },
  { code: 'applying', ja: '申請中', en: 'Applied for' },
  { code: 'unknown', ja: '不明', en: 'Unknown' },
] as const;

export type RecipientCertificateStatus = (typeof RECIPIENT_CERTIFICATE_STATUSES)[number]['code'];
export const isRecipientCertificateStatus = codeGuard(RECIPIENT_CERTIFICATE_STATUSES);
