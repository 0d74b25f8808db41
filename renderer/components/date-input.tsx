import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../shared/dates/iso-date';
import { formatDateBoth, parseWareki } from '../../shared/dates/wareki';
import { FieldMessage, noticeAria, type FieldNotice } from './field-notice';

/**
 * A date typed as people write it: 2025-04-01, 2025/4/1, R7.4.1, 令和7年4月1日, S35.6.3.
 * Stored as ISO; shown back in 和暦 and 西暦 so a wrong era is noticed at once.
 */
export function parseDateInput(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) {
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  }
  return parseWareki(s);
}

const toValue = (text: string) => (text.trim() ? (parseDateInput(text) ?? text) : '');

/**
 * `onChange` gets the ISO date, '' when the box is emptied, or — when the text is not a date —
 * the text itself: a rejected date never silently leaves the previous one in place; the form's
 * check (or the contract) refuses it where it is.
 */
export function DateInput({
  label,
  value,
  onChange,
  id: givenId,
  notice,
}: {
  label: string;
  value: string;
  onChange(isoOrText: string): void;
  id?: string;
  /** the form's own message for this field (replaces the "not a date" hint) */
  notice?: FieldNotice;
}) {
  const { t, i18n } = useTranslation();
  const ownId = useId();
  const id = givenId ?? ownId;
  const [text, setText] = useState(value);
  // a value from outside (a restored draft, "new") replaces the text; the value this box just
  // reported does not (S35.6.1 typed on towards S35.6.13 must not turn into 1960-06-01)
  useEffect(() => setText((cur) => (toValue(cur) === value ? cur : value)), [value]);
  const parsed = text.trim() ? parseDateInput(text) : '';
  const shown: FieldNotice | undefined =
    notice ?? (parsed === null ? { text: t('ui.common.badDate'), severity: 'error' } : undefined);
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        placeholder={t('ui.common.datePlaceholder')}
        onChange={(e) => {
          setText(e.target.value);
          onChange(toValue(e.target.value));
        }}
        {...noticeAria(id, shown, parsed ? hintId : undefined)}
      />
      {parsed && (
        <small className="hint" id={hintId}>
          {formatDateBoth(parsed, i18n.language === 'en' ? 'en' : 'ja')}
        </small>
      )}
      <FieldMessage fieldId={id} notice={shown} />
    </div>
  );
}
