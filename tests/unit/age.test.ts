import { describe, it, expect } from 'vitest';
import { AGE_BANDS, ageBandOf, ageOn, isAgeBand } from '../../shared/dates/age';

describe('ageOn (満年齢)', () => {
  it('counts completed years, older on the birthday', () => {
    expect(ageOn('1980-06-15', '2025-06-14')).toBe(44);
    expect(ageOn('1980-06-15', '2025-06-15')).toBe(45);
    expect(ageOn('1980-06-15', '2025-12-31')).toBe(45);
    expect(ageOn('2025-04-01', '2025-04-01')).toBe(0);
  });

  it('makes a 29 February birth older on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('2000-02-29', '2024-02-28')).toBe(23);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('returns null for bad dates or a date before birth', () => {
    expect(ageOn('1980-06-15', '1980-06-14')).toBeNull();
    expect(ageOn('1980-02-30', '2025-01-01')).toBeNull();
    expect(ageOn('1980-06-15', 'today')).toBeNull();
  });
});

describe('age bands', () => {
  it('maps ages to 10-year bands', () => {
    expect(ageBandOf(0)).toBe('0-9');
    expect(ageBandOf(9)).toBe('0-9');
    expect(ageBandOf(10)).toBe('10-19');
    expect(ageBandOf(45)).toBe('40-49');
    expect(ageBandOf(89)).toBe('80-89');
    expect(ageBandOf(90)).toBe('90+');
    expect(ageBandOf(112)).toBe('90+');
  });

  it('treats missing or impossible ages as unknown', () => {
    expect(ageBandOf(null)).toBe('unknown');
    expect(ageBandOf(undefined)).toBe('unknown');
    expect(ageBandOf(-1)).toBe('unknown');
    expect(ageBandOf(Number.NaN)).toBe('unknown');
    expect(ageBandOf(ageOn('1980-06-15', '1970-01-01'))).toBe('unknown');
  });

  it('covers every age 0–120 with exactly one band', () => {
    for (let age = 0; age <= 120; age++) {
      const hits = AGE_BANDS.filter(
        (b) => b.min !== null && age >= b.min && (b.max === null || age <= b.max),
      );
      expect(hits.map((b) => b.code)).toEqual([ageBandOf(age)]);
    }
    expect(AGE_BANDS.map((b) => b.code)).toEqual([
      '0-9',
      '10-19',
      '20-29',
      '30-39',
      '40-49',
      '50-59',
      '60-69',
      '70-79',
      '80-89',
      '90+',
      'unknown',
    ]);
    expect(isAgeBand('90+')).toBe(true);
    expect(isAgeBand('90-99')).toBe(false);
  });
});
