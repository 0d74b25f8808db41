// What each letter template asks for (DOMAIN §5): its title, the purposes to tick, the free-text
// sections and choices, and which kind of information (consent data item) each part carries.
// The renderer's editor and the main process's templates both read this one list.
import type { ConsentDataItem } from '../vocab/consent';
import type { LetterTemplate } from '../vocab/letter-templates';

export interface Labelled {
  code: string;
  ja: string;
  en: string;
}
export interface SectionSpec {
  key: string;
  ja: string;
  en: string;
  item: ConsentDataItem;
  /** textarea height in the editor */
  rows: number;
}
export interface ChoiceSpec {
  key: string;
  ja: string;
  en: string;
  item: ConsentDataItem;
  options: readonly Labelled[];
}
export interface TemplateSpec {
  code: LetterTemplate;
  /** the document's own title, printed on it */
  title: string;
  purposeHeading: { ja: string; en: string };
  purposes: readonly Labelled[];
  sections: readonly SectionSpec[];
  choices: readonly ChoiceSpec[];
  /** what the letter carries unless the user leaves parts out */
  defaultItems: readonly ConsentDataItem[];
  /** lists the consultation history (dates, methods, topics) */
  history: boolean;
}

const s = (key: string, ja: string, en: string, item: ConsentDataItem, rows = 3): SectionSpec => ({
  key,
  ja,
  en,
  item,
  rows,
});

