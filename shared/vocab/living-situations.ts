// 生活状況.
import { codeGuard } from './vocab';

export const LIVING_SITUATIONS = [
  { code: 'alone', ja: '独居', en: 'Lives alone' },
  { code: 'with_family', ja: '家族同居', en: 'Lives with family' },
  { code: 'in_facility', ja: '施設入所', en: 'In a residential facility' },
  { code: 'in_hospital', ja: '入院中', en: 'In hospital' },
  { code: 'other', ja: 'その他', en: 'Other' },
  { code: 'unknown', ja: '不明', en: 'Unknown' },
] as const;

export type LivingSituation = (typeof LIVING_SITUATIONS)[number]['code'];
export const isLivingSituation = codeGuard(LIVING_SITUATIONS);
