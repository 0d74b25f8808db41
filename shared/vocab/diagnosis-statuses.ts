// 診断状況.
import { codeGuard } from './vocab';

export const DIAGNOSIS_STATUSES = [
  { code: 'confirmed', ja: '確定', en: 'Confirmed' },
  { code: 'suspected', ja: '疑い', en: 'Suspected' },
  { code: 'undiagnosed', ja: '未診断', en: 'Undiagnosed' },
  { code: 'unknown', ja: '不明', en: 'Unknown' },
] as const;

export type DiagnosisStatus = (typeof DIAGNOSIS_STATUSES)[number]['code'];
export const isDiagnosisStatus = codeGuard(DIAGNOSIS_STATUSES);
