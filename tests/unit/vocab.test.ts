import { describe, it, expect } from 'vitest';
import * as vocab from '../../shared/vocab';
import {
  CONSULTER_GROUPS,
  CONSULTER_RELATIONSHIPS,
  CONTENT_CATEGORIES,
  DISEASE_GROUPS,
  INSTITUTION_SECTORS,
  INSTITUTION_TYPES,
  RECORDABLE_CONTENT_CATEGORIES,
  consulterGroupOf,
  isConsultationMethod,
  isContentCategory,
  isRecordableContentCategory,
  topContentCategoryOf,
  vocabLabel,
  type VocabEntry,
} from '../../shared/vocab';

// Every exported array in the index is a vocabulary.
const vocabularies = (Object.entries(vocab) as [string, unknown][]).filter(
  (e): e is [string, readonly VocabEntry[]] => Array.isArray(e[1]),
);

describe('vocabularies', () => {
  it('are all exported from the index', () => {
    expect(vocabularies.map(([name]) => name).sort()).toEqual([
      'ACTIVITY_KINDS',
      'AGE_BANDS',
      'CARE_LEVELS',
      'CASE_STATES',
      'CONSENT_DATA_ITEMS',
      'CONSENT_METHODS',
      'CONSULTATION_KINDS',
      'CONSULTATION_METHODS',
      'CONSULTER_GROUPS',
      'CONSULTER_RELATIONSHIPS',
      'CONTACT_ANSWERS',
      'CONTENT_CATEGORIES',
      'COORDINATION_KINDS',
      'COORDINATION_REASONS',
      'COORDINATION_STATES',
      'COORDINATION_URGENCIES',
      'DIAGNOSIS_STATUSES',
      'DISABILITY_CERTIFICATE_STATUSES',
      'DISEASE_GROUPS',
      'EMPLOYMENT_STATUSES',
      'FOLLOW_UP_STATES',
      'INSTITUTION_CAPABILITIES',
      'INSTITUTION_SECTORS',
      'INSTITUTION_TYPES',
      'LETTER_TEMPLATES',
      'LIVING_SITUATIONS',
      'LONG_TERM_CARE_LEVELS',
      'MEDICAL_DEVICES',
      'NEW_OR_CONTINUING',
      'OUTCOMES',
      'RECIPIENT_CERTIFICATE_STATUSES',
      'RECORDABLE_CONTENT_CATEGORIES',
      'REFERRAL_STATES',
      'REFUSAL_REASONS',
      'RESPONSE_TYPES',
      'SEXES',
      'STAFF_PROFESSIONS',
      'STAFF_ROLES',
      'SUCTION_NEEDS',
      'VENTILATOR_NEEDS',
    ]);
  });

  it.each(vocabularies)('%s has unique ASCII codes and non-empty, unique labels', (_name, list) => {
    expect(list.length).toBeGreaterThan(1);
    const codes = list.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of list) {
      expect(e.code).toMatch(/^[a-z0-9_.+-]+$/);
      expect(e.ja.trim()).not.toBe('');
      expect(e.en.trim()).not.toBe('');
    }
    expect(new Set(list.map((e) => e.ja)).size).toBe(list.length);
  });

  it('snake_case codes except the numeric category and age-band codes', () => {
    for (const [name, list] of vocabularies) {
      if (['CONTENT_CATEGORIES', 'RECORDABLE_CONTENT_CATEGORIES', 'AGE_BANDS'].includes(name)) continue;
      for (const e of list) expect(e.code, name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    }
  });

  it('guards accept codes, reject labels and non-strings', () => {
    expect(isConsultationMethod('phone')).toBe(true);
    expect(isConsultationMethod('電話')).toBe(false);
    expect(isConsultationMethod(1)).toBe(false);
    expect(isConsultationMethod(undefined)).toBe(false);
    expect(vocab.isStaffRole('read_only')).toBe(true);
    expect(vocab.isSex('unknown')).toBe(false);
  });

  it('gives labels by language', () => {
    expect(vocabLabel(vocab.STAFF_ROLES, 'counselor', 'ja')).toBe('相談員');
    expect(vocabLabel(vocab.STAFF_ROLES, 'counselor', 'en')).toBe('Counselor');
    expect(vocabLabel(vocab.STAFF_ROLES, 'nope', 'ja')).toBeUndefined();
  });
});

