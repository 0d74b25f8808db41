import { useId, type KeyboardEvent, type ReactNode } from 'react';
import { moveRovingFocus } from './roving-focus';

interface Props<T extends string> {
  /** the row's visible label (also the group's accessible name) */
  label: ReactNode;
  options: readonly T[];
  value: NoInfer<T> | null;
  onChange(next: NoInfer<T>): void;
  text(option: NoInfer<T>): string;
  /** set on the checked radio (or the first), so a form can focus the row */
  id?: string;
  className?: string;
  disabled?(option: NoInfer<T>): boolean;
}

/**
 * A row of choices as one radio group (WAI-ARIA radio pattern): one tab stop, on the checked
 * option; the arrow keys move and choose; the visible label names the group.
 */
export function RadioToggles<T extends string>({
  label,
  options,
  value,
  onChange,
  text,
  id,
  className,
  disabled,
}: Props<T>) {
  const labelId = useId();
  const stop = value !== null && options.includes(value) ? value : options[0];
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const el = moveRovingFocus(e);
    const next = el?.dataset.value as T | undefined;
    if (next !== undefined && next !== value) onChange(next);
  }
  return (
    <div className={className ? `toggle-row ${className}` : 'toggle-row'}>
      <span className="toggle-label" id={labelId}>
        {label}
      </span>
      <div role="radiogroup" aria-labelledby={labelId} className="toggles" onKeyDown={onKeyDown}>
        {options.map((o) => {
          const on = o === value;
          return (
            <button
              key={o}
              type="button"
              role="radio"
              aria-checked={on}
              data-roving=""
              data-value={o}
              id={o === stop ? id : undefined}
              tabIndex={o === stop ? 0 : -1}
              className={on ? 'toggle on' : 'toggle'}
              disabled={disabled?.(o)}
              onClick={() => onChange(o)}
            >
              {text(o)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
