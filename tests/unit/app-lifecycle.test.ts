import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { wireAppLifecycle } from '../../electron/security/app-lifecycle';
import { devSqliteBinding } from '../../electron/security/native-binding';

/** Electron's app, window and powerMonitor by shape; the built bundle meets the stand-in in electron-main.test.ts. */
function setUp(opts: { lockFails?: boolean } = {}) {
  const log: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    quit() {
      log.push('quit');
      const e = { prevented: false, preventDefault: () => void (e.prevented = true) };
      app.emit('before-quit', e);
      if (!e.prevented) log.push('ended');
    },
  });
  const window = Object.assign(new EventEmitter(), {
    minimized: true,
    isDestroyed: () => false,
    isMinimized: () => window.minimized,
    restore: () => void log.push('restore'),
    show: () => void log.push('show'),
    focus: () => void log.push('focus'),
  });
  const powerMonitor = new EventEmitter();
  let open = true;
  const caseFile = {
    async lock() {
      await new Promise((r) => setTimeout(r, 5));
      if (opts.lockFails) throw new Error('disk gone');
      open = false;
      log.push('locked');
    },
    lockNow() {
      open = false;
      log.push('lockedNow');
    },
  };
  wireAppLifecycle({
    app,
    window,
    powerMonitor,
    caseFile,
    tellLocked: () => log.push('told'),
    onError: (e) => log.push(`error: ${(e as Error).message}`),
  });
  return { app, window, powerMonitor, log, isOpen: () => open };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('how the app ends (electron/security/app-lifecycle.ts)', () => {
  it('a quit waits for the lock, then quits for real', async () => {
    const s = setUp();
    s.app.quit();
    expect(s.log).toEqual(['quit']); // held back while the file locks
    await settle();
    expect(s.log).toEqual(['quit', 'locked', 'quit', 'ended']);
  });

  it('closing the app window quits, even when another (hidden) window is left', async () => {
    const s = setUp();
    s.window.emit('closed');
    await settle();
    expect(s.log).toEqual(['quit', 'locked', 'quit', 'ended']);
  });

  it('a failed lock is reported and the app still ends', async () => {
    const s = setUp({ lockFails: true });
    s.app.quit();
    await settle();
    expect(s.log).toEqual(['quit', 'error: disk gone', 'quit', 'ended']);
  });

  it('the Windows session ends: the file is locked before the handler returns', () => {
    const s = setUp();
    s.window.emit('query-session-end');
    expect(s.isOpen()).toBe(false);
    expect(s.log).toEqual(['lockedNow', 'told']);
    s.window.emit('session-end');
    expect(s.log).toEqual(['lockedNow', 'told', 'lockedNow']);
  });

  it('Linux/macOS shutdown: locked at once, then the app quits without waiting again', () => {
    const s = setUp();
    s.powerMonitor.emit('shutdown');
    expect(s.log).toEqual(['lockedNow', 'quit', 'ended']);
  });

  it('a second launch brings the window back', () => {
    const s = setUp();
    s.app.emit('second-instance');
    expect(s.log).toEqual(['restore', 'show', 'focus']);
    s.window.minimized = false;
    s.app.emit('second-instance');
    expect(s.log.slice(3)).toEqual(['show', 'focus']);
  });
});

describe('which SQLite module the Electron app loads', () => {
  it('development: the copy npm start built for Electron; installed: only its own', () => {
    const env = { YORISOI_SQLITE_BINDING: '/dev/dist/native/electron-41/better_sqlite3.node' };
    expect(devSqliteBinding(false, env)).toBe(env.YORISOI_SQLITE_BINDING);
    expect(devSqliteBinding(true, env)).toBeNull();
    expect(devSqliteBinding(false, {})).toBeNull();
    expect(devSqliteBinding(false, { YORISOI_SQLITE_BINDING: '/tmp/evil.dll' })).toBeNull();
  });
});
