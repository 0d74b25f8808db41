// What a hospital can take on (the directory's capabilities), so admission coordination can
// suggest who to call. A small controlled list; other tags stay free text (shown, not matched).
import { codeGuard, type VocabEntry } from './vocab';

export const INSTITUTION_CAPABILITIES = [
  { code: 'ventilator_tppv', ja: '人工呼吸器（TPPV）の受入', en: 'Accepts ventilator (TPPV)' },
  { code: 'ventilator_nppv', ja: '人工呼吸器（NPPV）の受入', en: 'Accepts ventilator (NPPV)' },
  { code: 'suction', ja: '吸引', en: 'Suction' },
  { code: 'frequent_suction', ja: '頻回吸引（夜間も）', en: 'Frequent suction (also at night)' },
  { code: 'gastrostomy', ja: '胃ろう・経管栄養', en: 'Gastrostomy / tube feeding' },
  { code: 'respite_beds', ja: 'レスパイト入院の病床', en: 'Respite beds' },
  { code: 'long_term_beds', ja: '長期療養の病床', en: 'Long-term care beds' },
  { code: 'neurology', ja: '脳神経内科', en: 'Neurology' },
  { code: 'nanbyo_diagnosis', ja: '難病の診断（専門外来）', en: 'Diagnosis of rare diseases' },
  { code: 'genetic_counselling', ja: '遺伝カウンセリング', en: 'Genetic counselling' },
] as const satisfies readonly VocabEntry[];

export type InstitutionCapability = (typeof INSTITUTION_CAPABILITIES)[number]['code'];
export const isInstitutionCapability = codeGuard(INSTITUTION_CAPABILITIES);
