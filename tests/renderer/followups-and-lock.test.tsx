// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/app';
import { FollowUpsScreen } from '../../renderer/features/followups/followups-screen';
import { ADMIN } from '../fixtures/temp-casefile';
import { inProcessApp } from './in-process-app';

type TestApp = Awaited<ReturnType<typeof inProcessApp>>;
const today = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

describe('follow-ups screen', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await inProcessApp();
    await app.api('followup.create', { title: '資料を郵送する', dueDate: today() });
    await app.api('followup.create', { title: '主治医に確認する', dueDate: '2020-01-01' });
  });
  afterEach(() => app.close());

  it('shows overdue and today, and completes with C, postpones with W', async () => {
    render(<FollowUpsScreen />);
    const mail = await screen.findByText('資料を郵送する');
    expect(screen.getByText('主治医に確認する')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '期限切れ (1)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '今日 (1)' })).toBeTruthy();
    const row = mail.closest('li')!;
    row.focus();
    fireEvent.keyDown(row, { key: 'c' });
    await waitFor(() => expect(screen.queryByText('資料を郵送する')).toBeNull());
    expect((await screen.findByRole('status')).textContent).toBe('「資料を郵送する」を完了にしました');
    const old = screen.getByText('主治医に確認する').closest('li')!;
    fireEvent.keyDown(old, { key: 'w' });
    await waitFor(() => expect(screen.getByRole('heading', { name: '期限切れ (1)' })).toBeTruthy());
    const due = (await app.api('followup.due', { scope: 'all', today: '2020-01-08' })) as {
      today: { title: string; dueDate: string }[];
    };
    expect(due.today.map((f) => f.title)).toEqual(['主治医に確認する']); // moved a week to 2020-01-08
    // the D/W/C keys never act while an IME is composing
    fireEvent.keyDown(old, { key: 'c', isComposing: true, keyCode: 229 });
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.getByText('主治医に確認する')).toBeTruthy();
  });
});

describe('lock and unlock', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await inProcessApp();
  });
  afterEach(() => app.close());

  it('locks from the menu, refuses a wrong passphrase, unlocks with the right one', async () => {
    render(<App />);
    await screen.findByRole('navigation', { name: 'メニュー' });
    fireEvent.click(screen.getByRole('button', { name: 'ロック' }));
    await screen.findByRole('heading', { name: 'ログイン' });
    expect((await app.api('session.status', {})) as { unlocked: boolean }).toMatchObject({ unlocked: false });
    fireEvent.change(screen.getByLabelText('ログイン名'), { target: { value: ADMIN.login } });
    fireEvent.change(screen.getByLabelText('パスフレーズ'), { target: { value: 'wrong wrong wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'ロック解除' }));
    expect((await screen.findByRole('alert')).textContent).toBe('パスフレーズが違います。');
    expect((screen.getByLabelText('パスフレーズ') as HTMLInputElement).value).toBe(''); // cleared
    fireEvent.change(screen.getByLabelText('パスフレーズ'), { target: { value: ADMIN.passphrase } });
    fireEvent.click(screen.getByRole('button', { name: 'ロック解除' }));
    await screen.findByRole('navigation', { name: 'メニュー' });
  });

  it('locks by itself after the idle time', async () => {
    const { useSettings } = await import('../../renderer/stores/settings-store');
    useSettings.setState({ autoLockMinutes: 0.002 }); // ≈ 120 ms
    render(<App />);
    await screen.findByRole('navigation', { name: 'メニュー' });
    await screen.findByRole('heading', { name: 'ログイン' }, { timeout: 3000 });
    expect((await app.api('session.status', {})) as { unlocked: boolean }).toMatchObject({ unlocked: false });
    useSettings.setState({ autoLockMinutes: 10 });
  });
});
