import { useTranslation } from 'react-i18next';
import { vocabKey, type VocabList } from '../../shared/i18n/vocab-resources';

interface Props<T extends string> {
  list: VocabList;
  codes: readonly T[];
  selected: readonly T[];
  onChange(next: T[]): void;
  /** single choice (radio-like) instead of many */
  single?: boolean;
  label: string;
}

/** Quick toggles for a code list: one click or Space per choice, no dropdown to open. */
export function CodeToggles<T extends string>({ list, codes, selected, onChange, single, label }: Props<T>) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={label} className="toggles">
      {codes.map((code) => {
        const on = selected.includes(code);
        return (
          <button
            key={code}
            type="button"
            aria-pressed={on}
            className={on ? 'toggle on' : 'toggle'}
            onClick={() =>
              onChange(single ? [code] : on ? selected.filter((c) => c !== code) : [...selected, code])
            }
          >
            {t(`vocab.${list}.${vocabKey(code)}`)}
          </button>
        );
      })}
    </div>
  );
}
