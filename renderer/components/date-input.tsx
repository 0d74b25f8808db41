import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../shared/dates/iso-date';
import { formatDateBoth, parseWareki } from '../../shared/dates/wareki';

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

export function DateInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange(iso: string): void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const parsed = text ? parseDateInput(text) : '';
  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        value={text}
        placeholder={t('ui.common.datePlaceholder')}
        onChange={(e) => {
          setText(e.target.value);
          const iso = e.target.value ? parseDateInput(e.target.value) : '';
          if (iso !== null) onChange(iso);
        }}
        aria-invalid={parsed === null}
      />
      <small className={parsed === null ? 'error' : 'hint'}>
        {parsed === null
          ? t('ui.common.badDate')
          : parsed
            ? formatDateBoth(parsed, i18n.language === 'en' ? 'en' : 'ja')
            : ''}
      </small>
    </label>
  );
}
