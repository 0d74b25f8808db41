// What a coordination request asks the hospitals for (入院・レスパイト調整, seed 埼玉県難病医療提供体制
// 整備事業実施要綱 第6条(1)(2), 第10条3(1)(3)).
import { codeGuard } from './vocab';

export const COORDINATION_KINDS = [
  { code: 'admission', ja: '入院', en: 'Admission' },
  { code: 'respite', ja: 'レスパイト（一時入院）', en: 'Respite (temporary admission)' },
  { code: 'transfer', ja: '転院', en: 'Transfer' },
  { code: 'diagnostic_visit', ja: '診断のための受診', en: 'Visit for diagnosis' },
] as const;

export type CoordinationKind = (typeof COORDINATION_KINDS)[number]['code'];
export const isCoordinationKind = codeGuard(COORDINATION_KINDS);

// Why the request was made (one per request; the free-text reason says the rest).
export const COORDINATION_REASONS = [
  { code: 'caregiver_rest', ja: '介護者の休息', en: 'Rest for the family carer' },
  { code: 'caregiver_illness', ja: '介護者の病気・入院', en: 'Carer ill or in hospital' },
  { code: 'caregiver_event', ja: '介護者の用事（冠婚葬祭など）', en: 'Carer away (family event etc.)' },
  { code: 'worsening', ja: '病状の悪化', en: 'Condition worsening' },
  { code: 'home_care_difficult', ja: '在宅療養の継続が困難', en: 'Care at home no longer possible' },
  { code: 'diagnosis', ja: '診断・検査のため', en: 'Diagnosis or tests' },
  { code: 'treatment', ja: '治療・処置のため（胃ろう造設など）', en: 'Treatment or procedure' },
  { code: 'other', ja: 'その他', en: 'Other' },
] as const;

export type CoordinationReason = (typeof COORDINATION_REASONS)[number]['code'];
export const isCoordinationReason = codeGuard(COORDINATION_REASONS);

// How soon a bed is needed; the board shows urgent requests first (the order of this list).
export const COORDINATION_URGENCIES = [
  { code: 'urgent', ja: '至急', en: 'Urgent' },
  { code: 'soon', ja: '早めに', en: 'Soon' },
  { code: 'planned', ja: '予定', en: 'Planned' },
] as const;

export type CoordinationUrgency = (typeof COORDINATION_URGENCIES)[number]['code'];
export const isCoordinationUrgency = codeGuard(COORDINATION_URGENCIES);

// 調整中 → 受入決定 / 取下げ / 不成立.
export const COORDINATION_STATES = [
  { code: 'open', ja: '調整中', en: 'Open' },
  { code: 'accepted', ja: '受入決定', en: 'Accepted' },
  { code: 'withdrawn', ja: '取下げ', en: 'Withdrawn' },
  { code: 'failed', ja: '不成立', en: 'No hospital found' },
] as const;

export type CoordinationState = (typeof COORDINATION_STATES)[number]['code'];
export const isCoordinationState = codeGuard(COORDINATION_STATES);

// How the person agreed that their details may be given to hospitals (DOMAIN §5).
