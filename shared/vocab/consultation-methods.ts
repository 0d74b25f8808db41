// 相談方法: how a consultation reached the center.
import { codeGuard } from './vocab';

export const CONSULTATION_METHODS = [
  { code: 'phone', ja: '電話', en: 'Phone' },
  { code: 'in_person', ja: '来所面接', en: 'In person at the center' },
  { code: 'email', ja: 'メール', en: 'Email' },
  { code: 'fax', ja: 'FAX', en: 'Fax' },
  { code: 'letter', ja: '手紙', en: 'Letter' },
  { code: 'home_visit', ja: '訪問', en: 'Home visit' },
  { code: 'outreach', ja: '出張相談', en: 'Outreach consultation' },
  { code: 'online', ja: 'オンライン', en: 'Online' },
  { code: 'accompany', ja: '同行', en: 'Accompanied visit' },
  { code: 'other', ja: 'その他', en: 'Other' },
] as const;

export type ConsultationMethod = (typeof CONSULTATION_METHODS)[number]['code'];
export const isConsultationMethod = codeGuard(CONSULTATION_METHODS);
