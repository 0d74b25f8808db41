import type { ReactNode } from 'react';
import { FieldMessage, noticeAria, type FieldNotice } from './field-notice';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  notice?: FieldNotice;
  /** a textarea of this many rows instead of a one-line box */
  rows?: number;
  type?: 'text' | 'number' | 'datetime-local' | 'tel';
  inputMode?: 'numeric' | 'tel' | 'text';
  min?: number;
  max?: number;
  wide?: boolean;
  /** a line under the box (e.g. the date in 和暦), described by it too */
  hint?: ReactNode;
}

/** A labelled box whose message (error or warning) sits right under it and is announced with it. */
export function TextField({
  id,
  label,
  value,
  onChange,
  notice,
  rows,
  type,
  inputMode,
  min,
  max,
  wide,
  hint,
}: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const aria = noticeAria(id, notice, hintId);
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {rows ? (
        <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} {...aria} />
      ) : (
        <input
          id={id}
          type={type}
          inputMode={inputMode}
          min={min}
          max={max}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...aria}
        />
      )}
      {hint && (
        <small className="hint" id={hintId}>
          {hint}
        </small>
      )}
      <FieldMessage fieldId={id} notice={notice} />
    </div>
  );
}
