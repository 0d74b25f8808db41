import { describe, it, expect } from 'vitest';
import { formatDateBoth, formatWareki, parseWareki, toWareki } from '../../shared/dates/wareki';

describe('formatWareki', () => {
  it.each([
    ['2025-04-01', '令和7年4月1日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1912-07-29', '明治45年7月29日'],
    ['1873-01-01', '明治6年1月1日'],
  ])('%s → %s', (iso, expected) => {
    expect(formatWareki(iso)).toBe(expected);
  });

  it('has a short style and can write 1年 instead of 元年', () => {
    expect(formatWareki('2025-04-01', { style: 'short' })).toBe('R7.4.1');
    expect(formatWareki('1975-01-02', { style: 'short' })).toBe('S50.1.2');
    expect(formatWareki('2019-05-01', { gannen: false })).toBe('令和1年5月1日');
  });

  it('falls back to 西暦 before the Gregorian calendar was adopted (1873)', () => {
    expect(toWareki('1872-12-31')).toBeNull();
    expect(formatWareki('1872-12-31')).toBe('1872年12月31日');
  });

  it('throws on a malformed date', () => {
    expect(() => formatWareki('2025-02-30')).toThrow(RangeError);
  });

  it('agrees with Intl ja-JP-u-ca-japanese on the first of every month 1873–2035 and at era edges', () => {
    const intl = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      era: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    const dates = [
      '2019-04-30',
      '2019-05-01',
      '1989-01-07',
      '1989-01-08',
      '1926-12-24',
      '1926-12-25',
      '1912-07-29',
      '1912-07-30',
    ];
    for (let y = 1873; y <= 2035; y++) {
      for (let m = 1; m <= 12; m++) dates.push(`${y}-${String(m).padStart(2, '0')}-01`);
    }
    const mismatches = dates.filter((iso) => formatWareki(iso) !== intl.format(new Date(`${iso}T00:00:00Z`)));
    expect(mismatches).toEqual([]);
  });
});

describe('formatDateBoth', () => {
  it('shows 和暦 and 西暦', () => {
    expect(formatDateBoth('2025-04-01')).toBe('令和7年4月1日（2025年4月1日）');
    expect(formatDateBoth('2025-04-01', 'en')).toBe('2025-04-01 (Reiwa 7)');
    expect(formatDateBoth('2019-05-01', 'en')).toBe('2019-05-01 (Reiwa 1)');
    expect(formatDateBoth('1975-01-02', 'en')).toBe('1975-01-02 (Showa 50)');
  });
});

describe('parseWareki', () => {
  it.each([
    ['R7.4.1', '2025-04-01'],
    ['令和7年4月1日', '2025-04-01'],
    ['H31/4/30', '2019-04-30'],
    ['S50.1.2', '1975-01-02'],
    ['令和元年5月1日', '2019-05-01'],
    ['R1.5.1', '2019-05-01'],
    ['r07-04-01', '2025-04-01'],
    ['Ｒ７．４．１', '2025-04-01'],
    ['㋿7年4月1日', '2025-04-01'],
    ['平成 元年 1月 8日', '1989-01-08'],
    ['T15.12.24', '1926-12-24'],
    ['M45.7.29', '1912-07-29'],
  ])('%s → %s', (input, iso) => {
    expect(parseWareki(input)).toBe(iso);
  });

  it.each([
    'H31.5.1', // that day is 令和元年
    'R1.4.30', // still 平成
    'S64.1.8', // 平成 began that day
    'H1.1.7',
    'R7.2.29', // 2025 is not a leap year
    'R7.4.31',
    'R0.4.1',
    'M5.1.1', // lunisolar calendar, not convertible
    'R7.4/1', // mixed separators
    'X7.4.1',
    '2025-04-01',
    '',
  ])('rejects %s', (input) => {
    expect(parseWareki(input)).toBeNull();
  });

  it('round-trips with the short format', () => {
    for (const iso of ['2025-04-01', '2019-05-01', '1989-01-08', '1926-12-25', '1912-07-30', '1990-02-28']) {
      expect(parseWareki(formatWareki(iso, { style: 'short' }))).toBe(iso);
      expect(parseWareki(formatWareki(iso))).toBe(iso);
    }
  });
});
