// 和暦 from an explicit era table (Intl agrees on Node 20, but the table keeps output identical
// on every ICU build and lets us parse).
import { isRealDate, parseIsoDate, requireIsoDate, toIsoDate } from './iso-date';

export interface Era {
  code: 'meiji' | 'taisho' | 'showa' | 'heisei' | 'reiwa';
  ja: string;
  en: string;
  letter: 'M' | 'T' | 'S' | 'H' | 'R';
  /** Gregorian year of the era's first year (元年). */
  firstYear: number;
  /** First day we treat as this era (ISO). */
  start: string;
}

/**
 * Newest first. 明治 began 1868-01-25 (Gregorian), but Japan used the lunisolar calendar until
 * 明治6年 (1873-01-01), so earlier 和暦 dates cannot be converted day by day: we start 明治 there.
 */
export const ERAS: readonly Era[] = [
  { code: 'reiwa', ja: '令和', en: 'Reiwa', letter: 'R', firstYear: 2019, start: '2019-05-01' },
  { code: 'heisei', ja: '平成', en: 'Heisei', letter: 'H', firstYear: 1989, start: '1989-01-08' },
  { code: 'showa', ja: '昭和', en: 'Showa', letter: 'S', firstYear: 1926, start: '1926-12-25' },
  { code: 'taisho', ja: '大正', en: 'Taisho', letter: 'T', firstYear: 1912, start: '1912-07-30' },
  { code: 'meiji', ja: '明治', en: 'Meiji', letter: 'M', firstYear: 1868, start: '1873-01-01' },
];

export interface WarekiDate {
  era: Era;
  year: number; // 1 = 元年
  month: number;
  day: number;
}

/** The era date for an ISO date, or null before 1873-01-01. Throws on a malformed date. */
export function toWareki(isoDate: string): WarekiDate | null {
  const { year, month, day } = requireIsoDate(isoDate);
  const era = eraOn(isoDate);
  return era ? { era, year: year - era.firstYear + 1, month, day } : null;
}

/** ISO strings compare correctly as strings. */
export function eraOn(isoDate: string): Era | null {
  return ERAS.find((e) => isoDate >= e.start) ?? null;
}

export function formatEraYear(era: Era, year: number, gannen = true): string {
  return `${era.ja}${year === 1 && gannen ? '元' : year}年`;
}

export interface WarekiFormatOptions {
  /** 'long' → 令和7年4月1日 (default); 'short' → R7.4.1 */
  style?: 'long' | 'short';
  /** Write the first year as 元年 (default true; long style only). */
  gannen?: boolean;
}

/** 令和7年4月1日. Dates before 1873 fall back to 西暦 (1870年5月1日). Throws on a malformed date. */
export function formatWareki(isoDate: string, opts: WarekiFormatOptions = {}): string {
  const w = toWareki(isoDate);
  const { year, month, day } = requireIsoDate(isoDate);
  if (opts.style === 'short') {
    return w ? `${w.era.letter}${w.year}.${month}.${day}` : `${year}.${month}.${day}`;
  }
  return `${w ? formatEraYear(w.era, w.year, opts.gannen ?? true) : `${year}年`}${month}月${day}日`;
}

/** ja: 令和7年4月1日（2025年4月1日）; en: 2025-04-01 (Reiwa 7). */
export function formatDateBoth(isoDate: string, lang: 'ja' | 'en' = 'ja'): string {
  const w = toWareki(isoDate);
  const { year, month, day } = requireIsoDate(isoDate);
  if (lang === 'en') return w ? `${isoDate} (${w.era.en} ${w.year})` : isoDate;
  const seireki = `${year}年${month}月${day}日`;
  return w ? `${formatWareki(isoDate)}（${seireki}）` : seireki;
}

// 令和7年4月1日 / 令和元年5月1日 / R7.4.1 / H31/4/30 / S50-1-2 (after NFKC, spaces removed).
const WAREKI_KANJI = /^(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日?$/;
const WAREKI_LETTER = /^([MTSHR])(元|\d{1,2})([./-])(\d{1,2})\3(\d{1,2})$/i;

/**
 * Parses a 和暦 date to ISO, or null when it is malformed, not a real date, or outside its era
 * (H31.5.1 is null: that day is R1.5.1). Full-width digits and ㋿/㍻ ligatures are accepted.
 */
export function parseWareki(input: string): string | null {
  const s = input.normalize('NFKC').replace(/\s+/g, '');
  let era: Era | undefined;
  let parts: [string, string, string] | undefined;
  const k = WAREKI_KANJI.exec(s);
  const l = k ? null : WAREKI_LETTER.exec(s);
  if (k) {
    era = ERAS.find((e) => e.ja === k[1]);
    parts = [k[2] ?? '', k[3] ?? '', k[4] ?? ''];
  } else if (l) {
    era = ERAS.find((e) => e.letter === l[1]?.toUpperCase());
    parts = [l[2] ?? '', l[4] ?? '', l[5] ?? ''];
  }
  if (!era || !parts) return null;
  const eraYear = parts[0] === '元' ? 1 : Number(parts[0]);
  const [year, month, day] = [era.firstYear + eraYear - 1, Number(parts[1]), Number(parts[2])];
  if (eraYear < 1 || !isRealDate(year, month, day)) return null;
  const iso = toIsoDate(year, month, day);
  return eraOn(iso) === era ? iso : null;
}

/** True for a well-formed ISO date that 和暦 can express (1873-01-01 or later). */
export function isWarekiRepresentable(isoDate: string): boolean {
  return parseIsoDate(isoDate) !== null && eraOn(isoDate) !== null;
}
