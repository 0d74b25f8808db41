// Calendar arithmetic for the demo generator: whole days since 1970-01-01 (UTC, so no time zone
// or daylight-saving rule can move a day), office days and office hours.
import { requireIsoDate } from '../../shared/dates/iso-date';
import type { Rng } from './prng';

const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
  const { year, month, day } = requireIsoDate(iso);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDaysIso(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** Monday–Friday outside the year-end closure (12/29–1/3), as most centers work. */
export function isOfficeDay(day: number): boolean {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  if (weekday === 0 || weekday === 6) return false;
  const md = isoOfDay(day).slice(5);
  return !(md >= '12-29' || md <= '01-03');
}

/** Office days in [from, to]; every day of the range when it has none (e.g. one Sunday). */
export function officeDays(from: string, to: string): number[] {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) throw new RangeError(`from (${from}) is after to (${to})`);
  const all: number[] = [];
  for (let d = a; d <= b; d++) all.push(d);
  const office = all.filter(isOfficeDay);
  return office.length ? office : all;
}

/** Minute of the day in office hours 8:30–16:59, busier in the morning. */
export function officeMinute(rng: Rng): number {
  const morning = rng.chance(0.6);
  return morning ? rng.int(8 * 60 + 30, 11 * 60 + 59) : rng.int(13 * 60, 16 * 60 + 59);
}

/** `YYYY-MM-DDTHH:MM` of a minute count since 1970-01-01 00:00 (local wall time). */
export function isoDateTimeOfMinute(minute: number): string {
  const day = Math.floor(minute / 1440);
  const m = minute - day * 1440;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${isoOfDay(day)}T${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}
