import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage, noticeAria, type FieldNotice } from './field-notice';
import { isComposing } from './ime';

interface Props<T> {
  label: string;
  placeholder?: string;
  suggest(query: string): T[];
  render(item: T): string;
  keyOf(item: T): string;
  onPick(item: T): void;
  /** for suggestions fetched asynchronously: told every new query */
  onQuery?(query: string): void;
  id?: string;
  notice?: FieldNotice;
}

/**
 * A text box with a suggestion list for pickers: arrows move, Enter picks — but never while
 * the IME is composing, so confirming かな→漢字 conversion does not pick anything. The active
 * option is announced through aria-activedescendant while focus stays in the box.
 */
export function SuggestInput<T>({
  label,
  placeholder,
  suggest,
  render,
  keyOf,
  onPick,
  onQuery,
  id: givenId,
  notice,
}: Props<T>) {
  const { t } = useTranslation();
  const ownId = useId();
  const id = givenId ?? ownId;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const items = suggest(query);
  const optionId = (i: number) => `${id}-option-${i}`;

  function pick(item: T | undefined) {
    if (!item) return;
    onPick(item);
    setQuery('');
    onQuery?.('');
    setActive(0);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (isComposing(e)) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, items.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === 'Escape') {
      setQuery('');
    }
  }

  return (
    <div className="suggest">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          value={query}
          placeholder={placeholder}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            onQuery?.(e.target.value);
          }}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={items.length > 0 ? optionId(Math.min(active, items.length - 1)) : undefined}
          autoComplete="off"
          {...noticeAria(id, notice)}
        />
        <FieldMessage fieldId={id} notice={notice} />
      </div>
      {items.length > 0 && (
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-label={t('ui.common.suggestions', { label })}
          className="suggestions"
        >
          {items.map((item, i) => (
            <li
              key={keyOf(item)}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(item);
              }}
            >
              {render(item)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
