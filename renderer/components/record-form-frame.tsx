import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { ErrorMessage } from './error-message';
import { isComposing } from './ime';

/**
 * The frame of a small record form (an event, a meeting): its heading, Ctrl+S (or Ctrl+Enter)
 * saves — also with Caps Lock or kana input on —, a plain Enter in a text box never submits (the IME confirms conversions with it), the
 * error of the last save, Save and Cancel. One save at a time.
 */
export function RecordFormFrame({
  heading,
  save,
  onCancel,
  labels,
  children,
}: {
  heading: string;
  save(): Promise<void>;
  onCancel(): void;
  labels: { save: string; cancel: string };
  children: ReactNode;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await save();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (isComposing(e)) return;
    // Caps Lock gives "S", kana input mode another character: the physical key decides
    const saveKey = e.key.toLowerCase() === 's' || e.code === 'KeyS' || e.key === 'Enter';
    if ((e.ctrlKey || e.metaKey) && !e.altKey && saveKey) {
      e.preventDefault();
      void run();
    } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault();
    }
  }

  return (
    <form
      className="event-form card"
      aria-label={heading}
      onKeyDown={onKeyDown}
      onSubmit={(e) => e.preventDefault()}
    >
      <h2>{heading}</h2>
      {children}
      <ErrorMessage error={error} />
      <footer className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
          {labels.save} <kbd>Ctrl+S</kbd>
        </button>
        <button type="button" onClick={onCancel}>
          {labels.cancel}
        </button>
      </footer>
    </form>
  );
}
