// @vitest-environment jsdom
// The counselor's clock is Japan's; the case file stores instants in UTC. Every time on screen
// must be the local one (this test process runs in UTC otherwise, where the two look the same).
process.env.TZ = 'Asia/Tokyo';

import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DateBoth } from '../../renderer/components/date-both';
import { IntakeFormScreen } from '../../renderer/features/intake/intake-form';
import { emptyIntake } from '../../renderer/features/intake/intake-state';
import { PersonTimeline } from '../../renderer/features/person/person-timeline';
import { useNav } from '../../renderer/stores/nav-store';
import { inProcessApp } from './in-process-app';

type App = Awaited<ReturnType<typeof inProcessApp>>;
const at = (utc: string) => vi.setSystemTime(new Date(utc));
const receivedAt = () => (screen.getByLabelText('受付日時') as HTMLInputElement).value;
const storedDraft = async (app: App) =>
  (await app.api('draft.get', { kind: 'intake' })) as {
    data: Record<string, unknown>;
    updatedAt: string;
  } | null;

describe('受付日時 and drafts', () => {
  let app: App;
  beforeEach(async () => {
    app = await inProcessApp();
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await app.close();
  });

  it('is "now" for every new consultation: the time the counselor starts typing, not when the form opened', async () => {
    const user = userEvent.setup();
    at('2026-03-02T01:00:00Z'); // 10:00 in Japan: the form is opened
    render(<IntakeFormScreen />);
    await screen.findByRole('form', { name: '相談受付' });
    expect(receivedAt()).toBe('2026-03-02T10:00');
    at('2026-03-02T02:30:00Z'); // the phone rings at 11:30
    await user.selectOptions(screen.getByLabelText('相談者の続柄・立場'), '本人');
    expect(receivedAt()).toBe('2026-03-02T11:30');
    at('2026-03-02T03:00:00Z'); // still the same call at 12:00: the time stays the call's
    await user.type(screen.getByLabelText('相談の要旨'), '制度について');
    expect(receivedAt()).toBe('2026-03-02T11:30');
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText(/として保存しました/);
    at('2026-03-02T05:15:00Z'); // the next call comes at 14:15
    await user.selectOptions(screen.getByLabelText('相談者の続柄・立場'), '親');
    expect(receivedAt()).toBe('2026-03-02T14:15');
    const saved = (await app.api('consultation.list', {})) as { rows: { receivedAt: string }[] };
    expect(saved.rows.map((r) => r.receivedAt.slice(0, 16))).toEqual(['2026-03-02T11:30']);
  });

  it('never keeps an empty form as a draft, and says "restored" only when something was', async () => {
    const user = userEvent.setup();
    at('2026-03-02T01:00:00Z');
    render(<IntakeFormScreen />);
    const summary = await screen.findByLabelText('相談の要旨');
    await user.type(summary, 'あ');
    await waitFor(async () => expect((await storedDraft(app))?.data.summary).toBe('あ'));
    await user.clear(summary); // back to nothing typed
    await waitFor(async () => expect(await storedDraft(app)).toBeNull());
    cleanup();
    // an empty draft left by an older version is not "restored" either, and brings no stale time
    await app.api('draft.save', {
      kind: 'intake',
      data: { ...emptyIntake(), receivedAt: '2026-02-01T09:00' },
    });
    at('2026-03-02T04:00:00Z');
    await act(async () => {
      render(<IntakeFormScreen />);
    });
    await screen.findByRole('form', { name: '相談受付' });
    await act(() => new Promise((r) => setTimeout(r, 100)));
    expect(screen.queryByTestId('draft-restored')).toBeNull();
    expect(receivedAt()).toBe('2026-03-02T13:00');
  });

  it('shows the restored draft’s time in local time', async () => {
    at('2026-03-02T01:05:00Z'); // typed at 10:05 in Japan
    await app.api('draft.save', { kind: 'intake', data: { ...emptyIntake(), summary: '途中で切れた電話' } });
    at('2026-03-02T03:00:00Z');
    render(<IntakeFormScreen />);
    const note = await screen.findByTestId('draft-restored');
    expect(note.textContent).toContain('10:05');
    expect(note.textContent).not.toContain('01:05');
  });

  it('shows the case opened on the person’s timeline in local time', async () => {
    at('2026-03-02T01:20:00Z'); // 10:20 in Japan
    const c = (await app.api('consultation.record', {
      receivedAt: '2026-03-02T10:20',
      method: 'phone',
      consulter: 'self',
      person: { mode: 'new', data: { name: '山田 花子' } },
      outcome: 'continuing',
      continuity: 'continuing',
    })) as { person: { id: string } };
    useNav.setState({ screen: 'person', personId: c.person.id });
    render(<PersonTimeline />);
    await screen.findByRole('region', { name: '本人の記録' });
    const times = [...document.querySelectorAll('.timeline-items .when')].map((e) => e.textContent ?? '');
    expect(times.length).toBeGreaterThanOrEqual(2);
    for (const t of times) expect(t).toContain('10:20');
  });
});

describe('a stored instant on screen', () => {
  it('is shown on the local clock, its day included (23:30 UTC is 08:30 the next morning in Japan)', () => {
    render(<DateBoth value="2026-03-01T23:30:00.000Z" />);
    expect(document.body.textContent).toBe('令和8年3月2日（2026年3月2日） 08:30');
    cleanup();
    render(<DateBoth value="2026-03-01T23:30" />); // typed as local (a 受付日時): left as it is
    expect(document.body.textContent).toBe('令和8年3月1日（2026年3月1日） 23:30');
  });
});
