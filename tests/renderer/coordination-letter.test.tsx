// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RequestView } from '../../renderer/features/coordination/request-view';
import { ConsentPanel } from '../../renderer/features/letters/consent-panel';
import { PersonTimeline } from '../../renderer/features/person/person-timeline';
import { useNav } from '../../renderer/stores/nav-store';
import type { CoordinationRequestDto } from '../../shared/contract/coordination';
import type { ConsentDto, ReferralDto } from '../../shared/contract/letters';
import { inProcessApp } from './in-process-app';

type App = Awaited<ReturnType<typeof inProcessApp>>;
const pad = (n: number) => String(n).padStart(2, '0');
const day = (offset = 0) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** An accepted respite request (one refusal, one acceptance) for a person in 志木市. */
describe('from an accepted request to its T3 letter, on screen', () => {
  let app: App;
  let request: CoordinationRequestDto;
  let personId = '';
  beforeEach(async () => {
    app = await inProcessApp();
    const hospital = (name: string) =>
      app.api('institution.create', {
        type: 'core_cooperating_hospital',
        name,
        municipalityCode: '112283',
        capabilities: ['respite_beds'],
      }) as Promise<{ id: string }>;
    const [a, b] = [await hospital('志木中央病院'), await hospital('朝霞拠点病院')];
    const c = (await app.api('consultation.record', {
      receivedAt: `${day()}T00:01`,
      method: 'phone',
      consulter: 'spouse',
      person: { mode: 'new', data: { name: '架空 一郎', municipalityCode: '112283' } },
      categories: ['2.2'],
    })) as { id: string; person: { id: string } };
    personId = c.person.id;
    const r = (await app.api('coordination.open', {
      consultationId: c.id,
      kind: 'respite',
      reason: 'caregiver_rest',
      wantedFrom: day(7),
      urgency: 'soon',
      consent: { method: 'written', date: day() },
    })) as CoordinationRequestDto;
    await app.api('coordination.logContact', {
      requestId: r.id,
      institutionId: a.id,
      answer: 'refused',
      refusalReason: 'no_beds',
    });
    await app.api('coordination.logContact', { requestId: r.id, institutionId: b.id, answer: 'accepted' });
    request = (await app.api('coordination.end', {
      id: r.id,
      outcome: 'accepted',
      institutionId: b.id,
      acceptedFrom: day(7),
      acceptedTo: day(14),
    })) as CoordinationRequestDto;
  });
  afterEach(() => app.close());

  const linked = async () =>
    (await app.api('referral.list', { coordinationRequestId: request.id })) as ReferralDto[];

  it('the ended panel makes the linked referral and opens it; then the same button opens that one', async () => {
    const view = render(<RequestView id={request.id} />);
    const ended = await screen.findByTestId('ended');
    fireEvent.click(await within(ended).findByRole('button', { name: '医療機関への依頼状（T3）を作る' }));
    await waitFor(() => expect(useNav.getState().screen).toBe('letters'));
    const [made] = await linked();
    expect(made).toMatchObject({ template: 't3', institution: { name: '朝霞拠点病院' } });
    expect(useNav.getState().referralId).toBe(made!.id);

    view.unmount();
    useNav.setState({ screen: 'coordinationRequest', referralId: null });
    render(<RequestView id={request.id} />);
    const again = await screen.findByTestId('ended');
    const open = await within(again).findByRole('button', { name: '医療機関への依頼状（T3）を開く' });
    expect(again.textContent).toContain('依頼状（T3）の紹介があります（依頼中・発行 0 件）');
    expect(within(again).queryByRole('button', { name: '医療機関への依頼状（T3）を作る' })).toBeNull();
    fireEvent.click(open);
    expect(useNav.getState()).toMatchObject({ screen: 'letters', referralId: made!.id });
    expect(await linked()).toHaveLength(1); // opened, not made again
  });

  it('the consent panel starts from the request’s consent, says so, and records it only when asked', async () => {
    const referral = (await app.api('referral.create', { coordinationRequestId: request.id })) as ReferralDto;
    render(<ConsentPanel referral={referral} onChange={() => undefined} />);
    const hint = await screen.findByTestId('consent-from-request');
    expect(hint.textContent).toContain('入院・レスパイト調整で得た同意（書面・');
    expect(hint.textContent).toContain('調整の同意だけでは依頼状は発行できません');
    const form = screen.getByRole('form', { name: '同意を記録' });
    expect((within(form).getByRole('radio', { name: '書面' }) as HTMLInputElement).checked).toBe(true);
    expect((await app.api('consent.list', { personId })) as ConsentDto[]).toEqual([]); // nothing yet
    fireEvent.click(within(form).getByRole('button', { name: '同意を記録' }));
    await screen.findByText('同意を記録しました。');
    const [c] = (await app.api('consent.list', { personId })) as ConsentDto[];
    expect(c).toMatchObject({
      referralId: referral.id,
      method: 'written',
      obtainedOn: day(),
      recipients: [{ id: referral.institution.id, name: '朝霞拠点病院' }],
    });
    // recorded: the form no longer offers the request's consent
    await waitFor(() => expect(screen.queryByTestId('consent-from-request')).toBeNull());
  });

  it('the person timeline lists the request with its kind and state, and opens it', async () => {
    useNav.setState({ screen: 'person', personId });
    render(<PersonTimeline />);
    const item = await waitFor(() => {
      const el = document.querySelector('[data-kind="coordination"]');
      if (!el) throw new Error('no coordination item yet');
      return el as HTMLElement;
    });
    expect(item.textContent).toContain('入院・レスパイト調整');
    expect(item.textContent).toContain('レスパイト（一時入院）');
    expect(item.textContent).toContain('受入決定');
    expect(item.textContent).toContain('朝霞拠点病院');
    fireEvent.click(within(item).getByRole('button', { name: '調整を開く' }));
    expect(useNav.getState()).toMatchObject({ screen: 'coordinationRequest', coordinationId: request.id });
  });
});
