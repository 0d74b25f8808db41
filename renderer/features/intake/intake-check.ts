import { consultationWarnings } from '../../../shared/validation/consultation-warnings';
import type { TFunction } from 'i18next';
import { isIsoDate } from '../../../shared/dates/iso-date';
import type { InputIssue } from '../../../shared/errors';
import type { FieldNotice } from '../../components/field-notice';
import { CHOSEN_FIELDS, FIELD_LABEL, fieldOfPath, INTAKE_FIELDS, type IntakeField } from './intake-fields';
import type { IntakeForm } from './intake-state';

/**
 * One thing to say about one field. Errors block saving; warnings do not. `code` is a key of
 * fieldCheck.kinds (errors) or intakeForm.warnings (warnings) — a warnings list from the
 * service, with codes and contract paths, plugs in through noticesFromWarnings().
 */
export interface IntakeNotice {
  field: IntakeField;
  severity: 'error' | 'warning';
  code: string;
  params?: Record<string, string | number>;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** What the form itself can tell before anything is sent; `now` is the local YYYY-MM-DDTHH:MM. */
export function checkIntake(f: IntakeForm, now: string): IntakeNotice[] {
  const out: IntakeNotice[] = [];
  const error = (field: IntakeField, code: string) => out.push({ field, severity: 'error', code });
  const warn = (field: IntakeField, code: string) => out.push({ field, severity: 'warning', code });
  if (!DATE_TIME.test(f.receivedAt) || !isIsoDate(f.receivedAt.slice(0, 10))) error('receivedAt', 'dateTime');
  else if (f.receivedAt.slice(0, 16) > now) warn('receivedAt', 'futureDate');
  const minutes = f.durationMin.trim();
  if (minutes && (!/^\d+$/.test(minutes) || Number(minutes) > 24 * 60)) error('durationMin', 'minutes');
  if (!f.consulter) error('consulter', 'choose');
  if (f.personMode === 'existing' && !f.personId) error('personId', 'choose');
  if (f.personMode === 'new' && f.birthDate && !isIsoDate(f.birthDate)) error('birthDate', 'date');
  if (f.followUpDue && !isIsoDate(f.followUpDue)) error('followUpDue', 'date');
  else if (f.followUpTitle.trim() && !f.followUpDue) error('followUpDue', 'required');
  if (f.followUpDue && !f.followUpTitle.trim()) error('followUpTitle', 'required');
  if (
    f.personMode === 'new' &&
    isIsoDate(f.birthDate) &&
    DATE_TIME.test(f.receivedAt) &&
    consultationWarnings({ receivedAt: f.receivedAt, birthDate: f.birthDate, today: now.slice(0, 10) }).some(
      (w) => w.code === 'BIRTH_AFTER_RECEIVED',
    )
  )
    warn('birthDate', 'birthAfterReceived');
  if (f.categories.length === 0) warn('categories', 'noCategory');
  return sortByForm(out);
}

/** The contract's answer (INVALID_INPUT issues) at the fields they concern; the rest stay general. */
export function noticesFromIssues(issues: readonly InputIssue[]): {
  notices: IntakeNotice[];
  unplaced: InputIssue[];
} {
  const notices: IntakeNotice[] = [];
  const unplaced: InputIssue[] = [];
  for (const i of issues) {
    const field = fieldOfPath(i.path);
    if (!field) {
      unplaced.push(i);
      continue;
    }
    notices.push({
      field,
      severity: 'error',
      code: codeOfIssue(field, i),
      ...(i.limit !== undefined ? { params: { max: i.limit } } : {}),
    });
  }
  return { notices: sortByForm(notices), unplaced };
}

/**
 * The warnings a service answer carries (`warnings: {code, field}[]`, shared/validation/
 * consultation-warnings.ts), under the form's own warning codes so one the form already shows
 * (a future date) is not said twice.
 */
export function serviceWarnings(answer: unknown): { code: string; path: string }[] {
  const ws = (answer as { warnings?: unknown } | null)?.warnings;
  if (!Array.isArray(ws)) return [];
  return ws.flatMap((w: unknown) => {
    const { code, field, path } = (w ?? {}) as { code?: unknown; field?: unknown; path?: unknown };
    const where = typeof path === 'string' ? path : typeof field === 'string' ? field : null;
    if (typeof code !== 'string' || where === null) return [];
    return [{ code: SERVICE_WARNING_CODE[code] ?? code, path: where }];
  });
}

const SERVICE_WARNING_CODE: Record<string, string> = {
  RECEIVED_IN_FUTURE: 'futureDate',
  BIRTH_AFTER_RECEIVED: 'birthAfterReceived',
  CONTINUITY_FROM_HISTORY: 'continuityFromHistory',
};

/** Warnings a service may return with a saved record: `{ code, path }`. */
export function noticesFromWarnings(warnings: readonly { code: string; path: string }[]): IntakeNotice[] {
  return sortByForm(
    warnings.flatMap((w) => {
      const field = fieldOfPath(w.path);
      return field ? [{ field, severity: 'warning' as const, code: w.code }] : [];
    }),
  );
}

function codeOfIssue(field: IntakeField, i: InputIssue): string {
  const kind = i.kind ?? 'invalid';
  if (field === 'receivedAt') return 'dateTime';
  if (field === 'durationMin') return 'minutes';
  if ((field === 'birthDate' || field === 'followUpDue') && kind !== 'required') return 'date';
  if (kind === 'required' || kind === 'choice') return CHOSEN_FIELDS.has(field) ? 'choose' : 'required';
  return kind;
}

const order = (f: IntakeField) => INTAKE_FIELDS.indexOf(f);
function sortByForm(ns: IntakeNotice[]): IntakeNotice[] {
  return [...ns].sort((a, b) => order(a.field) - order(b.field));
}

/**
 * One notice per field for display (an error before a warning), in words: the field's own
 * label, never a code.
 */
export function noticeMap(t: TFunction, notices: readonly IntakeNotice[]): Map<IntakeField, FieldNotice> {
  const map = new Map<IntakeField, FieldNotice>();
  for (const n of [...notices].sort(
    (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'),
  )) {
    if (map.has(n.field)) continue;
    map.set(n.field, { severity: n.severity, text: noticeText(t, n) });
  }
  return map;
}

export function noticeText(t: TFunction, n: IntakeNotice): string {
  const field = t(FIELD_LABEL[n.field]);
  if (n.severity === 'warning')
    return t(`intakeForm.warnings.${n.code}`, {
      field,
      ...n.params,
      defaultValue: t('intakeForm.warnings.other', { field }),
    });
  return t(`fieldCheck.kinds.${n.code}`, {
    field,
    ...n.params,
    defaultValue: t('fieldCheck.kinds.invalid', { field }),
  });
}
