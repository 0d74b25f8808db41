// 指定難病 disease groups in the order of the 難病情報センター group pages (#01–#14), then the
// extra buckets statistics need. `ja` of the first 14 is the exact text of the master list's
// `group` column.
import { codeGuard } from './vocab';

export const DISEASE_GROUPS = [
  { code: 'neuro', ja: '神経・筋疾患', en: 'Neurological and muscular diseases', designated: true },
  { code: 'metabolic', ja: '代謝疾患', en: 'Metabolic diseases', designated: true },
  {
    code: 'chromosomal_genetic',
    ja: '染色体・遺伝子異常',
    en: 'Chromosomal and genetic abnormalities',
    designated: true,
  },
  { code: 'immune', ja: '免疫疾患', en: 'Immunological diseases', designated: true },
  { code: 'cardiovascular', ja: '循環器疾患', en: 'Cardiovascular diseases', designated: true },
  { code: 'digestive', ja: '消化器疾患', en: 'Digestive diseases', designated: true },
  { code: 'endocrine', ja: '内分泌疾患', en: 'Endocrine diseases', designated: true },
  { code: 'hematologic', ja: '血液疾患', en: 'Hematological diseases', designated: true },
  { code: 'renal_urologic', ja: '腎・泌尿器疾患', en: 'Renal and urological diseases', designated: true },
  { code: 'respiratory', ja: '呼吸器疾患', en: 'Respiratory diseases', designated: true },
  {
    code: 'skin_connective',
    ja: '皮膚・結合組織疾患',
    en: 'Skin and connective tissue diseases',
    designated: true,
  },
  { code: 'bone_joint', ja: '骨・関節疾患', en: 'Bone and joint diseases', designated: true },
  {
    code: 'hearing_balance',
    ja: '聴覚・平衡機能疾患',
    en: 'Hearing and balance disorders',
    designated: true,
  },
  { code: 'visual', ja: '視覚疾患', en: 'Visual disorders', designated: true },
  {
    code: 'non_designated',
    ja: '指定難病以外',
    en: 'Not a designated intractable disease',
    designated: false,
  },
  {
    code: 'pediatric_chronic',
    ja: '小児慢性特定疾病',
    en: 'Specified pediatric chronic disease',
    designated: false,
  },
  { code: 'undiagnosed', ja: '未診断', en: 'Undiagnosed', designated: false },
  { code: 'unknown', ja: '不明', en: 'Unknown', designated: false },
] as const;

export type DiseaseGroup = (typeof DISEASE_GROUPS)[number]['code'];
export const isDiseaseGroup = codeGuard(DISEASE_GROUPS);

/** Code of a designated-disease group by its Japanese name in the master list, or undefined. */
export function diseaseGroupByJa(ja: string): DiseaseGroup | undefined {
  return DISEASE_GROUPS.find((g) => g.designated && g.ja === ja)?.code;
}
