/**
 * How the app ends and how a second launch is answered, as code that takes Electron's objects
 * by shape (electron/main.ts passes the real ones; the tests hand it fakes, and the built bundle
 * runs it against a stand-in). The case file is locked — checkpointed, closed, its keys wiped —
 * before the process ends, on every path:
 * - the user closes the app window: the app quits (a hidden print window must not keep it alive
 *   with the file open);
 * - any quit ('before-quit': the window, the taskbar, the OS) waits for the lock, then quits;
 * - Windows ends the session (shutdown, restart, log-off): 'before-quit' is not emitted then,
 *   and the process may be gone as soon as the window's 'session-end' handler returns, so the
 *   lock happens at once, synchronously ('query-session-end' comes first and already locks);
 * - Linux and macOS shut down (powerMonitor 'shutdown'): lock at once, then quit.
 */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface AppLike {
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'window-all-closed' | 'second-instance', listener: () => void): unknown;
  quit(): void;
}

export interface AppWindowLike {
  on(event: 'closed' | 'query-session-end' | 'session-end', listener: () => void): unknown;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export interface ShutdownMonitorLike {
  on(event: 'shutdown', listener: () => void): unknown;
}

export interface CaseFileLock {
  /** lock and wait (checkpoint, close, wipe) */
  lock(): Promise<void>;
  /** the same, done before it returns */
  lockNow(): void;
}

export function wireAppLifecycle(deps: {
  app: AppLike;
  window: AppWindowLike;
  powerMonitor: ShutdownMonitorLike;
  caseFile: CaseFileLock;
  /** the window returns to the login screen */
  tellLocked: () => void;
  onError?: (e: unknown) => void;
}): void {
  const { app, window, caseFile } = deps;
  const onError = deps.onError ?? ((e: unknown) => console.error('yorisoi: locking at exit failed:', e));
  let state: 'open' | 'closing' | 'closed' = 'open';

  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void caseFile
      .lock()
      .catch(onError)
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
  const quit = () => {
    if (state === 'open') app.quit();
  };
  window.on('closed', quit);
  app.on('window-all-closed', quit);

  const lockNow = () => {
    try {
      caseFile.lockNow();
    } catch (e) {
      onError(e);
    }
  };
  window.on('query-session-end', () => {
    lockNow();
    if (!window.isDestroyed()) deps.tellLocked(); // the user may still cancel the shutdown
  });
  window.on('session-end', () => {
    lockNow();
    state = 'closed';
  });
  deps.powerMonitor.on('shutdown', () => {
    lockNow();
    state = 'closed';
    app.quit();
  });

  // a second launch (a double-click on the shortcut while the app is open) brings this window back
  app.on('second-instance', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
}
