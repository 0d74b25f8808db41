import { describe, it, expect } from 'vitest';
import {
  daysInMonth,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  requireIsoDate,
  toIsoDate,
} from '../../shared/dates/iso-date';

describe('iso-date', () => {
  it('parses real dates only', () => {
    expect(parseIsoDate('2025-04-01')).toEqual({ year: 2025, month: 4, day: 1 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2025-04-31')).toBeNull();
    expect(parseIsoDate('2025-13-01')).toBeNull();
    expect(parseIsoDate('2025-4-1')).toBeNull();
    expect(parseIsoDate('2025-04-01T00:00:00Z')).toBeNull();
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 11)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('formats with zero padding and throws on bad input when required', () => {
    expect(toIsoDate(2025, 4, 1)).toBe('2025-04-01');
    expect(() => requireIsoDate('2025/04/01')).toThrow(RangeError);
  });
});
