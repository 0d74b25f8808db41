import { EVENT_KINDS } from '../contract/events';
import * as V from '../vocab';
import type { VocabEntry } from '../vocab/vocab';

/**
 * Code lists become i18next resources (`vocab.<list>.<code>`), so the screens translate codes
 * the same way as every other string, and both languages stay complete by construction.
 */
const LISTS = {
  method: V.CONSULTATION_METHODS,
  kind: V.CONSULTATION_KINDS,
  continuity: V.NEW_OR_CONTINUING,
  consulter: V.CONSULTER_RELATIONSHIPS,
  consulterGroup: V.CONSULTER_GROUPS,
  sex: V.SEXES,
  ageBand: V.AGE_BANDS,
  diagnosis: V.DIAGNOSIS_STATUSES,
  recipientCert: V.RECIPIENT_CERTIFICATE_STATUSES,
  disabilityCert: V.DISABILITY_CERTIFICATE_STATUSES,
  ltc: V.LONG_TERM_CARE_LEVELS,
  employment: V.EMPLOYMENT_STATUSES,
  living: V.LIVING_SITUATIONS,
  device: V.MEDICAL_DEVICES,
  category: V.CONTENT_CATEGORIES,
  response: V.RESPONSE_TYPES,
  outcome: V.OUTCOMES,
  profession: V.STAFF_PROFESSIONS,
  role: V.STAFF_ROLES,
  institutionType: V.INSTITUTION_TYPES,
  institutionCapability: V.INSTITUTION_CAPABILITIES,
  coordinationKind: V.COORDINATION_KINDS,
  coordinationReason: V.COORDINATION_REASONS,
  coordinationUrgency: V.COORDINATION_URGENCIES,
  coordinationState: V.COORDINATION_STATES,
  consentMethod: V.CONSENT_METHODS,
  ventilatorNeed: V.VENTILATOR_NEEDS,
  suctionNeed: V.SUCTION_NEEDS,
  careLevel: V.CARE_LEVELS,
  contactAnswer: V.CONTACT_ANSWERS,
  refusalReason: V.REFUSAL_REASONS,
  followUpState: V.FOLLOW_UP_STATES,
  caseState: V.CASE_STATES,
  diseaseGroup: V.DISEASE_GROUPS,
  eventKind: EVENT_KINDS,
  activityKind: V.ACTIVITY_KINDS,
  referralState: V.REFERRAL_STATES,
  consentItem: V.CONSENT_DATA_ITEMS,
  letterTemplate: V.LETTER_TEMPLATES,
} satisfies Record<string, readonly VocabEntry[]>;

// i18next splits keys on '.', and category codes contain dots ('1.2'): store them with '_'.
export const vocabKey = (code: string) => code.replace(/\./g, '_');

function build(lang: 'ja' | 'en') {
  return Object.fromEntries(
    Object.entries(LISTS).map(([name, list]) => [
      name,
      Object.fromEntries((list as readonly VocabEntry[]).map((e) => [vocabKey(e.code), e[lang]])),
    ]),
  ) as Record<keyof typeof LISTS, Record<string, string>>;
}

export const vocabJa = build('ja');
export const vocabEn = build('en');
export type VocabList = keyof typeof LISTS;
