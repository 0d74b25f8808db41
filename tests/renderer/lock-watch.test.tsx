// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/app';
import { setTransport } from '../../renderer/api/client';
import { useBackupReminder } from '../../renderer/features/backup/backup-reminder-store';
import { inProcessApp } from './in-process-app';

let app: Awaited<ReturnType<typeof inProcessApp>>;
afterEach(async () => {
  useBackupReminder.setState({ status: null });
  await app?.close();
});

describe('the window follows a lock made behind its back (sleep, screen lock)', () => {
  it('the shell’s lock event takes the window to the login screen at once', async () => {
    app = await inProcessApp();
    let fire: () => void = () => {};
    setTransport({
      call: (c, i) => app.dispatcher.dispatch(c, i) as never,
      onLocked: (l) => {
        fire = l;
      },
    });
    render(<App />);
    await screen.findByRole('navigation', { name: 'メニュー' });
    await app.runtime.lock(); // what the Electron shell does on powerMonitor 'suspend'
    act(() => fire());
    await screen.findByRole('heading', { name: 'ログイン' });
    expect(screen.queryByRole('navigation', { name: 'メニュー' })).toBeNull();
  });

  it('without the event (browser mode), coming back to the window checks and shows the login', async () => {
    app = await inProcessApp();
    render(<App />);
    await screen.findByRole('navigation', { name: 'メニュー' });
    await app.runtime.lock();
    act(() => void window.dispatchEvent(new Event('focus')));
    await screen.findByRole('heading', { name: 'ログイン' });
  });

  it('reminds an administrator that there is no backup yet', async () => {
    app = await inProcessApp();
    render(<App />);
    expect(await screen.findByText(/まだバックアップがありません/)).toBeTruthy();
  });
});
