// What a center does besides consultations and events (DOMAIN §1 work area Ⅴ; seeds: 協議会,
// 支援者会議; Ⅰ's 日常生活用具の展示). Codes are stable: statistics table 14 counts by them.
import { codeGuard, type VocabEntry } from './vocab';

export const ACTIVITY_KINDS = [
  { code: 'regional_support', ja: '地域支援対策事業', en: 'Regional support project (V)' },
  { code: 'council', ja: '協議会', en: 'Council meeting' },
  { code: 'support_meeting', ja: '支援者会議', en: 'Supporter meeting' },
  { code: 'equipment_display', ja: '日常生活用具の展示', en: 'Daily-living equipment display' },
] as const satisfies readonly VocabEntry[];

export type ActivityKind = (typeof ACTIVITY_KINDS)[number]['code'];
export const isActivityKind = codeGuard(ACTIVITY_KINDS);
