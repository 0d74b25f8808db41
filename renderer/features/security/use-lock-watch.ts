import { useEffect } from 'react';
import { onShellLocked } from '../../api/client';
import { useSession } from '../../stores/session-store';

const EVERY_MS = 30_000;

/**
 * The case file can be locked behind the window's back: by the Electron shell when the machine
 * sleeps or the screen locks, or by another door. The shell says so at once; otherwise the
 * window asks when it becomes visible or focused again, and every 30 s. A locked status
 * unmounts the app and shows the login screen, so nothing stays on the screen.
 */
export function useLockWatch(): void {
  const refresh = useSession((s) => s.refresh);
  useEffect(() => {
    const check = () => void refresh().catch(() => undefined);
    const stopListening = onShellLocked(check);
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', check);
    const timer = window.setInterval(check, EVERY_MS);
    return () => {
      stopListening();
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', check);
      window.clearInterval(timer);
    };
  }, [refresh]);
}
