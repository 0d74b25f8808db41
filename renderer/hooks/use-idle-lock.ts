import { useEffect } from 'react';
import { callsInFlight, whenCallsSettle } from '../api/client';

const EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'compositionupdate'] as const;

/**
 * Calls `onIdle` after `minutes` without keyboard, mouse or IME activity. A call still under
 * way (a long bundle import, a report, a letter being printed) postpones it until the call
 * ends: locking under it would roll the work back. Sleep and screen lock (the Electron shell)
 * still lock at once.
 */
export function useIdleLock(minutes: number, onIdle: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let stopWaiting = () => {};
    const fire = () => {
      if (callsInFlight() === 0) onIdle();
      else stopWaiting = whenCallsSettle(onIdle);
    };
    let timer = window.setTimeout(fire, minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      stopWaiting();
      timer = window.setTimeout(fire, minutes * 60_000);
    };
    for (const e of EVENTS) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      stopWaiting();
      for (const e of EVENTS) window.removeEventListener(e, reset);
    };
  }, [minutes, onIdle, enabled]);
}
