// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LettersScreen } from '../../renderer/features/letters/letters-screen';
import { useNav } from '../../renderer/stores/nav-store';
import type { ReferralDto } from '../../shared/contract/letters';
import { seedLetterCase } from '../fixtures/letter-fixture';
import { inProcessApp } from './in-process-app';

type TestApp = Awaited<ReturnType<typeof inProcessApp>>;
const EMPLOYMENT = '就労の状況・職歴・希望・配慮事項';
const CERTIFICATES = '障害者手帳・介護保険';

/** The status line under the letter: ok / missing / scope, once the preview has answered. */
async function consentStatus(editor: HTMLElement, expected: string) {
  await waitFor(
    () => expect(editor.querySelector('.consent-status')?.getAttribute('data-status')).toBe(expected),
    {
      timeout: 20_000,
    },
  );
}

describe('consent for what the chosen letter carries (ハローワーク, T2)', () => {
  let app: TestApp;
  let referral: ReferralDto;
  let personId: string;
  let helloWorkId: string;
  beforeEach(async () => {
    app = await inProcessApp();
    const c = await seedLetterCase(app.api);
    personId = c.personId;
    helloWorkId = c.inst.helloWork.id;
    referral = await app.api('referral.create', {
      consultationId: c.consultation.id,
      institutionId: c.inst.helloWork.id,
      template: 't2',
    });
    useNav.setState({ screen: 'letters', referralId: referral.id });
  });
  afterEach(() => app.close());

  it('the consent form starts from what T2 includes, so recording it as offered covers the letter', async () => {
    const user = userEvent.setup();
    render(<LettersScreen />);
    const panel = await screen.findByRole('region', { name: '本人の同意' });
    const box = (name: string) => within(panel).getByRole('checkbox', { name }) as HTMLInputElement;
    expect(box(EMPLOYMENT).checked).toBe(true);
    expect(box(CERTIFICATES).checked).toBe(true);
    await user.click(within(panel).getByRole('button', { name: '同意を記録' }));
    await within(panel).findByText('同意を記録しました。');
    await consentStatus(screen.getByRole('region', { name: '文書の作成' }), 'ok');
  }, 60_000);

  it('a narrower consent on file: the panel says what is missing and offers to extend it', async () => {
    await app.api('consent.record', {
      personId,
      recipientIds: [helloWorkId],
      dataItems: ['identity', 'disease'],
      method: 'verbal',
      obtainedOn: '2025-06-01',
    });
    const user = userEvent.setup();
    render(<LettersScreen />);
    const editor = await screen.findByRole('region', { name: '文書の作成' });
    await consentStatus(editor, 'scope');
    const panel = screen.getByRole('region', { name: '本人の同意' });
    const offer = await within(panel).findByRole('note');
    expect(offer.textContent).toContain(EMPLOYMENT);
    expect(offer.textContent).toContain(CERTIFICATES);
    await user.click(within(offer).getByRole('button', { name: /同意の範囲を広げる/ }));
    const box = (name: string) => within(panel).getByRole('checkbox', { name }) as HTMLInputElement;
    for (const name of [EMPLOYMENT, CERTIFICATES, '氏名・ふりがな・生年月日・性別・住所・連絡先'])
      expect(box(name).checked, name).toBe(true);
    await user.click(within(panel).getByRole('button', { name: '同意を記録' }));
    await consentStatus(editor, 'ok');
    expect(within(panel).queryByRole('note')).toBeNull();
  }, 60_000);
});
