import { useTranslation } from 'react-i18next';
import { vocabKey, type VocabList } from '../../shared/i18n/vocab-resources';
import { FieldMessage, noticeAria, type FieldNotice } from './field-notice';

interface Props {
  list: VocabList;
  codes: readonly string[];
  value: string | null;
  onChange(v: string | null): void;
  label: string;
  id: string;
  notice?: FieldNotice;
}

/** A labelled select over a code list, with an empty choice (every identity field is optional). */
export function CodeSelect({ list, codes, value, onChange, label, id, notice }: Props) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
        {...noticeAria(id, notice)}
      >
        <option value="">—</option>
        {codes.map((c) => (
          <option key={c} value={c}>
            {t(`vocab.${list}.${vocabKey(c)}`)}
          </option>
        ))}
      </select>
      <FieldMessage fieldId={id} notice={notice} />
    </div>
  );
}
