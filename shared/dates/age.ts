// 満年齢 (completed years) on a given date.
import { parseIsoDate } from './iso-date';

export { AGE_BANDS, ageBandOf, isAgeBand, type AgeBand } from '../vocab/age-bands';

/**
 * Completed years of age on `onIso`, or null if a date is malformed or `onIso` is before birth.
 *
 * Rule: the everyday one — a person is a year older on their birthday. (The 年齢計算ニ関スル法律
 * makes the legal birthday-eve the moment of ageing, which matters for school years and pensions,
 * not for consultation statistics.) A 29 February birth therefore turns a year older on 1 March in
 * common years, since 28 February comes before the birthday.
 */
export function ageOn(birthIso: string, onIso: string): number | null {
  const b = parseIsoDate(birthIso);
  const on = parseIsoDate(onIso);
  if (!b || !on || onIso < birthIso) return null;
  const beforeBirthday = on.month < b.month || (on.month === b.month && on.day < b.day);
  return on.year - b.year - (beforeBirthday ? 1 : 0);
}
