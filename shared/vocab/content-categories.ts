// 相談内容 (DOMAIN §3). Codes are ours and stable: '1'..'9' top level, '1.1'.. sub-categories.
// A record stores leaf codes only: a sub-category, or a top level that has none (9).
import { codeGuard, type VocabEntry } from './vocab';

export const CONTENT_CATEGORIES = [
  { code: '1', parent: null, ja: '病気・医療', en: 'Illness and medical care' },
  { code: '1.1', parent: '1', ja: '病気の理解・症状', en: 'Understanding the illness, symptoms' },
  { code: '1.2', parent: '1', ja: '治療・薬', en: 'Treatment and medication' },
  {
    code: '1.3',
    parent: '1',
    ja: '治療法選択・意思決定・告知',
    en: 'Treatment choice, decision-making, disclosure',
  },
  {
    code: '1.4',
    parent: '1',
    ja: '医療機関・専門医・セカンドオピニオン',
    en: 'Hospitals, specialists, second opinions',
  },
  { code: '1.5', parent: '1', ja: '未診断', en: 'Undiagnosed condition' },
  { code: '1.6', parent: '1', ja: '遺伝・遺伝カウンセリング', en: 'Genetics, genetic counselling' },
  {
    code: '1.7',
    parent: '1',
    ja: '医療処置管理（呼吸器・吸引・胃ろう）',
    en: 'Medical care at home (ventilator, suction, gastrostomy)',
  },
  { code: '1.8', parent: '1', ja: '栄養・食事', en: 'Nutrition and diet' },
  {
    code: '1.9',
    parent: '1',
    ja: 'リハビリ・ADL・コミュニケーション手段',
    en: 'Rehabilitation, daily living, communication aids',
  },
  { code: '2', parent: null, ja: '療養の場・介護', en: 'Place of care, long-term care' },
  { code: '2.1', parent: '2', ja: '在宅療養・訪問看護/介護', en: 'Care at home, visiting nursing and care' },
  { code: '2.2', parent: '2', ja: '入院・転院・レスパイト', en: 'Admission, transfer, respite' },
  { code: '2.3', parent: '2', ja: '施設入所', en: 'Residential facilities' },
  { code: '2.4', parent: '2', ja: '介護保険', en: 'Long-term care insurance' },
  { code: '2.5', parent: '2', ja: '介護負担・家族支援', en: 'Caregiver burden, family support' },
  { code: '3', parent: null, ja: '制度・手続', en: 'Public services and procedures' },
  {
    code: '3.1',
    parent: '3',
    ja: '特定医療費（申請・更新・軽症高額）',
    en: 'Specified medical expense subsidy (application, renewal, mild high-cost)',
  },
  {
    code: '3.2',
    parent: '3',
    ja: '小児慢性・移行期',
    en: 'Pediatric chronic diseases, transition to adult care',
  },
  {
    code: '3.3',
    parent: '3',
    ja: '障害者手帳・障害福祉サービス',
    en: 'Disability certificates, disability welfare services',
  },
  {
    code: '3.4',
    parent: '3',
    ja: '障害年金・経済・生活保護',
    en: 'Disability pension, finances, public assistance',
  },
  { code: '3.5', parent: '3', ja: '日常生活用具・補装具', en: 'Daily living equipment, assistive devices' },
  { code: '3.6', parent: '3', ja: '住居', en: 'Housing' },
  { code: '3.7', parent: '3', ja: 'その他公的手続', en: 'Other public procedures' },
  { code: '4', parent: null, ja: '就労・就学', en: 'Work and school' },
  { code: '4.1', parent: '4', ja: '就職活動', en: 'Job seeking' },
  { code: '4.2', parent: '4', ja: '就労継続・両立支援', en: 'Staying in work, balancing work and treatment' },
  { code: '4.3', parent: '4', ja: '休職・復職・退職', en: 'Leave, return to work, leaving work' },
  { code: '4.4', parent: '4', ja: '就労系福祉サービス', en: 'Employment-related welfare services' },
  { code: '4.5', parent: '4', ja: '就学', en: 'School' },
  { code: '5', parent: null, ja: '心理・社会', en: 'Psychological and social' },
  { code: '5.1', parent: '5', ja: '不安・気持ちの整理', en: 'Anxiety, sorting out feelings' },
  { code: '5.2', parent: '5', ja: '喪失感・孤独感', en: 'Loss, loneliness' },
  { code: '5.3', parent: '5', ja: '家族関係', en: 'Family relationships' },
  { code: '5.4', parent: '5', ja: '人間関係・偏見', en: 'Relationships, prejudice' },
  { code: '6', parent: null, ja: '交流・ピア', en: 'Peer exchange' },
  { code: '6.1', parent: '6', ja: '患者会・家族会紹介', en: 'Introduction to patient and family groups' },
  { code: '6.2', parent: '6', ja: 'ピア相談', en: 'Peer consultation' },
  { code: '6.3', parent: '6', ja: '交流会参加', en: 'Joining exchange meetings' },
  { code: '7', parent: null, ja: '災害・緊急時', en: 'Disasters and emergencies' },
  { code: '7.1', parent: '7', ja: '個別避難計画', en: 'Individual evacuation plan' },
  { code: '7.2', parent: '7', ja: '電源確保', en: 'Power supply for devices' },
  { code: '8', parent: null, ja: '支援者からの相談', en: 'Consultations from supporters' },
  {
    code: '8.1',
    parent: '8',
    ja: '支援者間調整・支援者会議',
    en: 'Coordination among supporters, case meetings',
  },
  { code: '8.2', parent: '8', ja: '研修・情報提供依頼', en: 'Requests for training or information' },
  { code: '9', parent: null, ja: 'センター事業の問合せ・その他', en: 'Questions about the center, other' },
] as const satisfies readonly (VocabEntry & { parent: string | null })[];

export type ContentCategory = (typeof CONTENT_CATEGORIES)[number]['code'];
export const isContentCategory = codeGuard(CONTENT_CATEGORIES);

const parents: ReadonlySet<string> = new Set(CONTENT_CATEGORIES.flatMap((c) => (c.parent ? [c.parent] : [])));

/** Leaf categories: the values a consultation record may store. */
export const RECORDABLE_CONTENT_CATEGORIES = CONTENT_CATEGORIES.filter((c) => !parents.has(c.code));

export function isRecordableContentCategory(value: unknown): value is ContentCategory {
  return isContentCategory(value) && !parents.has(value);
}

/** Top-level code of any category ('3.4' → '3', '9' → '9'). */
export function topContentCategoryOf(code: ContentCategory): ContentCategory {
  const entry = CONTENT_CATEGORIES.find((c) => c.code === code);
  return entry?.parent ?? code;
}
