/**
 * Things a counselor should look at twice before saving, though they may be right: a
 * consultation dated after today (a typo in the year, or an appointment typed early), a birth
 * date after the consultation. Warnings, not errors: the consultation saves; the service returns
 * them with the saved record and the intake form shows them as one types. Pure: the renderer and
 * the service give the same answer.
 */
export const CONSULTATION_WARNING_CODES = [
  'RECEIVED_IN_FUTURE',
  'BIRTH_AFTER_RECEIVED',
  /** a 新規/継続 given without a reason that the person's history contradicts: the history's value was kept */
  'CONTINUITY_FROM_HISTORY',
] as const;
export type ConsultationWarningCode = (typeof CONSULTATION_WARNING_CODES)[number];

export interface ConsultationWarning {
  code: ConsultationWarningCode;
  /** the input the warning is about */
  field: 'receivedAt' | 'birthDate' | 'continuity';
}

/**
 * `receivedAt`: local date-time as typed (YYYY-MM-DDTHH:MM); `today`: the local date
 * (YYYY-MM-DD); `birthDate`: the patient's, however known (ISO date) or null.
 */
export function consultationWarnings(f: {
  receivedAt: string;
  birthDate: string | null | undefined;
  today: string;
}): ConsultationWarning[] {
  const out: ConsultationWarning[] = [];
  const day = f.receivedAt.slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/.test(day) && day > f.today)
    out.push({ code: 'RECEIVED_IN_FUTURE', field: 'receivedAt' });
  if (f.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(day) && f.birthDate > day)
    out.push({ code: 'BIRTH_AFTER_RECEIVED', field: 'birthDate' });
  return out;
}
