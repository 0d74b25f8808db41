// 性別 as recorded for statistics (age band × sex).
import { codeGuard } from './vocab';

export const SEXES = [
  { code: 'male', ja: '男', en: 'Male' },
  { code: 'female', ja: '女', en: 'Female' },
  { code: 'other_unknown', ja: 'その他・不明', en: 'Other / unknown' },
] as const;

export type Sex = (typeof SEXES)[number]['code'];
export const isSex = codeGuard(SEXES);
