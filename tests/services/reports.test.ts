import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto, ReportTable, ReportTableId } from '../../shared/contract/reports';
import { REPORT_TABLE_IDS } from '../../shared/contract/reports';
import { en } from '../../shared/i18n/en/reports';
import { ja } from '../../shared/i18n/ja/reports';
import { reportFixture, type ReportFx } from '../fixtures/report-fixture';

/**
 * Every value below is worked out by hand from the fixture table in
 * tests/fixtures/report-fixture.ts (FY2025: C1–C11 count; X1 on 2025-03-31 and X2 on
 * 2026-04-01 fall in the neighbouring years; D1 is deleted). Persons: P1 (C1, C2, C3), P2 (C6,
 * C7), P3 (C9, C11), and the anonymous C4, C5, C8, C10 — one person each: 7 persons.
 */
let fx: ReportFx;
let year: ReportDto;
beforeAll(async () => {
  fx = await reportFixture();
  year = await fx.call('report.build', { fiscalYear: 2025 });
}, 60_000);
afterAll(() => fx.close());

function table(r: ReportDto, id: ReportTableId): ReportTable {
  const t = r.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}
/** The table as [row key, ...cells] lines. */
const grid = (r: ReportDto, id: ReportTableId) => table(r, id).rows.map((row) => [row.key, ...row.cells]);
/** One row's cells by key. */
const row = (r: ReportDto, id: ReportTableId, key: string) =>
  table(r, id).rows.find((x) => x.key === key)?.cells;

