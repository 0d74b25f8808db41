// 介護保険 要介護度.
import { codeGuard } from './vocab';

export const LONG_TERM_CARE_LEVELS = [
  { code: 'none', ja: 'なし', en: 'None' },
  { code: 'support_1', ja: '要支援1', en: 'Support level 1' },
  { code: 'support_2', ja: '要支援2', en: 'Support level 2' },
  { code: 'care_1', ja: '要介護1', en: 'Care level 1' },
  { code: 'care_2', ja: '要介護2', en: 'Care level 2' },
  { code: 'care_3', ja: '要介護3', en: 'Care level 3' },
  { code: 'care_4', ja: '要介護4', en: 'Care level 4' },
  { code: 'care_5', ja: '要介護5', en: 'Care level 5' },
  { code: 'applying', ja: '申請中', en: 'Applied for' },
  { code: 'unknown', ja: '不明', en: 'Unknown' },
] as const;

export type LongTermCareLevel = (typeof LONG_TERM_CARE_LEVELS)[number]['code'];
export const isLongTermCareLevel = codeGuard(LONG_TERM_CARE_LEVELS);
