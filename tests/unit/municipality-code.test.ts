import { describe, it, expect } from 'vitest';
import {
  isValidMunicipalityCode,
  municipalityCheckDigit,
  prefectureCodeOf,
} from '../../shared/codes/municipality-code';

describe('municipality code check digit', () => {
  it('accepts known codes', () => {
    expect(isValidMunicipalityCode('111007')).toBe(true); // さいたま市
    expect(isValidMunicipalityCode('011002')).toBe(true); // 札幌市
    expect(isValidMunicipalityCode('131016')).toBe(true); // 千代田区
  });

  it('rejects a wrong check digit and malformed codes', () => {
    expect(isValidMunicipalityCode('111008')).toBe(false);
    expect(isValidMunicipalityCode('11100')).toBe(false);
    expect(isValidMunicipalityCode('1110070')).toBe(false);
    expect(isValidMunicipalityCode('11100a')).toBe(false);
    expect(isValidMunicipalityCode('')).toBe(false);
  });

  it('computes 11 − (weighted sum mod 11), last digit', () => {
    expect(municipalityCheckDigit('11100')).toBe('7'); // 6+5+4 = 15, 15 mod 11 = 4, 11−4 = 7
    expect(municipalityCheckDigit('00000')).toBe('1'); // remainder 0 → 11 → 1
    expect(municipalityCheckDigit('20000')).toBe('0'); // 12 mod 11 = 1 → 10 → 0
    expect(municipalityCheckDigit('00005')).toBe('1'); // 10 mod 11 = 10 → 1
    expect(municipalityCheckDigit('10005')).toBe('6'); // 6+10 = 16, 16 mod 11 = 5, 11−5 = 6
    expect(municipalityCheckDigit('01002')).toBe('2'); // 5+4 = 9 → 2 (札幌市 011002)
  });

  it('throws unless given exactly five digits', () => {
    expect(() => municipalityCheckDigit('1110')).toThrow(RangeError);
    expect(() => municipalityCheckDigit('11100 ')).toThrow(RangeError);
  });

  it('gives the prefecture part', () => {
    expect(prefectureCodeOf('111007')).toBe('11');
  });
});
