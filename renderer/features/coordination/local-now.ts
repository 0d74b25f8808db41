import { formatDateBoth } from '../../../shared/dates/wareki';
import { toLocalDateTime } from '../../components/local-time';

const pad = (n: number) => String(n).padStart(2, '0');

/** Today as YYYY-MM-DD in the user's time zone (calls and follow-ups are on local days). */
export function localToday(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The time now as HH:MM. */
export function localTime(d = new Date()): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A local date-time (YYYY-MM-DDTHH:MM) in 和暦 and 西暦 with its time, for messages. */
export function atBoth(at: string, lang: 'ja' | 'en'): string {
  const local = toLocalDateTime(at); // a stored UTC instant on the user's clock
  return `${formatDateBoth(local.slice(0, 10), lang)} ${local.slice(11, 16)}`;
}
