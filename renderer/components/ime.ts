import type { KeyboardEvent } from 'react';

/**
 * True while an IME is composing (Japanese input before conversion is confirmed). The Enter
 * that confirms a conversion must never submit or move on: Chromium marks it with
 * isComposing, and older paths report keyCode 229.
 */
export function isComposing(e: KeyboardEvent): boolean {
  return e.nativeEvent.isComposing || e.keyCode === 229;
}

/** onKeyDown that runs `action` on a real Enter only. */
export function onEnter(action: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || isComposing(e)) return;
    e.preventDefault();
    action();
  };
}
