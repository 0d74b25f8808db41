// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App as Shell } from '../../renderer/app';
import { IntakeFormScreen } from '../../renderer/features/intake/intake-form';
import { useNav } from '../../renderer/stores/nav-store';
import { useSession } from '../../renderer/stores/session-store';
import { ADMIN } from '../fixtures/temp-casefile';
import { inProcessApp } from './in-process-app';

type App = Awaited<ReturnType<typeof inProcessApp>>;

/** The rows a counselor reads across, each with the label she sees on the screen. */
const RADIO_ROWS = ['相談方法', '相談の種別', '相談の場所', '療養者の特定', '転帰'];

function visibleLabelOf(group: HTMLElement): string {
  expect(group.getAttribute('aria-label'), 'a label only a screen reader hears').toBeNull();
  const id = group.getAttribute('aria-labelledby') ?? '';
  const label = document.getElementById(id);
  expect(label, `no visible label for ${id}`).toBeTruthy();
  expect(label!.closest('[hidden], .sr-only')).toBeNull();
  return label!.textContent ?? '';
}

describe('the intake form with the keyboard', () => {
  let app: App;
  beforeEach(async () => {
    app = await inProcessApp();
  });
  afterEach(() => app.close());

  it('every toggle row has a visible label; radio groups are one tab stop and move with the arrows', async () => {
    const user = userEvent.setup();
    render(<IntakeFormScreen />);
    await screen.findByRole('form', { name: '相談受付' });
    for (const name of RADIO_ROWS) {
      const group = screen.getByRole('radiogroup', { name });
      expect(visibleLabelOf(group)).toBe(name);
      const stops = within(group)
        .getAllByRole('radio')
        .filter((r) => r.tabIndex === 0);
      expect(stops, name).toHaveLength(1);
    }
    // 新規/継続 is derived from the person's history (an override needs a reason): a labelled group
    expect(visibleLabelOf(screen.getByRole('group', { name: '新規／継続' }))).toBe('新規／継続');
    const responses = screen.getByRole('group', { name: '対応の種類' });
    expect(visibleLabelOf(responses)).toBe('対応の種類');

    const method = screen.getByRole('radiogroup', { name: '相談方法' });
    const phone = within(method).getByRole('radio', { name: '電話' });
    expect(phone.getAttribute('aria-checked')).toBe('true');
    phone.focus();
    await user.keyboard('{ArrowRight}');
    const visit = within(method).getByRole('radio', { name: '来所面接' });
    expect(document.activeElement).toBe(visit);
    expect(visit.getAttribute('aria-checked')).toBe('true');
    expect(phone.getAttribute('aria-checked')).toBe('false');
    expect(visit.tabIndex).toBe(0);
    await user.keyboard('{ArrowLeft}{ArrowLeft}'); // wraps round to the last
    expect(within(method).getByRole('radio', { name: 'その他' }).getAttribute('aria-checked')).toBe('true');
    // Tab leaves the group at once
    await user.tab();
    expect(method.contains(document.activeElement)).toBe(false);
  });

  it('the 38 category buttons are one group: one tab stop, arrows move, Space chooses', async () => {
    const user = userEvent.setup();
    render(<IntakeFormScreen />);
    await screen.findByRole('form', { name: '相談受付' });
    const group = screen.getByRole('group', { name: '相談内容の分類' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.length).toBeGreaterThanOrEqual(38);
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    buttons[0]!.focus();
    await user.keyboard('{ArrowRight}{ArrowRight} ');
    const third = buttons[2]!;
    expect(document.activeElement).toBe(third);
    expect(third.getAttribute('aria-pressed')).toBe('true');
    await user.tab();
    expect(group.contains(document.activeElement)).toBe(false);
    await user.tab({ shift: true });
    expect(group.contains(document.activeElement)).toBe(true); // back where she left it
  });

  it('Ctrl+S saves with Caps Lock on; the confirmation with the record number and "open" sits by the save button; focus goes back to the first field', async () => {
    const user = userEvent.setup();
    render(<IntakeFormScreen />);
    await screen.findByRole('form', { name: '相談受付' });
    await user.selectOptions(screen.getByLabelText('相談者の続柄・立場'), '本人');
    await user.type(screen.getByLabelText('相談の要旨'), '受給者証について');
    await user.keyboard('{CapsLock}{Control>}S{/Control}{CapsLock}');
    await waitFor(() =>
      expect(screen.getByTestId('saved').textContent).toMatch(/R\d+-[A-Z]{2}-000001 として保存しました/),
    );
    const footer = screen.getByRole('button', { name: /^保存/ }).closest('footer')!;
    expect(footer.contains(screen.getByTestId('saved'))).toBe(true);
    expect(screen.getByTestId('saved').closest('[role="status"]')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('受付日時'));
    // "open" shows the record just saved
    await user.click(within(footer).getByRole('button', { name: /開く/ }));
    expect(useNav.getState().screen).toBe('intake');
    expect(useNav.getState().editConsultationId).toBeTruthy();
  });
});

describe('after sign-in', () => {
  let app: App;
  beforeEach(async () => {
    app = await inProcessApp();
    await app.runtime.lock();
    await useSession.getState().refresh();
  });
  afterEach(() => app.close());

  it('focus is in the first field of the intake form', async () => {
    const user = userEvent.setup();
    render(<Shell />);
    await user.type(await screen.findByLabelText('ログイン名'), ADMIN.login);
    await user.type(screen.getByLabelText('パスフレーズ'), `${ADMIN.passphrase}{Enter}`);
    await screen.findByRole('form', { name: '相談受付' }, { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('受付日時')));
  });
});
