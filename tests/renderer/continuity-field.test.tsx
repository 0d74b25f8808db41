// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContinuityField } from '../../renderer/features/intake/continuity-field';
import { IntakeFormScreen } from '../../renderer/features/intake/intake-form';
import { emptyIntake, type IntakeForm } from '../../renderer/features/intake/intake-state';
import type { ConsultationDetail } from '../../shared/contract/consultations';
import { inProcessApp } from './in-process-app';

type App = Awaited<ReturnType<typeof inProcessApp>>;

/**
 * 新規/継続 in the intake form: shown as the person's history makes it, never moved by the
 * 転帰 row, recorded otherwise only with a reason.
 */
describe('新規/継続 in the intake form', () => {
  let app: App;
  beforeEach(async () => {
    app = await inProcessApp();
  });
  afterEach(() => app.close());

  const latest = async () => {
    const list = (await app.api('consultation.list', {})) as { rows: { id: string }[] };
    return (await app.api('consultation.get', { id: list.rows[0]!.id })) as ConsultationDetail;
  };

  async function fill() {
    render(<IntakeFormScreen />);
    await screen.findByRole('form', { name: '相談受付' });
    fireEvent.change(screen.getByLabelText('相談者の続柄・立場'), { target: { value: 'anonymous' } });
  }

  it('clicking 継続 in the 転帰 row leaves 新規/継続 as the history makes it', async () => {
    await fill();
    const derived = await screen.findByTestId('continuity-derived');
    await waitFor(() => expect(derived.textContent).toBe('新規（人物を登録しない相談）'));
    const outcome = screen.getByRole('radiogroup', { name: '転帰' });
    fireEvent.click(within(outcome).getByRole('radio', { name: '継続' }));
    expect(within(outcome).getByRole('radio', { name: '継続' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('continuity-derived').textContent).toBe('新規（人物を登録しない相談）');
    expect((screen.getByLabelText('相談歴と違う値にする') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: /^保存/ }));
    await screen.findByTestId('saved');
    const c = await latest();
    expect([c.outcome, c.continuity, c.continuityReason]).toEqual(['continuing', 'new', null]);
  });

  it('another value is recorded with its reason; without one the history wins and the form says so', async () => {
    await fill();
    fireEvent.click(screen.getByLabelText('相談歴と違う値にする'));
    expect((screen.getByLabelText('記録する値') as HTMLSelectElement).value).toBe('continuing');
    fireEvent.click(screen.getByRole('button', { name: /^保存/ })); // no reason given
    await screen.findByTestId('saved');
    expect((await latest()).continuity).toBe('new');
    expect((await screen.findByTestId('saved-warnings')).textContent).toContain(
      '新規／継続は相談歴のとおりに記録しました',
    );
    // now with a reason
    fireEvent.change(screen.getByLabelText('相談者の続柄・立場'), { target: { value: 'anonymous' } });
    fireEvent.click(screen.getByLabelText('相談歴と違う値にする'));
    fireEvent.change(screen.getByLabelText('理由（必須）'), {
      target: { value: '前回も匿名で電話があった方' },
    });
    fireEvent.click(screen.getByRole('button', { name: /^保存/ }));
    await waitFor(async () => expect((await latest()).continuityReason).toBe('前回も匿名で電話があった方'));
    expect((await latest()).continuity).toBe('continuing');
  });

  it('a person who has consulted before is shown as 継続, with the last consultation and the open case', async () => {
    const first = (await app.api('consultation.record', {
      receivedAt: '2025-05-10T10:00',
      method: 'phone',
      consulter: 'self',
      outcome: 'continuing',
      person: { mode: 'new', data: { name: '架空 継続' } },
    })) as ConsultationDetail;
    const form: IntakeForm = {
      ...emptyIntake(),
      receivedAt: '2025-06-01T10:00',
      personMode: 'existing',
      personId: first.person!.id,
    };
    render(<ContinuityField form={form} patch={() => {}} consultationId={null} />);
    await waitFor(() =>
      expect(screen.getByTestId('continuity-derived').textContent).toBe('継続（この方の2回目以降の相談）'),
    );
    expect(screen.getByText(/前回の相談/).textContent).toContain('2025年5月10日');
    expect(screen.getByText('この方の継続中のケースに加わります。')).toBeTruthy();
    // the same person on a date before that consultation: 新規 (their first)
    render(
      <ContinuityField
        form={{ ...form, receivedAt: '2025-04-01T10:00' }}
        patch={() => {}}
        consultationId={null}
      />,
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('continuity-derived').map((o) => o.textContent)).toContain(
        '新規（この方の初めての相談）',
      ),
    );
  });
});
