// 医療機器・医療的ケア in use (several may apply).
import { codeGuard } from './vocab';

export const MEDICAL_DEVICES = [
  { code: 'ventilator_tppv', ja: '人工呼吸器（TPPV）', en: 'Ventilator (invasive, TPPV)' },
  { code: 'ventilator_nppv', ja: '人工呼吸器（NPPV）', en: 'Ventilator (non-invasive, NPPV)' },
  { code: 'suction', ja: '吸引', en: 'Suction' },
  { code: 'tube_feeding', ja: '胃ろう・経管栄養', en: 'Gastrostomy / tube feeding' },
  { code: 'home_oxygen', ja: '在宅酸素', en: 'Home oxygen' },
  { code: 'tracheostomy', ja: '気管切開', en: 'Tracheostomy' },
  { code: 'parenteral_nutrition', ja: '中心静脈栄養', en: 'Total parenteral nutrition' },
  { code: 'urinary_catheter', ja: '導尿・カテーテル', en: 'Urinary catheter' },
  { code: 'other', ja: 'その他', en: 'Other' },
] as const;

export type MedicalDevice = (typeof MEDICAL_DEVICES)[number]['code'];
export const isMedicalDevice = codeGuard(MEDICAL_DEVICES);
