import type { TFunction } from 'i18next';
import type { InputIssue } from '../../shared/errors';

/** The last named part of a contract path: `person.data.birthDate` → birthDate, `categories.0` → categories. */
export function fieldNameOf(path: string): string {
  return (
    path
      .split('.')
      .filter((p) => p && !/^\d+$/.test(p))
      .pop() ?? ''
  );
}

const DATE_FIELD = /(date|Date|On$|^from$|^to$)/;

/**
 * One input problem as a sentence with the field's label — the screen's own label when it gives
 * one, else a common name for the contract field, else "a field". Never the validator's text.
 */
export function issueText(t: TFunction, issue: InputIssue, label?: string): string {
  const name = fieldNameOf(issue.path);
  const field = label ?? (t(`fieldCheck.names.${name}`, { defaultValue: '' }) || t('fieldCheck.someField'));
  const kind = issue.kind ?? 'invalid';
  if (DATE_FIELD.test(name) && (kind === 'format' || kind === 'invalid'))
    return t('fieldCheck.kinds.date', { field });
  const key = kind === 'choice' ? 'choose' : kind;
  return t(`fieldCheck.kinds.${key}`, { field, max: issue.limit });
}
