import { describe, expect, it } from 'vitest';
import {
  compareCandidates,
  designationRank,
  type RankedCandidate,
} from '../../electron/services/coordination/candidate-order';
import {
  capabilityCodes,
  capabilityOfTag,
  normalizeCapabilityTags,
} from '../../shared/coordination/capability-tags';
import { coverage, requirementsOf } from '../../shared/coordination/requirements';

describe('capability tags', () => {
  it('turn known tags (codes, labels, common words) into codes and keep free tags as typed', () => {
    expect(capabilityOfTag('respite_beds')).toBe('respite_beds');
    expect(capabilityOfTag(' ﾚｽﾊﾟｲﾄ ')).toBe('respite_beds'); // half-width katakana folds
    expect(capabilityOfTag('人工呼吸器（TPPV）の受入')).toBe('ventilator_tppv');
    expect(capabilityOfTag('NPPV')).toBe('ventilator_nppv');
    expect(capabilityOfTag('脳神経内科')).toBe('neurology');
    expect(capabilityOfTag('人工呼吸器')).toBeNull(); // TPPV or NPPV? left for a person to say
    expect(capabilityOfTag('ventilator')).toBeNull();
    expect(
      normalizeCapabilityTags(['駐車場あり', 'gastrostomy', '胃ろう', 'respite', '', ' 駐車場あり ', 'TPPV']),
    ).toEqual(['ventilator_tppv', 'gastrostomy', 'respite_beds', '駐車場あり']);
    expect(capabilityCodes(['respite', '人工呼吸器', 'suction'])).toEqual(
      new Set(['respite_beds', 'suction']),
    );
  });
});

describe('requirements of a request', () => {
  it('come from the kind and the medical needs', () => {
    const needs = (kind: string, ventilator = 'none', suction = 'none', gastrostomy = false) =>
      requirementsOf({ kind, ventilator, suction, gastrostomy }).map((r) => r.need);
    expect(needs('respite', 'tppv', 'frequent', true)).toEqual([
      'respite_beds',
      'ventilator_tppv',
      'frequent_suction',
      'gastrostomy',
    ]);
    expect(needs('admission', 'nppv', 'occasional')).toEqual(['ventilator_nppv', 'suction']);
    expect(needs('diagnostic_visit')).toEqual(['nanbyo_diagnosis']);
    expect(needs('transfer')).toEqual([]);
  });

  it('occasional suction is covered by either suction capability, frequent suction only by its own', () => {
    const occasional = requirementsOf({
      kind: 'admission',
      ventilator: 'none',
      suction: 'occasional',
      gastrostomy: false,
    });
    const frequent = requirementsOf({
      kind: 'admission',
      ventilator: 'none',
      suction: 'frequent',
      gastrostomy: false,
    });
    expect(coverage(occasional, new Set(['frequent_suction']))).toEqual({
      covered: ['suction'],
      missing: [],
    });
    expect(coverage(frequent, new Set(['suction']))).toEqual({ covered: [], missing: ['frequent_suction'] });
    const tppv = requirementsOf({
      kind: 'admission',
      ventilator: 'tppv',
      suction: 'none',
      gastrostomy: false,
    });
    expect(coverage(tppv, new Set(['ventilator_nppv'])).missing).toEqual(['ventilator_tppv']);
  });
});

describe('candidate order', () => {
  const c = (id: string, over: Partial<RankedCandidate> = {}): RankedCandidate => ({
    id,
    type: 'core_cooperating_hospital',
    reading: 'あ',
    missing: 0,
    nearness: 'municipality',
    refused: false,
    ...over,
  });
  const order = (kind: string, care: string, list: RankedCandidate[]) =>
    [...list].sort(compareCandidates(kind, care)).map((x) => x.id);

  it('designation ranks follow the seed articles per kind', () => {
    expect(designationRank('respite', 'core_cooperating_hospital')).toBe(0);
    expect(designationRank('respite', 'hub_hospital')).toBe(2);
    expect(designationRank('admission', 'hub_hospital')).toBe(0);
    expect(designationRank('transfer', 'hub_hospital')).toBe(0);
    expect(designationRank('diagnostic_visit', 'nanbyo_cooperating_institution')).toBe(1);
    expect(designationRank('respite', 'other_medical')).toBe(4);
    expect(designationRank('something_new', 'hub_hospital')).toBe(0); // as 入院
    // several designations: the best counts (a 一般協力医療機関 that is also 難病医療拠点病院)
    expect(designationRank('admission', 'general_cooperating_institution', ['medical_hub_hospital'])).toBe(0);
    expect(designationRank('respite', 'other_medical', ['nanbyo_cooperating_institution'])).toBe(1);
  });

  it('refused sinks; fewer missing first; care level decides nearness vs designation; then reading, then id', () => {
    const list = [
      c('refused', { refused: true }),
      c('missing1', { missing: 1 }),
      c('far-core', { nearness: 'prefecture' }),
      c('near-general', { type: 'general_cooperating_institution' }),
      c('b-same', { reading: 'い' }),
      c('a-same', { reading: 'い' }),
      c('first', { reading: 'あ' }),
    ];
    expect(order('respite', 'moderate', list)).toEqual([
      'first',
      'a-same',
      'b-same',
      'near-general',
      'far-core',
      'missing1',
      'refused',
    ]);
    expect(order('respite', 'high', list)).toEqual([
      'first',
      'a-same',
      'b-same',
      'far-core',
      'near-general',
      'missing1',
      'refused',
    ]);
  });

  it('nearness: municipality, 保健所 area, prefecture, not recorded, other prefecture', () => {
    const list = (
      ['other_prefecture', 'unknown', 'prefecture', 'health_center', 'municipality'] as const
    ).map((n) => c(n, { nearness: n }));
    expect(order('admission', 'low', list)).toEqual([
      'municipality',
      'health_center',
      'prefecture',
      'unknown',
      'other_prefecture',
    ]);
  });
});
