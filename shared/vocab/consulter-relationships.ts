// 相談者: who consulted, relative to the patient. `group` is what statistics count by.
import { codeGuard, type VocabEntry } from './vocab';

export const CONSULTER_GROUPS = [
  { code: 'self', ja: '本人', en: 'Patient' },
  { code: 'family', ja: '家族', en: 'Family' },
  { code: 'related', ja: '関係者', en: 'Professional or other party' },
  { code: 'general', ja: '一般', en: 'General public' },
  { code: 'anonymous', ja: '匿名', en: 'Anonymous' },
] as const;

export type ConsulterGroup = (typeof CONSULTER_GROUPS)[number]['code'];
export const isConsulterGroup = codeGuard(CONSULTER_GROUPS);

export const CONSULTER_RELATIONSHIPS = [
  { code: 'self', ja: '本人', en: 'Patient', group: 'self' },
  { code: 'spouse', ja: '配偶者', en: 'Spouse', group: 'family' },
  { code: 'parent', ja: '親', en: 'Parent', group: 'family' },
  { code: 'child', ja: '子', en: 'Child', group: 'family' },
  { code: 'sibling', ja: '兄弟姉妹', en: 'Sibling', group: 'family' },
  { code: 'other_family', ja: 'その他家族', en: 'Other family', group: 'family' },
  { code: 'medical_institution', ja: '医療機関', en: 'Medical institution', group: 'related' },
  { code: 'health_center', ja: '保健所', en: 'Public health center', group: 'related' },
  { code: 'municipality', ja: '市町村', en: 'Municipality', group: 'related' },
  { code: 'care_manager', ja: 'ケアマネジャー', en: 'Care manager', group: 'related' },
  { code: 'support_specialist', ja: '相談支援専門員', en: 'Disability support specialist', group: 'related' },
  { code: 'service_provider', ja: '事業所', en: 'Service provider', group: 'related' },
  { code: 'workplace', ja: '職場', en: 'Workplace', group: 'related' },
  { code: 'school', ja: '学校', en: 'School', group: 'related' },
  { code: 'general', ja: '一般', en: 'General public', group: 'general' },
  { code: 'anonymous', ja: '匿名', en: 'Anonymous', group: 'anonymous' },
] as const satisfies readonly (VocabEntry & { group: ConsulterGroup })[];

export type ConsulterRelationship = (typeof CONSULTER_RELATIONSHIPS)[number]['code'];
export const isConsulterRelationship = codeGuard(CONSULTER_RELATIONSHIPS);

export function consulterGroupOf(code: ConsulterRelationship): ConsulterGroup {
  const entry = CONSULTER_RELATIONSHIPS.find((r) => r.code === code);
  if (!entry) throw new RangeError(`unknown consulter relationship: ${code}`);
  return entry.group;
}