export const TEMPLATE_SPECS: Readonly<Record<LetterTemplate, TemplateSpec>> = {
  t1: {
    code: 't1',
    title: '難病患者の支援に関する情報提供・支援依頼書',
    purposeHeading: { ja: '依頼の理由', en: 'Reason for the request' },
    purposes: [
      { code: 'home_visit', ja: '家庭訪問', en: 'Home visit' },
      { code: 'care_meeting', ja: '支援者会議（ケア会議）の開催', en: 'Care meeting' },
      { code: 'disaster_plan', ja: '災害時の個別避難計画の作成', en: 'Individual evacuation plan' },
      { code: 'respite', ja: 'レスパイト・一時入院の調整', en: 'Respite / short admission' },
      { code: 'other', ja: 'その他', en: 'Other' },
    ],
    sections: [
      s(
        'situation',
        '現在の状況（ADL・医療機器・介護者・利用中のサービス）',
        'Current situation',
        'living',
        4,
      ),
      s('centerActions', '当センターの対応', 'What the center did', 'consultation', 3),
      s('request', '依頼事項', 'What we ask', 'consultation', 3),
    ],
    choices: [],
    defaultItems: ['identity', 'disease', 'medical', 'living', 'consultation'],
    history: true,
  },
  t2: {
    code: 't2',
    title: '就労支援に関する連絡票',
    purposeHeading: { ja: '依頼事項', en: 'Request' },
    purposes: [
      { code: 'job_consultation', ja: '職業相談', en: 'Job consultation' },
      { code: 'accompanied_visit', ja: '同行による来所', en: 'Accompanied visit' },
      { code: 'joint_session', ja: '合同面談（三者面談）', en: 'Joint session' },
    ],
    sections: [
      s('workDisease', '就労に関わる病状（疲れやすさ・通院・制限）', 'Work-relevant health', 'disease', 3),
      s('wishes', '希望（職種・勤務時間・勤務地）', 'Wishes (work, hours, place)', 'employment', 3),
      s('workHistory', '職歴・資格', 'Work history and qualifications', 'employment', 3),
      s('considerations', '配慮を希望する事項', 'Accommodations asked for', 'employment', 3),
    ],
    choices: [
      {
        key: 'workStatus',
        ja: '就労の状況',
        en: 'Work status',
        item: 'employment',
        options: [
          { code: 'seeking', ja: '求職中', en: 'Seeking work' },
          { code: 'employed', ja: '在職中', en: 'Employed' },
          { code: 'on_leave', ja: '休職中', en: 'On leave' },
        ],
      },
      {
        key: 'disclosure',
        ja: '職場への病名の開示',
        en: 'Disclosure to the employer',
        item: 'employment',
        options: [
          { code: 'disclose', ja: '開示を希望', en: 'Wishes to disclose' },
          { code: 'not_disclose', ja: '開示を希望しない', en: 'Does not wish to disclose' },
          { code: 'undecided', ja: '未定・相談したい', en: 'Undecided' },
        ],
      },
      {
        key: 'employerConsent',
        ja: '事業主への情報提供についての本人の同意',
        en: 'Consent to share with employers',
        item: 'employment',
        options: [
          { code: 'yes', ja: '同意あり', en: 'Consents' },
          { code: 'no', ja: '同意なし', en: 'Does not consent' },
          { code: 'ask', ja: '都度確認', en: 'Ask each time' },
        ],
      },
    ],
    defaultItems: ['identity', 'disease', 'employment', 'certificates'],
    history: false,
  },
  t3: {
    code: 't3',
    title: '医療機関への紹介・受診調整のご依頼',
    purposeHeading: { ja: '紹介の目的', en: 'Purpose' },
    purposes: [
      { code: 'diagnosis', ja: '診断・精査', en: 'Diagnosis' },
      { code: 'near_home', ja: '身近な医療機関での診療', en: 'Care near home' },
      { code: 'respite', ja: '一時入院（レスパイト）', en: 'Respite admission' },
      { code: 'genetic', ja: '遺伝カウンセリング', en: 'Genetic counselling' },
    ],
    // the order of 別紙様式11 (紹介目的, 傷病名, 既往歴及び家族歴, 症状経過, 治療経過, 備考)
    sections: [
      s(
        'pastHistory',
        '既往歴・家族歴（本人・家族の申告による）',
        'Past and family history (as reported)',
        'medical',
        2,
      ),
      s(
        'symptoms',
        '症状の経過（本人・家族の申告による）',
        'Symptoms and course (as reported)',
        'medical',
        4,
      ),
      s('treatment', '治療・医療処置（医療機器を含む）', 'Treatment and devices', 'medical', 3),
      s('care', '介護の状況・レスパイトを希望する理由', 'Care situation, reason for respite', 'living', 3),
      s('timing', '希望する時期', 'Preferred timing', 'medical', 4),
      s('attachments', '添付資料', 'Attachments', 'medical', 1),
    ],
    choices: [],
    defaultItems: ['identity', 'disease', 'medical', 'living'],
    history: false,
  },
  t4: {
    code: 't4',
    title: '支援に関する連絡票',
    purposeHeading: { ja: '連絡の目的', en: 'Purpose' },
    purposes: [
      { code: 'welfare_service', ja: '障害福祉サービスの利用', en: 'Disability welfare services' },
      { code: 'certificate', ja: '障害者手帳の申請', en: 'Disability certificate' },
      { code: 'daily_equipment', ja: '日常生活用具の給付', en: 'Daily living equipment' },
      { code: 'ltc_assessment', ja: '介護保険の要介護認定', en: 'Long-term care assessment' },
      { code: 'evacuation_plan', ja: '個別避難計画の作成', en: 'Individual evacuation plan' },
      { code: 'other', ja: 'その他', en: 'Other' },
    ],
    sections: [
      s('functional', '病状と生活機能の状況', 'Health and functional status', 'living', 4),
      s('servicesInUse', '利用中のサービス', 'Services in use', 'living', 2),
      s('request', '依頼事項', 'What we ask', 'consultation', 3),
    ],
    choices: [],
    defaultItems: ['identity', 'disease', 'living', 'certificates', 'consultation'],
    history: false,
  },
  t5: {
    code: 't5',
    title: '受付・返信票',
    purposeHeading: { ja: '返信のお願い', en: 'Reply requested' },
    purposes: [],
    sections: [],
    choices: [],
    defaultItems: ['identity'],
    history: false,
  },
};

/** The sections (and choices) a letter shows: those whose kind of information it carries. */
export function includedSections(spec: TemplateSpec, items: readonly string[]) {
  return {
    sections: spec.sections.filter((x) => items.includes(x.item)),
    choices: spec.choices.filter((x) => items.includes(x.item)),
  };
}
