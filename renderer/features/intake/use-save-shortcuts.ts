import { useEffect, useRef } from 'react';

/**
 * Ctrl+S / Ctrl+Enter save and Ctrl+Shift+N starts a new intake, wherever focus is on the
 * screen, with Caps Lock on (key "S") and in kana input mode (the physical key): never while
 * an IME is composing (the Enter that confirms a conversion).
 */
export function useSaveShortcuts(save: () => unknown, startNew: () => unknown): void {
  const latest = useRef({ save, startNew });
  latest.current = { save, startNew };
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.isComposing || e.keyCode === 229 || e.altKey) return;
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (e.shiftKey && (key === 'n' || e.code === 'KeyN')) {
        e.preventDefault();
        void latest.current.startNew();
      } else if (key === 's' || e.code === 'KeyS' || e.key === 'Enter') {
        e.preventDefault();
        void latest.current.save();
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
