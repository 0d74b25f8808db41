// 就労状況 (statistics table 9 counts 求職/在職/休職 from this).
import { codeGuard } from './vocab';

export const EMPLOYMENT_STATUSES = [
  { code: 'employed', ja: '就労中', en: 'Employed' },
  { code: 'job_seeking', ja: '求職中', en: 'Seeking work' },
  { code: 'on_leave', ja: '休職中', en: 'On leave' },
  { code: 'not_working', ja: '離職・未就労', en: 'Left work / not working' },
  { code: 'student', ja: '就学中', en: 'In education' },
  { code: 'other', ja: 'その他', en: 'Other' },
  { code: 'unknown', ja: '不明', en: 'Unknown' },
] as const;

export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number]['code'];
export const isEmploymentStatus = codeGuard(EMPLOYMENT_STATUSES);
