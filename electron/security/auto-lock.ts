/**
 * The case file locks when the machine sleeps or the screen locks, not only on the renderer's
 * idle timer (which does not run while the machine sleeps). The renderer is told so it drops
 * what it shows and returns to the login screen. (Shutdown and the session's end quit the app:
 * app-lifecycle.ts.)
 *
 * Electron announces the screen lock ('lock-screen') on Windows and macOS only; on Linux the
 * app asks the system's idle state, which reads 'locked' where the desktop reports its lock.
 */
export const LOCK_EVENTS = ['suspend', 'lock-screen'] as const;
/** how often the idle state is read (the longest a locked screen leaves the file open) */
export const SCREEN_LOCK_POLL_MS = 5_000;

export interface PowerMonitorLike {
  on(event: (typeof LOCK_EVENTS)[number], listener: () => void): unknown;
  getSystemIdleState(idleThreshold: number): string;
}

function every(ms: number, run: () => void): void {
  setInterval(run, ms).unref();
}

export function wireAutoLock(
  monitor: PowerMonitorLike,
  lock: () => Promise<void>,
  tellRenderer: () => void,
  poll: (ms: number, run: () => void) => void = every,
): void {
  const lockAndTell = () => void lock().finally(tellRenderer);
  for (const e of LOCK_EVENTS) monitor.on(e, lockAndTell);
  let wasLocked = false;
  poll(SCREEN_LOCK_POLL_MS, () => {
    const locked = monitor.getSystemIdleState(60) === 'locked';
    if (locked && !wasLocked) lockAndTell();
    wasLocked = locked;
  });
}
