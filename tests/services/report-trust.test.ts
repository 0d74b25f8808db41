import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto, ReportTable, ReportTableId } from '../../shared/contract/reports';
import { REPORT_TABLE_IDS } from '../../shared/contract/reports';
import { trustFixture, type TrustFx } from '../fixtures/trust-fixture';

/**
 * Every number below is counted by hand from the table in tests/fixtures/trust-fixture.ts
 * (FY2025: C1–C11; X0 is FY2024). Persons: PA (C1, C2), PB (C3, C4), PC (C5), PD (C6), PE (C7,
 * C8), and the anonymous C9, C10, C11 — one person each: 8 persons.
 * 新規/継続 from each person's history (first consultation ever = 新規), unless set by hand with a
 * reason: 新規 C3, C5, C8, C9, C11 (5); 継続 C1, C2, C4, C7 and by hand C6, C10 (6).
 * 新規実人数 (persons whose first consultation ever is in the period): PB, PC, PE, C9, C11 (5).
 */
let fx: TrustFx;
let year: ReportDto;
beforeAll(async () => {
  fx = await trustFixture();
  year = await fx.call('report.build', { fiscalYear: 2025 });
}, 60_000);
afterAll(() => fx.close());

function table(r: ReportDto, id: ReportTableId): ReportTable {
  const t = r.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}
const grid = (r: ReportDto, id: ReportTableId) => table(r, id).rows.map((row) => [row.key, ...row.cells]);
const labels = (r: ReportDto, id: ReportTableId) => table(r, id).columns.map((c) => c.label);

describe('cases take the consultation, not the typing day (point 1)', () => {
  it('a 継続 consultation of a person with an open case joins it; no second case', () => {
    const { c1, c2, c3, c4, c5, c6 } = fx.c;
    expect(c1.caseId).not.toBeNull();
    expect(c2.caseId).toBe(c1.caseId); // outcome 継続 again: the same case, not a second one
    expect(c4.caseId).toBe(c3.caseId); // typed on 4/02, the case opened 6/01 is still open
    expect(c5.caseId).not.toBeNull();
    expect(c6.caseId).toBeNull(); // 継続 by hand but 終了: no ongoing support, no case
  });

  it("a case opened by a 3/31 consultation typed on 4/03 opens on 3/31 (the consultation's date)", async () => {
    const k3 = await fx.admin.db
      .selectFrom('cases')
      .select(['opened_at', 'person_id'])
      .where('id', '=', fx.c.c5.caseId!)
      .executeTakeFirstOrThrow();
    const opened = new Date(k3.opened_at);
    expect([opened.getFullYear(), opened.getMonth() + 1, opened.getDate()]).toEqual([2026, 3, 31]);
    expect(await fx.admin.db.selectFrom('cases').select('id').execute()).toHaveLength(3);
  });

  it('11: cases at the end of 3/31 — K1, K2 (closed 4/05) and K3 (3/31, typed 4/03) are open', () => {
    expect(grid(year, 't11-cases')).toEqual([
      ['open_cases', '基準日に継続中のケース', 3, 3],
      ['cases_opened', '期間中に開始したケース', 3, 3], // K1 4/05, K2 6/01, K3 3/31
      ['cases_closed', '期間中に終了したケース', 0, 0], // K2 closed 4/05: the next year
      ['open_follow_ups', '基準日に未完了のフォローアップ', 1, 1], // F2
      ['overdue_follow_ups', '基準日に期限を過ぎたフォローアップ', 1, 1], // F2 due 3/15
    ]);
  });
});

