// Not exported from the vocabulary index: a list of INSTITUTION_TYPES codes, not a vocabulary.
import type { InstitutionType } from './institution-types';

/**
 * Designations a medical institution can hold besides its type (institutions.designations): a
 * hospital can be 難病診療連携拠点病院 and 難病医療拠点病院 at once (seed 第3条, 第4条, 附則第3条).
 */
export const INSTITUTION_DESIGNATIONS = [
  'hub_hospital',
  'medical_hub_hospital',
  'specialty_hub_hospital',
  'core_cooperating_hospital',
  'general_cooperating_institution',
  'nanbyo_cooperating_institution',
] as const satisfies readonly InstitutionType[];
export type InstitutionDesignation = (typeof INSTITUTION_DESIGNATIONS)[number];
