import { useTranslation } from 'react-i18next';
import { vocabKey, type VocabList } from '../../shared/i18n/vocab-resources';

interface Props {
  list: VocabList;
  codes: readonly string[];
  value: string | null;
  onChange(v: string | null): void;
  label: string;
  id: string;
}

/** A labelled select over a code list, with an empty choice (every identity field is optional). */
export function CodeSelect({ list, codes, value, onChange, label, id }: Props) {
  const { t } = useTranslation();
  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">—</option>
        {codes.map((c) => (
          <option key={c} value={c}>
            {t(`vocab.${list}.${vocabKey(c)}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
