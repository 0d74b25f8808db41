// Types of partner institutions (referral destinations, letter addressees). `sector` groups
// them for statistics and for choosing a letter template.
import { codeGuard, type VocabEntry } from './vocab';

export const INSTITUTION_SECTORS = [
  { code: 'public_health', ja: '保健所', en: 'Public health' },
  { code: 'medical', ja: '医療機関', en: 'Medical' },
  { code: 'employment', ja: '就労支援機関', en: 'Employment support' },
  { code: 'municipal', ja: '市町村', en: 'Municipality' },
  { code: 'welfare', ja: '福祉・介護', en: 'Welfare and care' },
  { code: 'peer', ja: '患者会・家族会', en: 'Patient and family groups' },
  { code: 'other', ja: 'その他', en: 'Other' },
] as const;

export type InstitutionSector = (typeof INSTITUTION_SECTORS)[number]['code'];
export const isInstitutionSector = codeGuard(INSTITUTION_SECTORS);

export const INSTITUTION_TYPES = [
  { code: 'health_center', ja: '保健所', en: 'Public health center', sector: 'public_health' },
  {
    code: 'hub_hospital',
    ja: '難病診療連携拠点病院',
    en: 'Intractable disease hub hospital',
    sector: 'medical',
  },
  {
    code: 'medical_hub_hospital',
    ja: '難病医療拠点病院',
    en: 'Intractable disease medical hub hospital (inpatient network)',
    sector: 'medical',
  },
  {
    code: 'specialty_hub_hospital',
    ja: '難病診療分野別拠点病院',
    en: 'Intractable disease specialty hub hospital',
    sector: 'medical',
  },
  {
    code: 'core_cooperating_hospital',
    ja: '基幹協力病院',
    en: 'Core cooperating hospital',
    sector: 'medical',
  },
  {
    code: 'general_cooperating_institution',
    ja: '一般協力医療機関',
    en: 'General cooperating medical institution',
    sector: 'medical',
  },
  {
    code: 'nanbyo_cooperating_institution',
    ja: '難病医療協力医療機関',
    en: 'Intractable disease cooperating medical institution',
    sector: 'medical',
  },
  { code: 'other_medical', ja: 'その他医療機関', en: 'Other medical institution', sector: 'medical' },
  {
    code: 'hello_work',
    ja: 'ハローワーク',
    en: 'Hello Work (public employment office)',
    sector: 'employment',
  },
  {
    code: 'vocational_center',
    ja: '障害者職業センター',
    en: 'Vocational center for persons with disabilities',
    sector: 'employment',
  },
  {
    code: 'employment_life_support_center',
    ja: '障害者就業・生活支援センター',
    en: 'Employment and life support center',
    sector: 'employment',
  },
  {
    code: 'municipal_disability',
    ja: '市町村（障害福祉）',
    en: 'Municipality (disability welfare)',
    sector: 'municipal',
  },
  {
    code: 'municipal_long_term_care',
    ja: '市町村（介護保険）',
    en: 'Municipality (long-term care insurance)',
    sector: 'municipal',
  },
  {
    code: 'municipal_health_insurance',
    ja: '市町村（国保）',
    en: 'Municipality (national health insurance)',
    sector: 'municipal',
  },
  { code: 'municipal_children', ja: '市町村（こども）', en: 'Municipality (children)', sector: 'municipal' },
  { code: 'municipal_other', ja: '市町村（その他）', en: 'Municipality (other)', sector: 'municipal' },
  {
    code: 'community_support_center',
    ja: '地域包括支援センター',
    en: 'Community general support center',
    sector: 'welfare',
  },
  {
    code: 'consultation_support_office',
    ja: '相談支援事業所',
    en: 'Disability consultation support office',
    sector: 'welfare',
  },
  { code: 'social_welfare_council', ja: '社会福祉協議会', en: 'Social welfare council', sector: 'welfare' },
  {
    code: 'patient_family_association',
    ja: '患者会・家族会',
    en: 'Patient or family association',
    sector: 'peer',
  },
  {
    code: 'nanbyo_info_center',
    ja: '難病情報センター',
    en: 'Japan Intractable Diseases Information Center',
    sector: 'other',
  },
  { code: 'other', ja: 'その他', en: 'Other', sector: 'other' },
] as const satisfies readonly (VocabEntry & { sector: InstitutionSector })[];

export type InstitutionType = (typeof INSTITUTION_TYPES)[number]['code'];
export const isInstitutionType = codeGuard(INSTITUTION_TYPES);