describe('the annual report, FY2025 (令和7年度), every value by hand', () => {
  it('has every table of DOMAIN §6 in order, the period, the as-of day and the center', () => {
    expect(year.tables.map((t) => t.id)).toEqual([...REPORT_TABLE_IDS]);
    expect(year.from).toBe('2025-04-01');
    expect(year.to).toBe('2026-03-31');
    expect(year.asOf).toBe('2026-03-31'); // today is 2026-04-10
    expect(year.centerName).toBe('テスト難病相談支援センター');
    expect(year.periodLabel).toBe('令和7年度 令和7年4月1日（2025年4月1日）〜令和8年3月31日（2026年3月31日）');
    expect(year.madeOnLabel).toBe('令和8年4月10日（2026年4月10日）');
    expect(year.siteLabel).toBe(ja.reports.sites.all);
    for (const t of year.tables) {
      expect(t.title).toBe(ja.reports.tables[t.id]);
      expect(t.note.length).toBeGreaterThan(10);
      for (const r of t.rows) expect(r.cells).toHaveLength(t.columns.length);
    }
  });

  it('1: by method — 延件数, 実人数 (a person who phoned twice is one), 新規/継続; 3/31 and 4/1 fall in their own years', () => {
    expect(table(year, 't01-method').columns.map((c) => c.label)).toEqual([
      '相談方法',
      '延件数',
      '実人数',
      '新規（件）',
      '継続（件）',
      '新規実人数',
    ]);
    // 新規/継続 from the history: X1 (3/31, FY2024) is P1's first, so C1 is already 継続
    expect(grid(year, 't01-method')).toEqual([
      ['phone', '電話', 5, 4, 3, 2, 3], // C1, C3 (both P1, 継続), C4, C5, C9 (P3's first)
      ['in_person', '来所面接', 1, 1, 1, 0, 1],
      ['email', 'メール', 1, 1, 1, 0, 1], // C6: P2's first
      ['fax', 'FAX', 1, 1, 1, 0, 1],
      ['letter', '手紙', 0, 0, 0, 0, 0],
      ['home_visit', '訪問', 1, 1, 0, 1, 0], // C11: P3 again
      ['outreach', '出張相談', 1, 1, 0, 1, 0],
      ['online', 'オンライン', 0, 0, 0, 0, 0],
      ['accompany', '同行', 1, 1, 0, 1, 0], // C7: P2 again
      ['other', 'その他', 0, 0, 0, 0, 0],
      ['total', '合計', 11, 7, 6, 5, 6], // P1 in phone and outreach: once in the total; new persons: all but P1
    ]);
  });

  it('1-2: by month, April to March', () => {
    expect(grid(year, 't01-month')).toEqual([
      ['2025-04', '2025年4月', 2, 2, 1, 1, 1], // C1 (4/1 09:00, 継続 after X1) and C4; X1 (3/31) is FY2024
      ['2025-05', '2025年5月', 1, 1, 1, 0, 1], // C5; D1 deleted
      ['2025-06', '2025年6月', 1, 1, 0, 1, 0],
      ['2025-07', '2025年7月', 1, 1, 1, 0, 1],
      ['2025-08', '2025年8月', 1, 1, 0, 1, 0],
      ['2025-09', '2025年9月', 1, 1, 1, 0, 1],
      ['2025-10', '2025年10月', 1, 1, 1, 0, 1],
      ['2025-11', '2025年11月', 0, 0, 0, 0, 0],
      ['2025-12', '2025年12月', 0, 0, 0, 0, 0],
      ['2026-01', '2026年1月', 1, 1, 1, 0, 1],
      ['2026-02', '2026年2月', 0, 0, 0, 0, 0],
      ['2026-03', '2026年3月', 2, 2, 0, 2, 0], // C11 and C3 (3/31 17:00); X2 (4/1) is FY2026
      ['total', '合計', 11, 7, 6, 5, 6],
    ]);
  });

  it('1-3: by month and method — each consultation once, in its month and its one method', () => {
    expect(table(year, 't01-month-method').columns.map((c) => c.label)).toEqual([
      '月',
      '電話',
      '来所面接',
      'メール',
      'FAX',
      '手紙',
      '訪問',
      '出張相談',
      'オンライン',
      '同行',
      'その他',
      '延件数（計）',
      '実人数',
    ]);
    //                       phone in_p email fax letter home outr onl acc other | sum persons
    expect(grid(year, 't01-month-method')).toEqual([
      ['2025-04', '2025年4月', 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2], // C1, C4
      ['2025-05', '2025年5月', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], // C5
      ['2025-06', '2025年6月', 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1], // C2 at E1
      ['2025-07', '2025年7月', 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1], // C6
      ['2025-08', '2025年8月', 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1], // C7
      ['2025-09', '2025年9月', 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], // C8
      ['2025-10', '2025年10月', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], // C9
      ['2025-11', '2025年11月', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ['2025-12', '2025年12月', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ['2026-01', '2026年1月', 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1], // C10
      ['2026-02', '2026年2月', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ['2026-03', '2026年3月', 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 2], // C3 (3/31 17:00), C11
      ['total', '合計', 5, 1, 1, 1, 0, 1, 1, 0, 1, 0, 11, 7], // P1 in April, June and March: one person
    ]);
  });

  it('2: by consulter, with group subtotals', () => {
    expect(grid(year, 't02-consulter')).toEqual([
      ['self', '本人', '本人', 4, 2], // C1, C3 (P1), C6, C7 (P2)
      ['spouse', '家族', '配偶者', 1, 1],
      ['parent', '家族', '親', 1, 1],
      ['child', '家族', '子', 1, 1],
      ['sibling', '家族', '兄弟姉妹', 0, 0],
      ['other_family', '家族', 'その他家族', 0, 0],
      ['group:family', '家族', '家族 小計', 3, 3],
      ['medical_institution', '関係者', '医療機関', 0, 0],
      ['health_center', '関係者', '保健所', 1, 1],
      ['municipality', '関係者', '市町村', 0, 0],
      ['care_manager', '関係者', 'ケアマネジャー', 1, 1],
      ['support_specialist', '関係者', '相談支援専門員', 0, 0],
      ['service_provider', '関係者', '事業所', 0, 0],
      ['workplace', '関係者', '職場', 0, 0],
      ['school', '関係者', '学校', 0, 0],
      ['group:related', '関係者', '関係者 小計', 2, 2],
      ['general', '一般', '一般', 0, 0],
      ['anonymous', '匿名', '匿名', 2, 2], // C4, C8: two anonymous calls are two persons
      ['total', '合計', '', 11, 7],
    ]);
  });

  it('3: by disease group — two diseases of one group once, a disease in two groups in both; buckets without numbers', () => {
    expect(grid(year, 't03-disease-group')).toEqual([
      ['neuro', '神経・筋疾患', 5, 2], // C1 C2 C3 (ALS), C9 (6), C11 (6 + 343: once)
      ['metabolic', '代謝疾患', 0, 0],
      ['chromosomal_genetic', '染色体・遺伝子異常', 1, 1], // 343 is in two groups
      ['immune', '免疫疾患', 0, 0],
      ['cardiovascular', '循環器疾患', 0, 0],
      ['digestive', '消化器疾患', 2, 1], // C6 (97 + 96: once), C7
      ['endocrine', '内分泌疾患', 0, 0],
      ['hematologic', '血液疾患', 0, 0],
      ['renal_urologic', '腎・泌尿器疾患', 0, 0],
      ['respiratory', '呼吸器疾患', 0, 0],
      ['skin_connective', '皮膚・結合組織疾患', 0, 0],
      ['bone_joint', '骨・関節疾患', 0, 0],
      ['hearing_balance', '聴覚・平衡機能疾患', 0, 0],
      ['visual', '視覚疾患', 0, 0],
      ['non_designated', '指定難病以外', 1, 1], // C10: other text, suspected
      ['pediatric_chronic', '小児慢性特定疾病', 1, 1], // C5: 「小児慢性…」
      ['undiagnosed', '未診断', 1, 1], // C8
      ['unknown', '不明', 1, 1], // C4: nothing recorded
      ['total', '合計', 12, 7],
    ]);
  });

  it('3-2: top diseases, ties share a rank, names from the master list', () => {
    expect(grid(year, 't03-top-diseases')).toEqual([
      ['2', 1, 2, '筋萎縮性側索硬化症', 3, 1],
      ['6', 2, 6, 'パーキンソン病', 2, 1],
      ['97', 2, 97, '潰瘍性大腸炎', 2, 1],
      ['96', 4, 96, 'クローン病', 1, 1],
      ['343', 4, 343, 'PURA 関連神経発達異常症', 1, 1],
    ]);
  });

  it('4: by content — main once per consultation, all once per category, top-level subtotals', () => {
    const g = grid(year, 't04-category');
    const pick = (...keys: string[]) => g.filter((r) => keys.includes(r[0] as string));
    expect(pick('top:1', '1.1', '1.2', '1.3', '1.7')).toEqual([
      ['top:1', '1', '1 病気・医療 小計', 1, 3, 3],
      ['1.1', '1.1', '病気の理解・症状', 0, 1, 1],
      ['1.2', '1.2', '治療・薬', 0, 1, 1],
      ['1.3', '1.3', '治療法選択・意思決定・告知', 0, 0, 0],
      ['1.7', '1.7', '医療処置管理（呼吸器・吸引・胃ろう）', 1, 1, 1],
    ]);
    expect(pick('top:2', '2.1', '2.2', '2.4')).toEqual([
      ['top:2', '2', '2 療養の場・介護 小計', 1, 3, 2],
      ['2.1', '2.1', '在宅療養・訪問看護/介護', 1, 1, 1],
      ['2.2', '2.2', '入院・転院・レスパイト', 0, 1, 1],
      ['2.4', '2.4', '介護保険', 0, 1, 1],
    ]);
    expect(pick('top:3', '3.1', '3.2')).toEqual([
      ['top:3', '3', '3 制度・手続 小計', 2, 2, 2],
      ['3.1', '3.1', '特定医療費（申請・更新・軽症高額）', 1, 1, 1],
      ['3.2', '3.2', '小児慢性・移行期', 1, 1, 1],
    ]);
    expect(pick('top:4', '4.1', '4.2', '4.3', '4.4', '4.5')).toEqual([
      ['top:4', '4', '4 就労・就学 小計', 3, 4, 3],
      ['4.1', '4.1', '就職活動', 1, 1, 1],
      ['4.2', '4.2', '就労継続・両立支援', 1, 1, 1],
      ['4.3', '4.3', '休職・復職・退職', 1, 1, 1],
      ['4.4', '4.4', '就労系福祉サービス', 0, 0, 0],
      ['4.5', '4.5', '就学', 0, 1, 1],
    ]);
    expect(pick('top:5', '5.1', 'top:6', '6.2', 'top:7', 'top:8', '9')).toEqual([
      ['top:5', '5', '5 心理・社会 小計', 1, 2, 2],
      ['5.1', '5.1', '不安・気持ちの整理', 1, 2, 2], // C1 (not main) and C4 (main)
      ['top:6', '6', '6 交流・ピア 小計', 1, 1, 1],
      ['6.2', '6.2', 'ピア相談', 1, 1, 1],
      ['top:7', '7', '7 災害・緊急時 小計', 0, 0, 0],
      ['top:8', '8', '8 支援者からの相談 小計', 0, 0, 0],
      ['9', '9', 'センター事業の問合せ・その他', 1, 1, 1],
    ]);
    expect(g.slice(-3)).toEqual([
      ['no_main', '', '主たる内容の指定なし', 1, null, null], // C9: two categories, none main
      ['no_category', '', '相談内容の記録なし', 0, null, null],
      ['total', '', '合計', 11, 16, 7], // C1 counts three times in the 16
    ]);
    // every other leaf row is zero
    const named = [
      '1.1',
      '1.2',
      '1.7',
      '2.1',
      '2.2',
      '2.4',
      '3.1',
      '3.2',
      '4.1',
      '4.2',
      '4.3',
      '4.5',
      '5.1',
      '6.2',
      '9',
    ];
    for (const r of g.filter((x) => /^\d(\.\d)?$/.test(x[0] as string) && !named.includes(x[0] as string)))
      expect(r.slice(3), r[0] as string).toEqual([0, 0, 0]);
  });

  it('5: by response type', () => {
    expect(grid(year, 't05-response')).toEqual([
      ['listening', '傾聴', 2, 2],
      ['information', '情報提供', 3, 3],
      ['explanation_advice', '制度説明・助言', 1, 1],
      ['procedure_support', '手続支援', 1, 1],
      ['referral', '関係機関紹介', 2, 2],
      ['coordination', '連絡調整', 2, 2],
      ['accompany', '同行', 1, 1],
      ['patient_group_intro', '患者会紹介', 0, 0],
      ['peer_support', 'ピア・サポート', 1, 1],
      ['to_medical_consultation', '医療相談へ', 0, 0],
      ['other', 'その他', 0, 0],
      ['total', '合計', 13, 7],
    ]);
  });

  it("5-2: referral records by destination type and sector — by the consultation's year, cancelled ones left out", () => {
    expect(table(year, 't05-referral').columns.map((c) => c.label)).toEqual([
      '区分',
      '紹介先の種別',
      '延件数（紹介）',
      '実人数',
    ]);
    // R1–R4, R6, R7, R9; R5 is from X1 (FY2024), R8 is cancelled
    expect(grid(year, 't05-referral')).toEqual([
      ['health_center', '保健所', '保健所', 1, 1], // R7 (P3)
      ['hub_hospital', '医療機関', '難病診療連携拠点病院', 1, 1], // R9 (P1); R8 cancelled, R5 FY2024
      ['medical_hub_hospital', '医療機関', '難病医療拠点病院', 0, 0],
      ['specialty_hub_hospital', '医療機関', '難病診療分野別拠点病院', 0, 0],
      ['core_cooperating_hospital', '医療機関', '基幹協力病院', 0, 0],
      ['general_cooperating_institution', '医療機関', '一般協力医療機関', 0, 0],
      ['nanbyo_cooperating_institution', '医療機関', '難病医療協力医療機関', 0, 0],
      ['other_medical', '医療機関', 'その他医療機関', 0, 0],
      ['sector:medical', '医療機関', '医療機関 小計', 1, 1],
      ['hello_work', '就労支援機関', 'ハローワーク', 2, 1], // R1, R3: P2 referred twice
      ['vocational_center', '就労支援機関', '障害者職業センター', 1, 1], // R4: C3 on 3/31, referred 4/1
      ['employment_life_support_center', '就労支援機関', '障害者就業・生活支援センター', 1, 1], // R2 declined: counts
      ['sector:employment', '就労支援機関', '就労支援機関 小計', 4, 2], // P1, P2
      ['municipal_disability', '市町村', '市町村（障害福祉）', 0, 0],
      ['municipal_long_term_care', '市町村', '市町村（介護保険）', 0, 0],
      ['municipal_health_insurance', '市町村', '市町村（国保）', 0, 0],
      ['municipal_children', '市町村', '市町村（こども）', 0, 0],
      ['municipal_other', '市町村', '市町村（その他）', 0, 0],
      ['sector:municipal', '市町村', '市町村 小計', 0, 0],
      ['community_support_center', '福祉・介護', '地域包括支援センター', 1, 1], // R6 (C9: no 紹介 response)
      ['consultation_support_office', '福祉・介護', '相談支援事業所', 0, 0],
      ['social_welfare_council', '福祉・介護', '社会福祉協議会', 0, 0],
      ['sector:welfare', '福祉・介護', '福祉・介護 小計', 1, 1],
      ['patient_family_association', '患者会・家族会', '患者会・家族会', 0, 0],
      ['nanbyo_info_center', 'その他', '難病情報センター', 0, 0],
      ['other', 'その他', 'その他', 0, 0],
      ['sector:other', 'その他', 'その他 小計', 0, 0],
      ['total', '合計', '', 7, 3], // P1 (R4, R9), P2 (R1–R3), P3 (R6, R7)
      ['response_referral', '', '（参考）対応内容「関係機関紹介」の相談', 2, 2], // C3, C6 (table 5)
    ]);
    expect(table(year, 't05-referral').note).toBe(ja.reports.help['t05-referral']);
    expect(table(year, 't05-referral').rows.find((r) => r.key === 'sector:employment')?.kind).toBe(
      'subtotal',
    );
  });

  it('6: age band × sex — persons by their last consultation (P1 turned 60 in June: only in 60-69)', () => {
    expect(table(year, 't06-age-sex').columns.map((c) => c.label)).toEqual([
      '年齢階級',
      '延件数（男）',
      '延件数（女）',
      '延件数（その他・不明）',
      '延件数（計）',
      '実人数（男）',
      '実人数（女）',
      '実人数（その他・不明）',
      '実人数（計）',
    ]);
    expect(grid(year, 't06-age-sex')).toEqual([
      ['0-9', '0〜9歳', 1, 0, 0, 1, 1, 0, 0, 1],
      ['10-19', '10〜19歳', 0, 0, 0, 0, 0, 0, 0, 0],
      ['20-29', '20〜29歳', 0, 0, 0, 0, 0, 0, 0, 0],
      ['30-39', '30〜39歳', 0, 0, 0, 0, 0, 0, 0, 0],
      ['40-49', '40〜49歳', 0, 3, 0, 3, 0, 2, 0, 2], // C4, C6, C7; persons C4, P2
      ['50-59', '50〜59歳', 1, 0, 0, 1, 0, 0, 0, 0], // C1 at 59; P1 counted at 60
      ['60-69', '60〜69歳', 2, 0, 0, 2, 1, 0, 0, 1],
      ['70-79', '70〜79歳', 1, 0, 0, 1, 1, 0, 0, 1],
      ['80-89', '80〜89歳', 0, 2, 0, 2, 0, 1, 0, 1],
      ['90+', '90歳以上', 0, 0, 0, 0, 0, 0, 0, 0],
      ['unknown', '不明', 0, 0, 1, 1, 0, 0, 1, 1], // C8: nothing known
      ['total', '合計', 5, 5, 1, 11, 3, 3, 1, 7],
    ]);
  });

  it('6-2/6-3: residence by 保健所 area (an inactive one with data stays) and by municipality', () => {
    expect(grid(year, 't06-health-center')).toEqual([
      [fx.hc.kawaguchi.id, '川口保健所', 3, 2], // inactive since 4/6, still listed
      [fx.hc.kawagoe.id, '川越市保健所', 4, 2],
      [fx.hc.kumagaya.id, '熊谷保健所', 0, 0],
      ['out_of_pref', '県外', 2, 1], // P3 in 新宿区
      ['unknown', '管轄保健所不明', 2, 2], // C5, C8
      ['total', '合計', 11, 7],
    ]);
    expect(grid(year, 't06-municipality')).toEqual([
      ['112011', '112011', '埼玉県', '川越市', 4, 2],
      ['112038', '112038', '埼玉県', '川口市', 3, 2],
      ['131041', '131041', '東京都', '新宿区', 2, 1],
      ['out_of_pref', '', '県外', '', 0, 0],
      ['unknown', '', '不明', '', 2, 2],
      ['total', '', '合計', '', 11, 7],
    ]);
  });

  it('7: time spent — total, mean, over 30 (31+) and over 60 (61+)', () => {
    const t = grid(year, 't07-duration');
    expect(t.find((r) => r[0] === 'phone')).toEqual(['phone', '電話', 5, 4, 132, 33, 2, 1, 1]); // 30,61,10,—,31
    expect(t.find((r) => r[0] === 'fax')).toEqual(['fax', 'FAX', 1, 1, 60, 60, 1, 0, 0]); // 60 is not over 60
    expect(t.find((r) => r[0] === 'in_person')).toEqual(['in_person', '来所面接', 1, 1, 30, 30, 0, 0, 0]); // 30 is not over 30
    expect(t.find((r) => r[0] === 'home_visit')).toEqual(['home_visit', '訪問', 1, 0, 0, null, 0, 0, 1]);
    expect(t.find((r) => r[0] === 'letter')).toEqual(['letter', '手紙', 0, 0, 0, null, 0, 0, 0]);
    expect(t.find((r) => r[0] === 'accompany')).toEqual(['accompany', '同行', 1, 1, 90, 90, 1, 1, 0]);
    expect(t.at(-1)).toEqual(['total', '合計', 11, 9, 377, 41.9, 5, 2, 2]); // 377 / 9 = 41.89
  });

  it('8: by responder profession (two nurses on one call: once) and by kind (ピア相談)', () => {
    expect(grid(year, 't08-profession')).toEqual([
      ['nanbyo_counselor', '難病相談支援員', 9, 6],
      ['public_health_nurse', '保健師', 0, 0],
      ['nurse', '看護師', 2, 2], // C2, C9 (nurse1 + nurse2)
      ['social_worker', '社会福祉士', 0, 0],
      ['psychiatric_social_worker', '精神保健福祉士', 0, 0],
      ['psychologist', '臨床心理士・公認心理師', 0, 0],
      ['physician', '医師', 0, 0],
      ['clerical', '事務', 0, 0],
      ['peer_supporter', 'ピア・サポーター', 1, 1],
      ['other', 'その他', 0, 0],
      ['total', '合計', 12, 7],
    ]);
    expect(grid(year, 't08-kind')).toEqual([
      ['professional', '専門職', 7, 5],
      ['peer', 'ピア', 1, 1],
      ['employment', '就労', 2, 2],
      ['medical', '医療相談', 1, 1],
      ['total', '合計', 11, 7],
    ]);
  });

  it('9: employment support — kind 就労 or 4.1–4.4 (4.5 就学 is not), by status; referrals; joint sessions', () => {
    expect(grid(year, 't09-employment')).toEqual([
      ['job_seeking', '求職中', 1, 1], // C6 (kind professional, category 4.1)
      ['employed', '就労中', 1, 1], // C3
      ['on_leave', '休職中', 1, 1], // C7
      ['not_working', '離職・未就労', 0, 0],
      ['student', '就学中', 0, 0],
      ['other', 'その他', 0, 0],
      ['unknown', '不明', 0, 0],
      ['not_recorded', '未記入', 0, 0], // C5 (4.5 only) is not employment support
      ['total', '合計', 3, 2],
    ]);
    expect(grid(year, 't09-support')).toEqual([
      ['consultations', '就労支援の相談', 3, 2],
      ['supporter_referrals', '就職サポーター等への紹介', 4, 2], // referrals R1, R2, R3 (P2), R4 (P1): 5-2's 就労支援機関 subtotal
      ['joint_sessions', '同行・同席', 1, 1], // C7
    ]);
  });

  it('10: events of the year by kind (a missing participant count is shown), and the list', () => {
    expect(grid(year, 't10-events')).toEqual([
      ['outreach_consultation', '出張相談会', 1, 12, 0, 1, 1], // E1 with C2
      ['medical_consultation', '医療相談会', 0, 0, 0, 0, 0], // E4 is 2026-04-01
      ['exchange_meeting', '交流会', 1, 20, 0, 1, 1], // E2 with C8
      ['lecture', '講演会', 1, 0, 1, 0, 0], // E3 on 3/31, no count yet
      ['training', '研修会', 0, 0, 0, 0, 0], // E5 is 2025-03-31
      ['peer_training', 'ピア・サポーター研修', 1, 6, 0, 0, 0],
      ['total', '合計', 4, 38, 1, 2, 2],
    ]);
    const { e1, e2, e3, e6 } = fx.ids;
    expect(grid(year, 't10-event-list')).toEqual([
      [
        e1.id,
        '2025-06-10',
        '出張相談会',
        '出張相談会（熊谷）',
        '出張相談会（熊谷）の会場',
        '熊谷保健所、患者会',
        12,
        1,
        1,
      ],
      [
        e2.id,
        '2025-09-20',
        '交流会',
        'パーキンソン病交流会',
        'パーキンソン病交流会の会場',
        '熊谷保健所、患者会',
        20,
        1,
        1,
      ],
      [
        e6.id,
        '2025-11-11',
        'ピア・サポーター研修',
        'ピア・サポーター研修',
        'ピア・サポーター研修の会場',
        '熊谷保健所、患者会',
        6,
        0,
        0,
      ],
      [e3.id, '2026-03-31', '講演会', '難病講演会', '難病講演会の会場', '熊谷保健所、患者会', null, 0, 0],
    ]);
  });

  it('11: cases open and follow-ups overdue at the end of 3/31 (later closings and completions do not count)', () => {
    expect(grid(year, 't11-cases')).toEqual([
      ['open_cases', '基準日に継続中のケース', 3, 3], // K0 (no person), K1 (closed 4/5), K2
      ['cases_opened', '期間中に開始したケース', 3, 3], // K1, K2, K3
      ['cases_closed', '期間中に終了したケース', 1, 1], // K3
      ['open_follow_ups', '基準日に未完了のフォローアップ', 3, 3], // F1, F3, F4 (done 4/2)
      ['overdue_follow_ups', '基準日に期限を過ぎたフォローアップ', 2, 2], // F1 (3/20), F4 (3/1)
    ]);
  });

  it('12: coordination by kind — counted by request day, outcome at the as-of day, hospitals asked, days to acceptance', () => {
    // Q1 (P1, respite, 5 days), Q3 (P1, respite, ended after 3/31: open), Q5 (P2, transfer, failed),
    // Q7 (P2, admission, 1 day), Q2 (P3, admission, 10 days), Q4 (P3, diagnosis, withdrawn); Q6 is FY2024
    expect(grid(year, 't12-coordination')).toEqual([
      ['admission', '入院', 2, 2, 2, 0, 0, 0, 3, 1.5, 5.5, 5.5], // Q7 asked B; Q2 A, B
      ['respite', 'レスパイト（一時入院）', 2, 1, 1, 0, 0, 1, 4, 2, 5, 5], // Q1 A, B, C; Q3 A (B on 4/02 is later)
      ['transfer', '転院', 1, 1, 0, 0, 1, 0, 2, 2, null, null], // A twice counts once
      ['diagnostic_visit', '診断のための受診', 1, 1, 0, 1, 0, 0, 0, 0, null, null],
      ['total', '合計', 6, 3, 3, 1, 1, 1, 9, 1.5, 5, 5.3], // days 1, 5, 10: median 5, mean 5.3
    ]);
    expect(table(year, 't12-coordination').columns.map((c) => c.label)).toEqual([
      '依頼の種類',
      '依頼件数',
      '実人数',
      '受入決定',
      '取下げ',
      '不成立',
      '基準日に調整中',
      '問い合わせた医療機関（延べ）',
      '1件あたりの医療機関数',
      '受入決定までの日数（中央値）',
      '受入決定までの日数（平均）',
    ]);
  });

  it('12-2: reasons for refusal — answers, distinct requests and hospitals', () => {
    expect(grid(year, 't12-refusal')).toEqual([
      ['no_beds', '満床・空床なし', 3, 3, 2], // Q1 A, Q5 C, Q2 A (Q6 A is FY2024)
      ['ventilator', '人工呼吸器の管理ができない', 1, 1, 1], // Q1 B
      ['suction', '頻回の吸引に対応できない', 0, 0, 0],
      ['night_staffing', '夜間の看護体制が足りない', 0, 0, 0],
      ['specialty', '専門外（神経難病の診療がない）', 2, 1, 1], // Q5 A, asked twice
      ['dates', '希望の日程では受けられない', 1, 1, 1], // Q3 A on 3/31
      ['care_level', '医療的ケアが受入基準を超える', 0, 0, 0],
      ['infection', '感染症の対応中', 0, 0, 0],
      ['other', 'その他', 0, 0, 0],
      ['total', '合計', 7, 4, 3],
    ]);
  });
});

describe('the report filters', () => {
  it('the neighbouring years hold exactly the 3/31 and 4/1 consultations', async () => {
    const fy2024 = await fx.call('report.build', { fiscalYear: 2024, tables: ['t01-method', 't10-events'] });
    expect(row(fy2024, 't01-method', 'total')).toEqual(['合計', 1, 1, 1, 0, 1]); // X1 (P1's first)
    expect(row(fy2024, 't01-method', 'phone')).toEqual(['電話', 1, 1, 1, 0, 1]);
    expect(row(fy2024, 't10-events', 'training')).toEqual(['研修会', 1, 30, 0, 0, 0]); // E5 on 3/31
    // R5 was requested on 4/1, from X1 of 3/31: it counts with its consultation, in FY2024
    const ref2024 = await fx.call('report.build', {
      fiscalYear: 2024,
      tables: ['t05-referral', 't09-support'],
    });
    expect(row(ref2024, 't05-referral', 'hub_hospital')).toEqual(['医療機関', '難病診療連携拠点病院', 1, 1]);
    expect(row(ref2024, 't05-referral', 'total')).toEqual(['合計', '', 1, 1]);
    expect(row(ref2024, 't05-referral', 'response_referral')?.slice(2)).toEqual([0, 0]);
    expect(row(ref2024, 't09-support', 'supporter_referrals')?.slice(1)).toEqual([0, 0]);
    // R4 was requested on 4/1 too, from C3 of 3/31: not in FY2026
    const ref2026 = await fx.call('report.build', { fiscalYear: 2026, tables: ['t05-referral'] });
    expect(row(ref2026, 't05-referral', 'total')).toEqual(['合計', '', 0, 0]);
    const fy2026 = await fx.call('report.build', { fiscalYear: 2026, tables: ['t01-method', 't10-events'] });
    expect(row(fy2026, 't01-method', 'total')).toEqual(['合計', 1, 1, 1, 0, 1]); // X2 (anonymous)
    expect(row(fy2026, 't10-events', 'medical_consultation')).toEqual(['医療相談会', 1, 8, 0, 0, 0]);
    // Q6 was asked for on 2025-03-31 and accepted on 4/02: open at the end of FY2024
    const coord2024 = await fx.call('report.build', {
      fiscalYear: 2024,
      tables: ['t12-coordination', 't12-refusal'],
    });
    expect(row(coord2024, 't12-coordination', 'respite')).toEqual([
      'レスパイト（一時入院）',
      1,
      1,
      0,
      0,
      0,
      1,
      1,
      1,
      null,
      null,
    ]);
    expect(row(coord2024, 't12-refusal', 'total')).toEqual(['合計', 1, 1, 1]);
    const coord2026 = await fx.call('report.build', { fiscalYear: 2026, tables: ['t12-coordination'] });
    expect(row(coord2026, 't12-coordination', 'total')).toEqual([
      '合計',
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      null,
      null,
      null,
    ]);
  });

  it('a month range counts its months only; "open at the end" is measured at its last day', async () => {
    const q1 = await fx.call('report.build', { fiscalYear: 2025, fromMonth: '2025-04', toMonth: '2025-06' });
    expect([q1.from, q1.to, q1.asOf]).toEqual(['2025-04-01', '2025-06-30', '2025-06-30']);
    expect(q1.periodLabel).toBe('令和7年度 令和7年4月1日（2025年4月1日）〜令和7年6月30日（2025年6月30日）');
    expect(row(q1, 't01-method', 'total')).toEqual(['合計', 4, 3, 2, 2, 2]); // C1, C4, C5, C2; P1 twice (継続)
    expect(grid(q1, 't01-month').map((r) => r[0])).toEqual(['2025-04', '2025-05', '2025-06', 'total']);
    expect(row(q1, 't10-events', 'total')).toEqual(['合計', 1, 12, 0, 1, 1]); // E1 only
    expect(grid(q1, 't11-cases')).toEqual([
      ['open_cases', '基準日に継続中のケース', 2, 2], // K0, K1 (opened 6/10)
      ['cases_opened', '期間中に開始したケース', 1, 1],
      ['cases_closed', '期間中に終了したケース', 0, 0],
      ['open_follow_ups', '基準日に未完了のフォローアップ', 0, 0], // F2 is made 7/1
      ['overdue_follow_ups', '基準日に期限を過ぎたフォローアップ', 0, 0],
    ]);
    expect(row(q1, 't12-coordination', 'respite')).toEqual([
      'レスパイト（一時入院）',
      1,
      1,
      1,
      0,
      0,
      0,
      3,
      3,
      5,
      5,
    ]); // Q1
    expect(row(q1, 't12-coordination', 'total')).toEqual(['合計', 1, 1, 1, 0, 0, 0, 3, 3, 5, 5]);
    expect(row(q1, 't12-refusal', 'total')).toEqual(['合計', 2, 1, 2]);
    // referrals of the months' consultations only: R9 (C2, June); R1 is from C6 in July
    expect(row(q1, 't05-referral', 'total')).toEqual(['合計', '', 1, 1]);
    expect(row(q1, 't05-referral', 'sector:medical')).toEqual(['医療機関', '医療機関 小計', 1, 1]);
    expect(row(q1, 't09-support', 'supporter_referrals')?.slice(1)).toEqual([0, 0]);
  });

  it('site: the center only, outreach only, or one event', async () => {
    const center = await fx.call('report.build', { fiscalYear: 2025, site: { kind: 'center' } });
    expect(center.siteLabel).toBe('センター');
    expect(row(center, 't01-method', 'total')).toEqual(['合計', 9, 6, 5, 4, 5]); // without C2 and C8
    expect(row(center, 't10-events', 'total')).toEqual(['合計', 0, 0, 0, 0, 0]);
    const outreach = await fx.call('report.build', { fiscalYear: 2025, site: { kind: 'outreach' } });
    expect(row(outreach, 't01-method', 'total')).toEqual(['合計', 2, 2, 1, 1, 1]); // C2, C8
    expect(row(outreach, 't08-kind', 'peer')).toEqual(['ピア', 1, 1]);
    const e1 = await fx.call('report.build', {
      fiscalYear: 2025,
      site: { kind: 'event', eventId: fx.ids.e1.id },
    });
    expect(e1.siteLabel).toBe('イベント：出張相談会（熊谷）（令和7年6月10日（2025年6月10日））');
    expect(row(e1, 't01-method', 'outreach')).toEqual(['出張相談', 1, 1, 0, 1, 0]);
    expect(row(e1, 't01-method', 'total')).toEqual(['合計', 1, 1, 0, 1, 0]);
    expect(row(e1, 't10-events', 'total')).toEqual(['合計', 1, 12, 0, 1, 1]);
    expect(grid(e1, 't10-event-list').map((r) => r[0])).toEqual([fx.ids.e1.id]);
    // cases and coordination requests have no site: tables 11 and 12 are the same whatever the site
    expect(grid(e1, 't11-cases')).toEqual(grid(year, 't11-cases'));
    expect(grid(center, 't12-coordination')).toEqual(grid(year, 't12-coordination'));
    expect(grid(e1, 't12-refusal')).toEqual(grid(year, 't12-refusal'));
    // referrals follow their consultation's site: R9 (from C2) was made at E1
    expect(row(center, 't05-referral', 'total')).toEqual(['合計', '', 6, 3]);
    expect(row(center, 't05-referral', 'hub_hospital')?.slice(2)).toEqual([0, 0]);
    expect(row(outreach, 't05-referral', 'total')).toEqual(['合計', '', 1, 1]);
    expect(row(e1, 't05-referral', 'hub_hospital')?.slice(2)).toEqual([1, 1]);
    expect(row(e1, 't05-referral', 'total')).toEqual(['合計', '', 1, 1]);
  });

  it('a year without consultations: every table, every count zero', async () => {
    const empty = await fx.call('report.build', { fiscalYear: 2030 });
    expect(empty.tables.map((t) => t.id)).toEqual([...REPORT_TABLE_IDS]);
    expect(row(empty, 't01-method', 'total')).toEqual(['合計', 0, 0, 0, 0, 0]);
    expect(row(empty, 't03-disease-group', 'total')).toEqual(['合計', 0, 0]);
    expect(grid(empty, 't03-top-diseases')).toEqual([]);
    expect(row(empty, 't04-category', 'total')).toEqual(['', '合計', 0, 0, 0]);
    expect(row(empty, 't05-referral', 'total')).toEqual(['合計', '', 0, 0]);
    expect(
      row(empty, 't06-age-sex', 'total')
        ?.slice(1)
        .every((n) => n === 0),
    ).toBe(true);
    expect(row(empty, 't07-duration', 'total')).toEqual(['合計', 0, 0, 0, null, 0, 0, 0]);
    expect(row(empty, 't09-support', 'consultations')).toEqual(['就労支援の相談', 0, 0]);
  });

  it('top-N lists N numbers', async () => {
    const r = await fx.call('report.build', { fiscalYear: 2025, topN: 3, tables: ['t03-top-diseases'] });
    expect(grid(r, 't03-top-diseases').map((x) => x[0])).toEqual(['2', '6', '97']);
  });

  it('English wording from the en resources, same numbers', async () => {
    const r = await fx.call('report.build', {
      fiscalYear: 2025,
      lang: 'en',
      tables: ['t01-method', 't04-category', 't05-referral'],
    });
    expect(table(r, 't01-method').title).toBe(en.reports.tables['t01-method']);
    expect(table(r, 't01-method').columns.map((c) => c.label)).toEqual([
      'Method',
      'Contacts',
      'Persons',
      'New (contacts)',
      'Continuing (contacts)',
      'New persons',
    ]);
    expect(row(r, 't01-method', 'phone')).toEqual(['Phone', 5, 4, 3, 2, 3]);
    expect(row(r, 't04-category', 'top:1')).toEqual(['1', '1 Illness and medical care subtotal', 1, 3, 3]);
    expect(r.periodLabel).toBe('FY2025 2025-04-01 (Reiwa 7) – 2026-03-31 (Reiwa 8)');
    expect(row(r, 't05-referral', 'hello_work')).toEqual([
      'Employment support',
      'Hello Work (public employment office)',
      2,
      1,
    ]);
    expect(row(r, 't05-referral', 'sector:employment')).toEqual([
      'Employment support',
      'Employment support subtotal',
      4,
      2,
    ]);
    expect(table(r, 't05-referral').columns.map((c) => c.label)).toEqual([
      'Sector',
      'Destination type',
      'Referrals',
      'Persons',
    ]);
  });

  it('rejects months outside the year or out of order, and an unknown event', async () => {
    const bad = async (input: object) => {
      const r = await fx.dispatcher.dispatch('report.build', input);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await bad({ fiscalYear: 2025, fromMonth: '2025-03' })).toBe('INVALID_INPUT'); // March 2025 is FY2024
    expect(await bad({ fiscalYear: 2025, toMonth: '2026-04' })).toBe('INVALID_INPUT');
    expect(await bad({ fiscalYear: 2025, fromMonth: '2025-10', toMonth: '2025-05' })).toBe('INVALID_INPUT');
    expect(await bad({ fiscalYear: 2025, fromMonth: '2026-01', toMonth: '2026-03' })).toBe('ok'); // Jan–Mar are FY2025
    expect(
      await bad({
        fiscalYear: 2025,
        site: { kind: 'event', eventId: '01900000-0000-7000-8000-000000000000' },
      }),
    ).toBe('NOT_FOUND');
  });

  it('needs consultation.viewAll: a read-only account may, a peer supporter may not', async () => {
    await fx.addStaff('viewer', 'read_only', '閲覧 一', 'clerical');
    await fx.as('viewer');
    expect((await fx.dispatcher.dispatch('report.build', { fiscalYear: 2025 })).ok).toBe(true);
    await fx.as('peer1');
    const r = await fx.dispatcher.dispatch('report.build', { fiscalYear: 2025 });
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    await fx.as('admin');
  });

  it('leaves no temp tables behind', async () => {
    await fx.call('report.build', { fiscalYear: 2025, tables: ['t01-method'] });
    const { sql } = await import('kysely');
    const temp = await sql<{
      name: string;
    }>`SELECT name FROM temp.sqlite_master WHERE type = 'table'`.execute(fx.runtime.context().db);
    expect(temp.rows).toEqual([]);
  });
});
