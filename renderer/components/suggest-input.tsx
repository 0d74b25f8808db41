import { useId, useState, type KeyboardEvent } from 'react';
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
}

/**
 * A text box with a suggestion list for pickers: arrows move, Enter picks — but never while
 * the IME is composing, so confirming かな→漢字 conversion does not pick anything.
 */
export function SuggestInput<T>({ label, placeholder, suggest, render, keyOf, onPick, onQuery }: Props<T>) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const items = suggest(query);

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
      <label className="field" htmlFor={id}>
        <span>{label}</span>
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
          autoComplete="off"
        />
      </label>
      {items.length > 0 && (
        <ul id={`${id}-list`} role="listbox" className="suggestions">
          {items.map((item, i) => (
            <li
              key={keyOf(item)}
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
