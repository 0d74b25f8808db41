// 身体障害者手帳: grade 1 (most severe) to 6.
import { codeGuard } from './vocab';

export const DISABILITY_CERTIFICATE_STATUSES = [
  { code: 'none', ja: 'なし', en: 'None', grade: null },
  { code: 'grade_1', ja: '1級', en: 'Grade 1', grade: 1 },
  { code: 'grade_2', ja: '2級', en: 'Grade 2', grade: 2 },
  { code: 'grade_3', ja: '3級', en: 'Grade 3', grade: 3 },
  { code: 'grade_4', ja: '4級', en: 'Grade 4', grade: 4 },
  { code: 'grade_5', ja: '5級', en: 'Grade 5', grade: 5 },
  { code: 'grade_6', ja: '6級', en: 'Grade 6', grade: 6 },
  { code: 'applying', ja: '申請中', en: 'Applied for', grade: null },
  { code: 'unknown', ja: '不明', en: 'Unknown', grade: null },
] as const;

export type DisabilityCertificateStatus = (typeof DISABILITY_CERTIFICATE_STATUSES)[number]['code'];
export const isDisabilityCertificateStatus = codeGuard(DISABILITY_CERTIFICATE_STATUSES);
