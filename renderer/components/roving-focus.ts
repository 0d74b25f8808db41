import type { KeyboardEvent } from 'react';

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREV = new Set(['ArrowLeft', 'ArrowUp']);

/**
 * Arrow keys (and Home/End) inside a composite that is one tab stop: moves focus among the
 * container's `[data-roving]` elements, round at the ends, and returns the one focused (or null
 * when the key is not ours). The caller keeps tabIndex 0 on that element and -1 on the others,
 * so Tab leaves the composite and Shift+Tab comes back to where the user left it.
 */
export function moveRovingFocus(e: KeyboardEvent<HTMLElement>): HTMLElement | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  if (!NEXT.has(e.key) && !PREV.has(e.key) && e.key !== 'Home' && e.key !== 'End') return null;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-roving]')].filter(
    (el) => !(el as HTMLButtonElement).disabled,
  );
  if (items.length === 0) return null;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const n = items.length;
  const to =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? n - 1
        : NEXT.has(e.key)
          ? (at + 1 + n) % n
          : (Math.max(at, 0) - 1 + n) % n;
  e.preventDefault();
  const el = items[to]!;
  for (const other of items) other.tabIndex = other === el ? 0 : -1;
  el.focus();
  return el;
}
