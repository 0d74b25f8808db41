// 年度: the Japanese fiscal year, April 1 to March 31, named by the year it starts in.
import { requireIsoDate } from './iso-date';
import { ERAS, eraOn, formatEraYear, type Era } from './wareki';

export interface DateRange {
  from: string; // ISO, inclusive
  to: string; // ISO, inclusive
}

/** 2026-03-31 → 2025, 2026-04-01 → 2026. Throws on a malformed date. */
export function fiscalYearOf(isoDate: string): number {
  const { year, month } = requireIsoDate(isoDate);
  return month >= 4 ? year : year - 1;
}

/** 2025 → { from: '2025-04-01', to: '2026-03-31' } */
export function fiscalYearRange(fy: number): DateRange {
  return { from: `${fy}-04-01`, to: `${fy + 1}-03-31` };
}

/**
 * The era a 年度 is named by: the one in force on April 1, except FY2019. 2019-04-01 was still
 * 平成31年, but the change of era was fixed by law in advance and the whole year is called
 * 令和元年度 in practice (national statistics, budgets after May 2019), so 令和 names it.
 * FY1988 stays 昭和63年度 and FY1926 大正15年度, as they were named at the time.
 */
export function fiscalYearEra(fy: number): { era: Era; year: number } | null {
  const reiwa = ERAS[0];
  const era = reiwa && fy >= reiwa.firstYear ? reiwa : eraOn(`${fy}-04-01`);
  return era ? { era, year: fy - era.firstYear + 1 } : null;
}

/** ja: 令和7年度 / 令和元年度 / 平成30年度; en: FY2025. */
export function formatFiscalYear(fy: number, lang: 'ja' | 'en' = 'ja'): string {
  const named = lang === 'ja' ? fiscalYearEra(fy) : null;
  if (named) return `${formatEraYear(named.era, named.year)}度`;
  return lang === 'ja' ? `${fy}年度` : `FY${fy}`;
}

/** Prefix for readable serials (R7-000123): R7, R1 for FY2019, H30 for FY2018. */
export function fiscalYearPrefix(fy: number): string {
  const named = fiscalYearEra(fy);
  return named ? `${named.era.letter}${named.year}` : `FY${fy}`;
}
