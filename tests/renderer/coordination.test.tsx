// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RequestView } from '../../renderer/features/coordination/request-view';
import type { CoordinationRequestDto } from '../../shared/contract/coordination';
import { inProcessApp } from './in-process-app';

type App = Awaited<ReturnType<typeof inProcessApp>>;
const pad = (n: number) => String(n).padStart(2, '0');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

describe('a coordination request on screen', () => {
  let app: App;
  let requestId = '';
  beforeEach(async () => {
    app = await inProcessApp();
    await app.api('institution.create', {
      type: 'core_cooperating_hospital',
      name: '志木中央病院',
      municipalityCode: '112283',
      capabilities: ['respite_beds'],
    });
    const c = (await app.api('consultation.record', {
      receivedAt: `${today()}T00:01`,
      method: 'phone',
      consulter: 'spouse',
      person: { mode: 'new', data: { name: '架空 一郎', municipalityCode: '112283' } },
      categories: ['2.2'],
    })) as { id: string };
    requestId = (
      (await app.api('coordination.open', {
        consultationId: c.id,
        kind: 'respite',
        reason: 'caregiver_rest',
        wantedFrom: today(),
        urgency: 'soon',
      })) as CoordinationRequestDto
    ).id;
  });
  afterEach(() => app.close());

  const contacts = async () =>
    ((await app.api('coordination.get', { id: requestId })) as CoordinationRequestDto).contacts;

  it('without consent there is no call entry, only the notice; recording consent brings it', async () => {
    render(<RequestView id={requestId} />);
    expect((await screen.findByRole('note')).textContent).toContain('同意が記録されていません');
    expect(screen.queryByRole('form', { name: '連絡を1件記録する' })).toBeNull();
    expect(screen.queryByRole('button', { name: '連絡を記録' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '同意を記録する' }));
    await screen.findByRole('form', { name: '連絡を1件記録する' });
    expect(screen.getByTestId('consent').textContent).toContain('口頭');
  });

  it('logs a refusal with Enter, never with the Enter that confirms an IME conversion', async () => {
    await app.api('coordination.recordConsent', {
      id: requestId,
      consent: { method: 'written', date: today() },
    });
    render(<RequestView id={requestId} />);
    const row = await screen.findByRole('row', { name: /志木中央病院/ });
    fireEvent.click(within(row).getByRole('button', { name: '連絡を記録' }));
    const entry = screen.getByRole('form', { name: '連絡を1件記録する' });
    await waitFor(() =>
      expect((within(entry).getByLabelText('連絡した医療機関') as HTMLSelectElement).value).not.toBe(''),
    );
    fireEvent.click(within(entry).getByRole('radio', { name: '受入不可' }));
    fireEvent.change(within(entry).getByLabelText('受入不可の理由'), { target: { value: 'no_beds' } });
    const detail = within(entry).getByLabelText('理由の詳細');
    fireEvent.change(detail, { target: { value: 'まんしょう' } });
    fireEvent.keyDown(detail, { key: 'Enter', isComposing: true, keyCode: 229 });
    await new Promise((r) => setTimeout(r, 200));
    expect(await contacts()).toHaveLength(0);
    fireEvent.change(detail, { target: { value: '満床' } });
    fireEvent.keyDown(detail, { key: 'Enter' });
    expect((await screen.findByRole('status')).textContent).toBe('志木中央病院：受入不可 を記録しました');
    expect((await contacts()).map((k) => [k.answer, k.refusalReason, k.refusalNote])).toEqual([
      ['refused', 'no_beds', '満床'],
    ]);
    expect(within(screen.getByTestId('contact-log')).getByText(/満床・空床なし/)).toBeTruthy();
  });

  it('検討中 without a call-back time is refused with a translated message; nothing is saved', async () => {
    await app.api('coordination.recordConsent', {
      id: requestId,
      consent: { method: 'verbal', date: today() },
    });
    render(<RequestView id={requestId} />);
    const row = await screen.findByRole('row', { name: /志木中央病院/ });
    fireEvent.click(within(row).getByRole('button', { name: '連絡を記録' }));
    const entry = screen.getByRole('form', { name: '連絡を1件記録する' });
    fireEvent.click(within(entry).getByRole('radio', { name: '検討中' }));
    fireEvent.click(within(entry).getByRole('button', { name: '記録する' }));
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('INVALID_INPUT');
    expect(alert.textContent).toContain('入力内容に誤りがあります。');
    expect(await contacts()).toHaveLength(0);
  });
});