describe('content categories', () => {
  const top = CONTENT_CATEGORIES.filter((c) => c.parent === null);

  it('has 9 top-level entries and every parent exists and is top level', () => {
    expect(top.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const c of CONTENT_CATEGORIES) {
      if (c.parent === null) continue;
      expect(top.map((t) => t.code)).toContain(c.parent);
      expect(c.code.startsWith(`${c.parent}.`)).toBe(true);
    }
  });

  it('follows DOMAIN §3: sub counts per top level', () => {
    const subs = top.map((t) => CONTENT_CATEGORIES.filter((c) => c.parent === t.code).length);
    expect(subs).toEqual([9, 5, 7, 5, 4, 3, 2, 2, 0]);
    expect(CONTENT_CATEGORIES.find((c) => c.code === '7.2')?.ja).toBe('電源確保');
  });

  it('records only leaves: subs, or a top level without subs', () => {
    expect(isRecordableContentCategory('3.4')).toBe(true);
    expect(isRecordableContentCategory('9')).toBe(true);
    expect(isRecordableContentCategory('3')).toBe(false);
    expect(isRecordableContentCategory('9.1')).toBe(false);
    expect(isContentCategory('3')).toBe(true);
    expect(RECORDABLE_CONTENT_CATEGORIES).toHaveLength(CONTENT_CATEGORIES.length - 8);
  });

  it('finds the top level of a code', () => {
    expect(topContentCategoryOf('3.4')).toBe('3');
    expect(topContentCategoryOf('9')).toBe('9');
  });
});

describe('structured vocabularies', () => {
  it('consulter relationships point at existing groups', () => {
    const groups = CONSULTER_GROUPS.map((g) => g.code);
    for (const r of CONSULTER_RELATIONSHIPS) expect(groups).toContain(r.group);
    expect(consulterGroupOf('spouse')).toBe('family');
    expect(consulterGroupOf('care_manager')).toBe('related');
    expect(consulterGroupOf('anonymous')).toBe('anonymous');
    expect(CONSULTER_RELATIONSHIPS.filter((r) => r.group === 'family')).toHaveLength(5);
    expect(CONSULTER_RELATIONSHIPS.filter((r) => r.group === 'related')).toHaveLength(8);
  });

  it('institution types point at existing sectors', () => {
    const sectors = INSTITUTION_SECTORS.map((s) => s.code);
    for (const t of INSTITUTION_TYPES) expect(sectors).toContain(t.sector);
    expect(INSTITUTION_TYPES).toHaveLength(22); // 難病医療拠点病院 and 難病診療分野別拠点病院 (seed 第3条, 附則第3条)
  });

  it('disease groups: 14 designated in 難病情報センター order, then 4 statistics buckets', () => {
    expect(DISEASE_GROUPS.filter((g) => g.designated)).toHaveLength(14);
    expect(DISEASE_GROUPS[0]?.code).toBe('neuro');
    expect(DISEASE_GROUPS.slice(14).map((g) => g.ja)).toEqual([
      '指定難病以外',
      '小児慢性特定疾病',
      '未診断',
      '不明',
    ]);
    expect(vocab.diseaseGroupByJa('神経・筋疾患')).toBe('neuro');
    expect(vocab.diseaseGroupByJa('未診断')).toBeUndefined(); // not a master-list group
  });

  it('fixes the sizes of the lists given in DOMAIN §2', () => {
    expect(vocab.CONSULTATION_METHODS).toHaveLength(10);
    expect(vocab.RESPONSE_TYPES).toHaveLength(11);
    expect(vocab.STAFF_PROFESSIONS).toHaveLength(10);
    expect(vocab.LONG_TERM_CARE_LEVELS.map((l) => l.ja)).toEqual([
      'なし',
      '要支援1',
      '要支援2',
      '要介護1',
      '要介護2',
      '要介護3',
      '要介護4',
      '要介護5',
      '申請中',
      '不明',
    ]);
    expect(vocab.DISABILITY_CERTIFICATE_STATUSES.map((d) => d.grade).filter((g) => g !== null)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });
});
