/**
 * The case file locks when the machine sleeps, the screen locks or the session ends, not only
 * on the renderer's idle timer (which does not run while the machine sleeps). The renderer is
 * told so it drops what it shows and returns to the login screen.
 */
export const LOCK_EVENTS = ['suspend', 'lock-screen', 'shutdown'] as const;

export interface PowerMonitorLike {
  on(event: (typeof LOCK_EVENTS)[number], listener: () => void): unknown;
}

export function wireAutoLock(
  monitor: PowerMonitorLike,
  lock: () => Promise<void>,
  tellRenderer: () => void,
): void {
  for (const e of LOCK_EVENTS) {
    monitor.on(e, () => {
      void lock().finally(tellRenderer);
    });
  }
}
