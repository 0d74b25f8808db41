// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LettersScreen } from '../../renderer/features/letters/letters-screen';
import { useNav } from '../../renderer/stores/nav-store';
import type { ReferralDto } from '../../shared/contract/letters';
import { seedLetterCase } from '../fixtures/letter-fixture';
import { inProcessApp } from './in-process-app';

type TestApp = Awaited<ReturnType<typeof inProcessApp>>;

describe('letters screen without consent', () => {
  let app: TestApp;
  let referral: ReferralDto;
  beforeEach(async () => {
    app = await inProcessApp();
    const c = await seedLetterCase(app.api);
    referral = await app.api('referral.create', {
      consultationId: c.consultation.id,
      institutionId: c.inst.hospital.id,
    });
    useNav.setState({ screen: 'letters', referralId: referral.id });
  });
  afterEach(() => app.close());

  it('blocks the issue until the emergency exception has a written reason, then shows it on the register', async () => {
    render(<LettersScreen />);
    const editor = await screen.findByRole('region', { name: '文書の作成' });
    // the first preview decodes the font (about a second)
    await waitFor(
      () => expect(editor.querySelector('.consent-status')?.getAttribute('data-status')).toBe('missing'),
      { timeout: 20_000 },
    );
    const issue = within(editor).getByRole('button', { name: '発行する' }) as HTMLButtonElement;
    expect(issue.disabled).toBe(true);
    fireEvent.click(within(editor).getByRole('checkbox', { name: /緊急提供とする/ }));
    expect(issue.disabled).toBe(true); // a reason is required
    const reason = '呼吸状態が急変し、本人の意思を確認できないため';
    fireEvent.change(within(editor).getByLabelText(/緊急提供の理由/), { target: { value: reason } });
    await waitFor(() => expect(issue.disabled).toBe(false), { timeout: 10_000 });
    // the preview already prints the exception in place of the consent line
    await waitFor(() =>
      expect(editor.querySelector('iframe')?.getAttribute('srcdoc') ?? '').toContain(
        '生命・身体の保護のため緊急に提供',
      ),
    );
    fireEvent.click(issue);
    await waitFor(() => expect(within(editor).getByText(/を発行しました。$/)).toBeTruthy(), {
      timeout: 60_000,
    });
    const register = screen.getByRole('region', { name: '発行台帳' });
    await waitFor(() => expect(within(register).getByText(`緊急提供：${reason}`)).toBeTruthy());
    const reg = (await app.api('letter.register', { referralId: referral.id })) as {
      rows: { overrideReason: string | null; consentId: string | null }[];
    };
    expect(reg.rows).toEqual([expect.objectContaining({ overrideReason: reason, consentId: null })]);
  }, 90_000);

  it('moves the referral through its states with the buttons the state allows', async () => {
    render(<LettersScreen />);
    await screen.findByRole('region', { name: '紹介' });
    expect(screen.queryByRole('button', { name: '完了にする' })).toBeNull(); // not from 依頼中
    fireEvent.click(screen.getByRole('button', { name: '受理にする' }));
    await screen.findByRole('button', { name: '完了にする' });
    fireEvent.click(screen.getByRole('button', { name: '完了にする' }));
    await waitFor(() => expect(document.querySelector('.screen-header .tag')?.textContent).toBe('完了'));
    expect(screen.queryByRole('region', { name: '文書の作成' })).toBeNull(); // a closed referral takes no letter
  });
});
