// A hospital's answer when asked to take a patient, and why it said no.
import { codeGuard } from './vocab';

export const CONTACT_ANSWERS = [
  { code: 'accepted', ja: '受入可', en: 'Can accept' },
  { code: 'refused', ja: '受入不可', en: 'Cannot accept' },
  { code: 'pending', ja: '検討中', en: 'Considering' },
] as const;
export type ContactAnswer = (typeof CONTACT_ANSWERS)[number]['code'];
export const isContactAnswer = codeGuard(CONTACT_ANSWERS);

export const REFUSAL_REASONS = [
  { code: 'no_beds', ja: '満床・空床なし', en: 'No free bed' },
  { code: 'ventilator', ja: '人工呼吸器の管理ができない', en: 'Cannot manage the ventilator' },
  { code: 'suction', ja: '頻回の吸引に対応できない', en: 'Cannot provide frequent suction' },
  { code: 'night_staffing', ja: '夜間の看護体制が足りない', en: 'Not enough nurses at night' },
  { code: 'specialty', ja: '専門外（神経難病の診療がない）', en: 'Outside its specialty' },
  { code: 'dates', ja: '希望の日程では受けられない', en: 'Not on the wanted dates' },
  { code: 'care_level', ja: '医療的ケアが受入基準を超える', en: 'Care needs beyond what it accepts' },
  { code: 'infection', ja: '感染症の対応中', en: 'Infection control in place' },
  { code: 'other', ja: 'その他', en: 'Other' },
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number]['code'];
export const isRefusalReason = codeGuard(REFUSAL_REASONS);
