// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { App } from '../../renderer/app';
import { useSession } from '../../renderer/stores/session-store';
import { ADMIN } from '../fixtures/temp-casefile';
import { inProcessApp } from './in-process-app';

// A laptop whose clock battery ran out boots years back: every screen must say "today" is
// wrong before the counselor records with it, not only the sync screen.

let app: Awaited<ReturnType<typeof inProcessApp>> | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

it('after the date was reset while the app was closed, every screen warns until the clock is right', async () => {
  let now = new Date('2025-06-02T12:00:00');
  app = await inProcessApp({ now: () => now });
  await app.api('followup.create', { title: '資料を郵送する', dueDate: '2025-06-09' });
  render(<App />);
  await screen.findByRole('navigation', { name: 'メニュー' });
  expect(screen.queryByText(/この端末の時計は/)).toBeNull();

  fireEvent.click(screen.getByRole('button', { name: 'ロック' }));
  await screen.findByRole('heading', { name: 'ログイン' });
  now = new Date('2015-01-10T09:00:00');
  fireEvent.change(screen.getByLabelText('ログイン名'), { target: { value: ADMIN.login } });
  fireEvent.change(screen.getByLabelText('パスフレーズ'), { target: { value: ADMIN.passphrase } });
  fireEvent.click(screen.getByRole('button', { name: 'ロック解除' }));
  await screen.findByRole('navigation', { name: 'メニュー' });
  const banner = await screen.findByText(/この端末の時計は/);
  expect(banner.getAttribute('role')).toBe('alert');
  expect(banner.textContent).toContain('3796\u00a0日前'); // 2015-01-10 09:00 → 2025-06-02 12:00: 3,796 days 3 h

  now = new Date('2025-06-03T09:00:00'); // put right: the next status (every 30 s) clears it
  await useSession.getState().refresh();
  await screen.findByRole('navigation', { name: 'メニュー' });
  expect(screen.queryByText(/この端末の時計は/)).toBeNull();
});
