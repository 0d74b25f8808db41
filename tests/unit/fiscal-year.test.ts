import { describe, it, expect } from 'vitest';
import {
  fiscalYearOf,
  fiscalYearPrefix,
  fiscalYearRange,
  formatFiscalYear,
} from '../../shared/dates/fiscal-year';

describe('fiscal year (年度)', () => {
  it('runs April to March', () => {
    expect(fiscalYearOf('2026-03-31')).toBe(2025);
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2025-12-31')).toBe(2025);
    expect(fiscalYearOf('2026-01-01')).toBe(2025);
    expect(() => fiscalYearOf('2026-04')).toThrow(RangeError);
  });

  it('gives the inclusive date range', () => {
    expect(fiscalYearRange(2025)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    const { from, to } = fiscalYearRange(2023);
    expect(fiscalYearOf(from)).toBe(2023);
    expect(fiscalYearOf(to)).toBe(2023);
  });

  it('formats in ja and en', () => {
    expect(formatFiscalYear(2025, 'ja')).toBe('令和7年度');
    expect(formatFiscalYear(2025)).toBe('令和7年度');
    expect(formatFiscalYear(2025, 'en')).toBe('FY2025');
    expect(formatFiscalYear(2019)).toBe('令和元年度');
    expect(formatFiscalYear(2018)).toBe('平成30年度');
    expect(formatFiscalYear(1989)).toBe('平成元年度');
    expect(formatFiscalYear(1988)).toBe('昭和63年度');
  });

  it('gives serial prefixes', () => {
    expect(fiscalYearPrefix(2025)).toBe('R7');
    expect(fiscalYearPrefix(2019)).toBe('R1');
    expect(fiscalYearPrefix(2018)).toBe('H30');
    expect(fiscalYearPrefix(1988)).toBe('S63');
  });
});
