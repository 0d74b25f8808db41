import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { vocabKey, type VocabList } from '../../shared/i18n/vocab-resources';
import { RadioToggles } from './radio-toggles';

interface Props<T extends string> {
  list: VocabList;
  codes: readonly T[];
  selected: readonly T[];
  onChange(next: T[]): void;
  /** single choice: a radio group (arrows move and choose) instead of toggles */
  single?: boolean;
  /** shown beside the row, and its accessible name */
  label: string;
  id?: string;
}

/**
 * Quick toggles for a code list: one click or Space per choice, no dropdown to open. Every row
 * carries its visible label; a single choice is a radio group (one tab stop).
 */
export function CodeToggles<T extends string>({
  list,
  codes,
  selected,
  onChange,
  single,
  label,
  id,
}: Props<T>) {
  const { t } = useTranslation();
  const labelId = useId();
  const text = (code: T) => t(`vocab.${list}.${vocabKey(code)}`);
  if (single) {
    return (
      <RadioToggles
        label={label}
        options={codes}
        value={selected[0] ?? null}
        onChange={(c) => onChange([c])}
        text={text}
        id={id}
      />
    );
  }
  return (
    <div className="toggle-row">
      <span className="toggle-label" id={labelId}>
        {label}
      </span>
      <div role="group" aria-labelledby={labelId} className="toggles" id={id}>
        {codes.map((code) => {
          const on = selected.includes(code);
          return (
            <button
              key={code}
              type="button"
              aria-pressed={on}
              className={on ? 'toggle on' : 'toggle'}
              onClick={() => onChange(on ? selected.filter((c) => c !== code) : [...selected, code])}
            >
              {text(code)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
