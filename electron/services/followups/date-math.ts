import { daysInMonth, requireIsoDate, toIsoDate } from '../../../shared/dates/iso-date';

/** Adds whole days to a 'YYYY-MM-DD' date by calendar arithmetic (no Date, so no time zone). */
export function addDays(iso: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  let { year, month, day } = requireIsoDate(iso);
  day += days;
  while (day > daysInMonth(year, month)) {
    day -= daysInMonth(year, month);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  while (day < 1) {
    month -= 1;
    if (month < 1) [year, month] = [year - 1, 12];
    day += daysInMonth(year, month);
  }
  return toIsoDate(year, month, day);
}
