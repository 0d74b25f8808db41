// The medical needs that decide which hospital can take the patient (医療的ケア).
import { codeGuard } from './vocab';

export const VENTILATOR_NEEDS = [
  { code: 'none', ja: 'なし', en: 'None' },
  { code: 'nppv', ja: '人工呼吸器（NPPV・マスク）', en: 'Ventilator (NPPV, mask)' },
  { code: 'tppv', ja: '人工呼吸器（TPPV・気管切開）', en: 'Ventilator (TPPV, tracheostomy)' },
] as const;
export type VentilatorNeed = (typeof VENTILATOR_NEEDS)[number]['code'];
export const isVentilatorNeed = codeGuard(VENTILATOR_NEEDS);

export const SUCTION_NEEDS = [
  { code: 'none', ja: 'なし', en: 'None' },
  { code: 'occasional', ja: '吸引（時々）', en: 'Suction (now and then)' },
  { code: 'frequent', ja: '吸引（頻回・夜間も）', en: 'Suction (frequent, also at night)' },
] as const;
export type SuctionNeed = (typeof SUCTION_NEEDS)[number]['code'];
export const isSuctionNeed = codeGuard(SUCTION_NEEDS);

/**
 * 医療的ケアの程度. 第7条(2)・第8条(1) of the seed: 拠点病院 and 基幹協力病院 take patients who need
 * 高度の医療; 一般協力医療機関 (第9条) those who need 一般の医療.
 */
export const CARE_LEVELS = [
  { code: 'low', ja: '軽度', en: 'Light' },
  { code: 'moderate', ja: '中等度', en: 'Moderate' },
  { code: 'high', ja: '高度', en: 'High' },
] as const;
export type CareLevel = (typeof CARE_LEVELS)[number]['code'];
export const isCareLevel = codeGuard(CARE_LEVELS);