describe('新規/継続 from the person’s history (point 2)', () => {
  it('is shown with the consultation: derived, or set by hand with its reason', async () => {
    const get = (id: string) => fx.call('consultation.get', { id });
    const c7 = await get(fx.c.c7.id);
    expect([c7.continuity, c7.continuityDerived, c7.continuityReason]).toEqual([
      'continuing',
      'continuing',
      null,
    ]);
    const c8 = await get(fx.c.c8.id); // typed after C7, but the earlier call: first ever
    expect([c8.continuity, c8.continuityDerived]).toEqual(['new', 'new']);
    const c6 = await get(fx.c.c6.id);
    expect([c6.continuity, c6.continuityDerived, c6.continuityReason]).toEqual([
      'continuing',
      'new',
      '前任者の紙の記録に相談歴あり',
    ]);
    // the 転帰 row never moves it: C3 (outcome 継続) is the person's first consultation
    expect((await get(fx.c.c3.id)).continuity).toBe('new');
  });

  it('a hand-set value counts only with a reason; without one the history’s value is kept, with a warning', async () => {
    fx.setToday('2026-05-01'); // FY2026: the year under test is not touched
    const c = await fx.call('consultation.record', {
      receivedAt: '2026-05-01T10:00',
      method: 'phone',
      consulter: 'self',
      continuity: 'new', // an old import file's default
      person: { mode: 'existing', personId: fx.persons.pa },
    });
    expect([c.continuity, c.continuityReason]).toEqual(['continuing', null]);
    expect(c.warnings).toEqual([{ code: 'CONTINUITY_FROM_HISTORY', field: 'continuity' }]);
    // the same value as the history needs no reason and warns nothing
    const same = await fx.call('consultation.update', {
      id: c.id,
      expectedVersion: c.version,
      changes: {
        receivedAt: '2026-05-01T10:00',
        method: 'phone',
        consulter: 'self',
        continuity: 'continuing',
        person: { mode: 'existing', personId: fx.persons.pa },
      },
    });
    expect(same.warnings).toEqual([]);
    fx.setToday('2026-04-10');
  });

  it('1: by method — 延件数, 実人数, 新規/継続 (件) and 新規実人数', () => {
    expect(labels(year, 't01-method')).toEqual([
      '相談方法',
      '延件数',
      '実人数',
      '新規（件）',
      '継続（件）',
      '新規実人数',
    ]);
    expect(grid(year, 't01-method')).toEqual([
      ['phone', '電話', 8, 6, 3, 5, 3], // C1 C3 C4 C6 C7 C8 C9 C10; 新規 C3 C8 C9; persons new PB PE C9
      ['in_person', '来所面接', 1, 1, 0, 1, 0], // C2
      ['email', 'メール', 1, 1, 1, 0, 1], // C5
      ['fax', 'FAX', 0, 0, 0, 0, 0],
      ['letter', '手紙', 0, 0, 0, 0, 0],
      ['home_visit', '訪問', 0, 0, 0, 0, 0],
      ['outreach', '出張相談', 1, 1, 1, 0, 1], // C11
      ['online', 'オンライン', 0, 0, 0, 0, 0],
      ['accompany', '同行', 0, 0, 0, 0, 0],
      ['other', 'その他', 0, 0, 0, 0, 0],
      ['total', '合計', 11, 8, 5, 6, 5],
    ]);
  });

  it('1-2: by month (3/31 typed in April counts in March of the old year)', () => {
    expect(grid(year, 't01-month')).toEqual([
      ['2025-04', '2025年4月', 1, 1, 0, 1, 0], // C1
      ['2025-05', '2025年5月', 1, 1, 0, 1, 0], // C2
      ['2025-06', '2025年6月', 1, 1, 1, 0, 1], // C3
      ['2025-07', '2025年7月', 2, 2, 1, 1, 1], // C6 (継続 by hand), C8 (新規)
      ['2025-08', '2025年8月', 2, 2, 1, 1, 1], // C9, C10 (継続 by hand)
      ['2025-09', '2025年9月', 1, 1, 0, 1, 0], // C7
      ['2025-10', '2025年10月', 0, 0, 0, 0, 0],
      ['2025-11', '2025年11月', 1, 1, 1, 0, 1], // C11
      ['2025-12', '2025年12月', 0, 0, 0, 0, 0],
      ['2026-01', '2026年1月', 0, 0, 0, 0, 0],
      ['2026-02', '2026年2月', 0, 0, 0, 0, 0],
      ['2026-03', '2026年3月', 2, 2, 1, 1, 1], // C4, C5
      ['total', '合計', 11, 8, 5, 6, 5],
    ]);
  });

  it('1-3: by month and method', () => {
    //                       phone in_p email fax letter home outr onl acc other | sum persons
    expect(grid(year, 't01-month-method')).toEqual([
      ['2025-04', '2025年4月', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
      ['2025-05', '2025年5月', 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
      ['2025-06', '2025年6月', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
      ['2025-07', '2025年7月', 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2],
      ['2025-08', '2025年8月', 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2],
      ['2025-09', '2025年9月', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
      ['2025-10', '2025年10月', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ['2025-11', '2025年11月', 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1],
      ['2025-12', '2025年12月', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ['2026-01', '2026年1月', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ['2026-02', '2026年2月', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ['2026-03', '2026年3月', 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 2],
      ['total', '合計', 8, 1, 1, 0, 0, 0, 1, 0, 0, 0, 11, 8],
    ]);
  });
});

describe('the other tables of the year, every value by hand', () => {
  it('has every table in order, and the as-of day', () => {
    expect(year.tables.map((t) => t.id)).toEqual([...REPORT_TABLE_IDS]);
    expect(year.asOf).toBe('2026-03-31');
  });

  it('2: by consulter', () => {
    expect(grid(year, 't02-consulter')).toEqual([
      ['self', '本人', '本人', 4, 3], // C1 C3 C4 C5: PA PB PC
      ['spouse', '家族', '配偶者', 1, 1],
      ['parent', '家族', '親', 1, 1],
      ['child', '家族', '子', 1, 1],
      ['sibling', '家族', '兄弟姉妹', 0, 0],
      ['other_family', '家族', 'その他家族', 0, 0],
      ['group:family', '家族', '家族 小計', 3, 3], // PA PD PE
      ['medical_institution', '関係者', '医療機関', 0, 0],
      ['health_center', '関係者', '保健所', 0, 0],
      ['municipality', '関係者', '市町村', 0, 0],
      ['care_manager', '関係者', 'ケアマネジャー', 1, 1],
      ['support_specialist', '関係者', '相談支援専門員', 0, 0],
      ['service_provider', '関係者', '事業所', 0, 0],
      ['workplace', '関係者', '職場', 0, 0],
      ['school', '関係者', '学校', 0, 0],
      ['group:related', '関係者', '関係者 小計', 1, 1],
      ['general', '一般', '一般', 1, 1],
      ['anonymous', '匿名', '匿名', 2, 2],
      ['total', '合計', '', 11, 8],
    ]);
  });

  it('3: by disease group, and the top diseases', () => {
    expect(grid(year, 't03-disease-group')).toEqual([
      ['neuro', '神経・筋疾患', 2, 1], // C1 C2 (2 ALS)
      ['metabolic', '代謝疾患', 0, 0],
      ['chromosomal_genetic', '染色体・遺伝子異常', 0, 0],
      ['immune', '免疫疾患', 2, 1], // C3 C4 (49 SLE)
      ['cardiovascular', '循環器疾患', 0, 0],
      ['digestive', '消化器疾患', 1, 1], // C6 (97)
      ['endocrine', '内分泌疾患', 0, 0],
      ['hematologic', '血液疾患', 0, 0],
      ['renal_urologic', '腎・泌尿器疾患', 0, 0],
      ['respiratory', '呼吸器疾患', 0, 0],
      ['skin_connective', '皮膚・結合組織疾患', 0, 0],
      ['bone_joint', '骨・関節疾患', 0, 0],
      ['hearing_balance', '聴覚・平衡機能疾患', 0, 0],
      ['visual', '視覚疾患', 0, 0],
      ['non_designated', '指定難病以外', 0, 0],
      ['pediatric_chronic', '小児慢性特定疾病', 0, 0],
      ['undiagnosed', '未診断', 1, 1], // C9
      ['unknown', '不明', 5, 4], // C5 C7 C8 C10 C11: PC PE C10 C11
      ['total', '合計', 11, 8],
    ]);
    expect(grid(year, 't03-top-diseases')).toEqual([
      ['2', 1, 2, '筋萎縮性側索硬化症', 2, 1],
      ['49', 1, 49, '全身性エリテマトーデス', 2, 1],
      ['97', 3, 97, '潰瘍性大腸炎', 1, 1],
    ]);
  });

  it('4: by content', () => {
    const g = grid(year, 't04-category');
    const pick = (...keys: string[]) => g.filter((r) => keys.includes(r[0] as string));
    expect(pick('top:1', '1.5', '1.7', 'top:2', '2.1', '2.4', 'top:3', '3.1', '3.5', 'top:4', '4.1')).toEqual(
      [
        ['top:1', '1', '1 病気・医療 小計', 2, 2, 2], // C5 C1
        ['1.5', '1.5', '未診断', 1, 1, 1],
        ['1.7', '1.7', '医療処置管理（呼吸器・吸引・胃ろう）', 1, 1, 1],
        ['top:2', '2', '2 療養の場・介護 小計', 3, 3, 2], // C2 C7 C8: PA PE
        ['2.1', '2.1', '在宅療養・訪問看護/介護', 1, 1, 1],
        ['2.4', '2.4', '介護保険', 2, 2, 1],
        ['top:3', '3', '3 制度・手続 小計', 3, 3, 2], // C3 C4 C11: PB C11
        ['3.1', '3.1', '特定医療費（申請・更新・軽症高額）', 2, 2, 1],
        ['3.5', '3.5', '日常生活用具・補装具', 1, 1, 1],
        ['top:4', '4', '4 就労・就学 小計', 1, 1, 1],
        ['4.1', '4.1', '就職活動', 1, 1, 1],
      ],
    );
    expect(pick('top:5', '5.1', 'top:6', 'top:7', 'top:8', '9')).toEqual([
      ['top:5', '5', '5 心理・社会 小計', 2, 2, 2],
      ['5.1', '5.1', '不安・気持ちの整理', 2, 2, 2],
      ['top:6', '6', '6 交流・ピア 小計', 0, 0, 0],
      ['top:7', '7', '7 災害・緊急時 小計', 0, 0, 0],
      ['top:8', '8', '8 支援者からの相談 小計', 0, 0, 0],
      ['9', '9', 'センター事業の問合せ・その他', 0, 0, 0],
    ]);
    expect(g.slice(-3)).toEqual([
      ['no_main', '', '主たる内容の指定なし', 0, null, null],
      ['no_category', '', '相談内容の記録なし', 0, null, null],
      ['total', '', '合計', 11, 11, 8],
    ]);
    const named = ['1.5', '1.7', '2.1', '2.4', '3.1', '3.5', '4.1', '5.1'];
    for (const r of g.filter((x) => /^\d(\.\d)?$/.test(x[0] as string) && !named.includes(x[0] as string)))
      expect(r.slice(3), r[0] as string).toEqual([0, 0, 0]);
  });

  it('5: by response, and 5-2 referrals by the destination’s type (one referral, one type)', () => {
    expect(grid(year, 't05-response')).toEqual([
      ['listening', '傾聴', 4, 4], // C1 C6 C8 C9
      ['information', '情報提供', 3, 3], // C2 C10 C11
      ['explanation_advice', '制度説明・助言', 1, 1],
      ['procedure_support', '手続支援', 1, 1],
      ['referral', '関係機関紹介', 1, 1],
      ['coordination', '連絡調整', 1, 1],
      ['accompany', '同行', 0, 0],
      ['patient_group_intro', '患者会紹介', 1, 1],
      ['peer_support', 'ピア・サポート', 0, 0],
      ['to_medical_consultation', '医療相談へ', 0, 0],
      ['other', 'その他', 0, 0],
      ['total', '合計', 12, 8],
    ]);
    const ref = grid(year, 't05-referral');
    // 架空大学病院 is 難病診療連携拠点病院 and 難病医療拠点病院: its referral counts once, by its type
    expect(ref.find((r) => r[0] === 'hub_hospital')).toEqual([
      'hub_hospital',
      '医療機関',
      '難病診療連携拠点病院',
      1,
      1,
    ]);
    expect(ref.find((r) => r[0] === 'medical_hub_hospital')).toEqual([
      'medical_hub_hospital',
      '医療機関',
      '難病医療拠点病院',
      0,
      0,
    ]);
    expect(ref.find((r) => r[0] === 'sector:medical')).toEqual([
      'sector:medical',
      '医療機関',
      '医療機関 小計',
      1,
      1,
    ]);
    expect(ref.find((r) => r[0] === 'total')).toEqual(['total', '合計', '', 1, 1]);
    expect(ref.find((r) => r[0] === 'response_referral')).toEqual([
      'response_referral',
      '',
      '（参考）対応内容「関係機関紹介」の相談',
      1,
      1,
    ]);
    for (const r of ref.filter(
      (x) => !['hub_hospital', 'sector:medical', 'total', 'response_referral'].includes(x[0] as string),
    ))
      expect(r.slice(-2), r[0] as string).toEqual([0, 0]);
  });

  it('6: age band × sex (PA is 64 in April, 65 from May: counted once, at 65)', () => {
    expect(grid(year, 't06-age-sex')).toEqual([
      ['0-9', '0〜9歳', 0, 0, 0, 0, 0, 0, 0, 0],
      ['10-19', '10〜19歳', 0, 0, 0, 0, 0, 0, 0, 0],
      ['20-29', '20〜29歳', 0, 1, 0, 1, 0, 1, 0, 1], // C6 PD 25
      ['30-39', '30〜39歳', 0, 2, 0, 2, 0, 1, 0, 1], // C3 C4 PB 35, 36
      ['40-49', '40〜49歳', 1, 1, 0, 2, 1, 1, 0, 2], // C5 PC 45, C9
      ['50-59', '50〜59歳', 0, 0, 0, 0, 0, 0, 0, 0],
      ['60-69', '60〜69歳', 3, 2, 0, 5, 2, 1, 0, 3], // C1 C2 C10 | C7 C8 (PE 69)
      ['70-79', '70〜79歳', 1, 0, 0, 1, 1, 0, 0, 1], // C11
      ['80-89', '80〜89歳', 0, 0, 0, 0, 0, 0, 0, 0],
      ['90+', '90歳以上', 0, 0, 0, 0, 0, 0, 0, 0],
      ['unknown', '不明', 0, 0, 0, 0, 0, 0, 0, 0],
      ['total', '合計', 5, 6, 0, 11, 4, 4, 0, 8],
    ]);
  });

  it('6-4: the 介護保険 cut — 40–64 and 65+; a 60–69 band without a birth date cannot be placed', () => {
    expect(labels(year, 't06-age-ltc')).toEqual(['年齢区分', '延件数', '実人数']);
    expect(grid(year, 't06-age-ltc')).toEqual([
      ['0-39', '0〜39歳', 3, 2], // C3 C4 C6: PB PD
      ['40-64', '40〜64歳（第2号被保険者の年齢）', 3, 2], // C1 (PA 64), C5, C9 — PA counted at 65
      ['65+', '65歳以上（第1号被保険者の年齢）', 4, 3], // C2 C7 C8 C11: PA PE C11
      ['unknown', '不明', 1, 1], // C10: 60〜69歳 only
      ['total', '合計', 11, 8],
    ]);
  });

  it('6-2: 保健所管内 by one lookup — wards of さいたま市 under the city’s 保健所, 新宿区 is 県外', () => {
    expect(grid(year, 't06-health-center')).toEqual([
      [fx.hc.kawagoe.id, '川越市保健所', 5, 3], // C3 C4 C7 C8 C11: PB PE C11
      [fx.hc.saitama.id, 'さいたま市保健所', 4, 3], // 浦和区 C1 C2 C9, 大宮区 C6: PA C9 PD
      ['out_of_pref', '県外', 1, 1], // C5: 131041 is 東京都, the center is in 埼玉県
      ['unknown', '管轄保健所不明', 1, 1], // C10
      ['total', '合計', 11, 8],
    ]);
  });

  it('6-3: by municipality, the wards grouped under their city', () => {
    const t = table(year, 't06-municipality');
    expect(grid(year, 't06-municipality')).toEqual([
      ['city:111007', '111007', '埼玉県', 'さいたま市 小計', 4, 3],
      ['111031', '111031', '埼玉県', 'さいたま市 大宮区', 1, 1],
      ['111074', '111074', '埼玉県', 'さいたま市 浦和区', 3, 2],
      ['112011', '112011', '埼玉県', '川越市', 5, 3],
      ['131041', '131041', '東京都', '新宿区', 1, 1],
      ['out_of_pref', '', '県外', '', 0, 0],
      ['unknown', '', '不明', '', 1, 1],
      ['total', '', '合計', '', 11, 8],
    ]);
    expect(t.rows[0]!.kind).toBe('subtotal');
  });

  it('7: time spent', () => {
    const t = grid(year, 't07-duration');
    expect(t.find((r) => r[0] === 'phone')).toEqual(['phone', '電話', 8, 7, 217, 31, 3, 1, 1]);
    expect(t.find((r) => r[0] === 'in_person')).toEqual(['in_person', '来所面接', 1, 1, 40, 40, 1, 0, 0]);
    expect(t.find((r) => r[0] === 'email')).toEqual(['email', 'メール', 1, 0, 0, null, 0, 0, 1]);
    expect(t.find((r) => r[0] === 'outreach')).toEqual(['outreach', '出張相談', 1, 1, 45, 45, 1, 0, 0]);
    expect(t.at(-1)).toEqual(['total', '合計', 11, 9, 302, 33.6, 5, 1, 2]); // 302 / 9 = 33.56
  });

  it('8: by responder and by kind', () => {
    const g = grid(year, 't08-profession');
    expect(g.find((r) => r[0] === 'nanbyo_counselor')).toEqual(['nanbyo_counselor', '難病相談支援員', 11, 8]);
    expect(g.find((r) => r[0] === 'nurse')).toEqual(['nurse', '看護師', 1, 1]);
    expect(g.at(-1)).toEqual(['total', '合計', 12, 8]);
    expect(grid(year, 't08-kind')).toEqual([
      ['professional', '専門職', 10, 7],
      ['peer', 'ピア', 1, 1],
      ['employment', '就労', 0, 0],
      ['medical', '医療相談', 0, 0],
      ['total', '合計', 11, 8],
    ]);
  });

  it('9: employment support', () => {
    expect(grid(year, 't09-employment').filter((r) => r[3] !== 0)).toEqual([
      ['job_seeking', '求職中', 1, 1],
      ['total', '合計', 1, 1],
    ]);
    expect(grid(year, 't09-support')).toEqual([
      ['consultations', '就労支援の相談', 1, 1],
      ['supporter_referrals', '就職サポーター等への紹介', 0, 0],
      ['joint_sessions', '同行・同席', 0, 0],
    ]);
  });

  it('10: events held by the as-of day', () => {
    expect(grid(year, 't10-events').filter((r) => r[2] !== 0 || r[0] === 'total')).toEqual([
      ['outreach_consultation', '出張相談会', 1, 9, 0, 1, 1],
      ['lecture', '講演会', 1, 0, 1, 0, 0], // E2 on 3/20, no count
      ['total', '合計', 2, 9, 1, 1, 1],
    ]);
  });

  it('12: no coordination requests: zeros', () => {
    expect(grid(year, 't12-coordination').at(-1)).toEqual([
      'total',
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
    expect(grid(year, 't12-refusal').at(-1)).toEqual(['total', '合計', 0, 0, 0]);
  });
});

describe('what is recorded is also counted (point 6)', () => {
  it('13: 受給者証, by each person’s last consultation', () => {
    expect(grid(year, 't13-recipient-cert')).toEqual([
      ['held', 'あり', 3, 2], // C1 C2 C4: PA PB
      ['none', 'なし', 1, 1], // C6 PD
      ['applying', '申請中', 1, 0], // C3: PB's last (C4) says あり
      ['unknown', '不明', 0, 0],
      ['not_recorded', '未記入', 6, 5], // C5 C7 C8 C9 C10 C11
      ['total', '合計', 11, 8],
    ]);
  });

  it('13-2: 身体障害者手帳', () => {
    const g = grid(year, 't13-disability-cert');
    expect(g.filter((r) => r[2] !== 0 || r[0] === 'total')).toEqual([
      ['none', 'なし', 1, 1], // C7 PE
      ['grade_1', '1級', 2, 1], // C1 C2 PA
      ['not_recorded', '未記入', 8, 6],
      ['total', '合計', 11, 8],
    ]);
    expect(g.map((r) => r[0])).toEqual([
      'none',
      'grade_1',
      'grade_2',
      'grade_3',
      'grade_4',
      'grade_5',
      'grade_6',
      'applying',
      'unknown',
      'not_recorded',
      'total',
    ]);
  });

  it('13-3: 介護保険', () => {
    expect(grid(year, 't13-ltc').filter((r) => r[2] !== 0 || r[0] === 'total')).toEqual([
      ['none', 'なし', 1, 0], // C3: PB's last (C4) has none recorded
      ['support_1', '要支援1', 2, 1], // C7 C8 PE
      ['care_2', '要介護2', 1, 0], // C1: PA's last is C2
      ['care_3', '要介護3', 1, 1], // C2
      ['not_recorded', '未記入', 6, 6], // C4 C5 C6 C9 C10 C11
      ['total', '合計', 11, 8],
    ]);
  });

  it('13-4: medical devices — each device once per consultation; consultations with any', () => {
    expect(grid(year, 't13-devices')).toEqual([
      ['ventilator_tppv', '人工呼吸器（TPPV）', 1, 1],
      ['ventilator_nppv', '人工呼吸器（NPPV）', 1, 1],
      ['suction', '吸引', 2, 1],
      ['tube_feeding', '胃ろう・経管栄養', 0, 0],
      ['home_oxygen', '在宅酸素', 1, 1],
      ['tracheostomy', '気管切開', 1, 1],
      ['parenteral_nutrition', '中心静脈栄養', 0, 0],
      ['urinary_catheter', '導尿・カテーテル', 0, 0],
      ['other', 'その他', 0, 0],
      ['with_any', '医療機器・医療的ケアのある相談', 3, 2], // C1 C2 C11: PA C11
      ['no_device', '記録なし', 8, 6],
      ['total', '合計', 11, 8],
    ]);
  });

  it('13-5: diagnosis, 13-6: outcome (転帰)', () => {
    expect(grid(year, 't13-diagnosis')).toEqual([
      ['confirmed', '確定', 5, 3], // C1 C2 C3 C4 C6
      ['suspected', '疑い', 1, 1],
      ['undiagnosed', '未診断', 1, 1],
      ['unknown', '不明', 2, 1], // C7 C8
      ['not_recorded', '未記入', 2, 2], // C10 C11
      ['total', '合計', 11, 8],
    ]);
    expect(grid(year, 't13-outcome')).toEqual([
      ['closed', '終了', 5, 4], // C6 C8 C9 C10 C11: PE's last (C7) is 引継ぎ
      ['continuing', '継続', 5, 3], // C1–C5
      ['handed_over', '引継ぎ', 1, 1],
      ['not_recorded', '未記入', 0, 0],
      ['total', '合計', 11, 8],
    ]);
  });
});

describe('地域支援対策事業 and meetings (point 8)', () => {
  it('14: held by the as-of day, participants, the institutions that attended', () => {
    expect(labels(year, 't14-activities')).toEqual([
      '種別',
      '実施回数',
      '参加者数',
      '参加者数未記入（回）',
      '参加機関（延べ）',
      '参加機関（実数）',
    ]);
    expect(grid(year, 't14-activities')).toEqual([
      ['regional_support', '地域支援対策事業', 1, 25, 0, 2, 2], // A1 (A6 is FY2024)
      ['council', '協議会', 2, 12, 1, 4, 3], // A2, A5 (no count): さいたま ×2, 病院, 川越
      ['support_meeting', '支援者会議', 1, 6, 0, 2, 2], // A3: 病院, 訪問看護 (not in the directory)
      ['equipment_display', '日常生活用具の展示', 1, 14, 0, 0, 0], // A4: 14 visitors
      ['total', '合計', 5, 57, 1, 8, 4],
    ]);
    expect(grid(year, 't14-activity-list')).toEqual([
      [
        fx.activities.a1.id,
        '2025-06-15',
        '地域支援対策事業',
        '災害時個別避難計画の研修',
        'さいたま市保健所、川越市保健所',
        25,
      ],
      [
        fx.activities.a2.id,
        '2025-10-20',
        '協議会',
        '難病対策地域協議会',
        'さいたま市保健所、架空大学病院、川越市保健所',
        12,
      ],
      [fx.activities.a4.id, '2025-11-01', '日常生活用具の展示', '日常生活用具の展示', '', 14],
      [
        fx.activities.a3.id,
        '2025-12-05',
        '支援者会議',
        '在宅療養の支援者会議',
        '架空大学病院、訪問看護ステーションみどり',
        6,
      ],
      [fx.activities.a5.id, '2026-03-25', '協議会', '難病対策地域協議会（第2回）', 'さいたま市保健所', null],
    ]);
  });
});

describe('a report made before the year ends (point 5)', () => {
  it('events and activities dated after the as-of day are not held yet', async () => {
    fx.setToday('2026-03-22');
    const r = await fx.call('report.build', {
      fiscalYear: 2025,
      tables: ['t10-events', 't10-event-list', 't14-activities', 't14-activity-list'],
    });
    fx.setToday('2026-04-10');
    expect(r.asOf).toBe('2026-03-22');
    expect(grid(r, 't10-events').at(-1)).toEqual(['total', '合計', 2, 9, 1, 1, 1]); // E2 on 3/20 is past
    expect(grid(r, 't14-activities').find((x) => x[0] === 'council')).toEqual([
      'council',
      '協議会',
      1,
      12,
      0,
      3,
      3,
    ]);
    expect(grid(r, 't14-activities').at(-1)).toEqual(['total', '合計', 4, 57, 0, 7, 4]);
    expect(grid(r, 't14-activity-list').map((x) => x[0])).not.toContain(fx.activities.a5.id);
    fx.setToday('2026-03-10');
    const early = await fx.call('report.build', {
      fiscalYear: 2025,
      tables: ['t10-events', 't10-event-list'],
    });
    fx.setToday('2026-04-10');
    expect(grid(early, 't10-events').at(-1)).toEqual(['total', '合計', 1, 9, 0, 1, 1]); // E2 (3/20) not yet
    expect(grid(early, 't10-event-list').map((x) => x[0])).toEqual([fx.events.e1.id]);
  });
});
