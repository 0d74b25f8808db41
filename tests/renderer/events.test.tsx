// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventsScreen } from '../../renderer/features/events/events-screen';
import { IntakeFormScreen } from '../../renderer/features/intake/intake-form';
import type { ConsultationDetail } from '../../shared/contract/consultations';
import type { EventDto } from '../../shared/contract/events';
import { inProcessApp } from './in-process-app';

type TestApp = Awaited<ReturnType<typeof inProcessApp>>;

/** An event date in the current fiscal year (the screen opens on it). */
function thisYearDate(): string {
  const d = new Date();
  const fy = d.getMonth() + 1 >= 4 ? d.getFullYear() : d.getFullYear() - 1;
  return `${fy}-06-15`;
}

describe('events screen and the intake’s site', () => {
  let app: TestApp;
  const date = thisYearDate();
  const events = async () => (await app.api('event.list', {})) as EventDto[];
  beforeAll(async () => {
    app = await inProcessApp();
    await app.api('institution.create', {
      type: 'health_center',
      name: '秩父保健所',
      coveredMunicipalities: [],
    });
  }, 60_000);
  afterAll(() => app.close());
  afterEach(cleanup);

  it('creates an event with organisers (Enter while composing adds nothing) and lists it', async () => {
    render(<EventsScreen />);
    fireEvent.click(await screen.findByRole('button', { name: '新しいイベント' }));
    const form = screen.getByRole('form', { name: 'イベントの登録' });
    const f = within(form);
    fireEvent.change(f.getByLabelText('種別'), { target: { value: 'medical_consultation' } });
    fireEvent.change(f.getByLabelText('名称'), { target: { value: '医療相談会（神経内科）' } });
    fireEvent.change(f.getByLabelText(/^開催日/), { target: { value: date } });
    fireEvent.change(f.getByLabelText('会場'), { target: { value: '秩父市歴史文化伝承館' } });
    fireEvent.change(f.getByLabelText('参加者数'), { target: { value: '１５' } }); // full-width from the IME
    const org = f.getByLabelText('機関・団体の名前');
    fireEvent.change(org, { target: { value: 'かんじゃかい' } });
    fireEvent.keyDown(org, { key: 'Enter', isComposing: true, keyCode: 229 });
    expect(within(form).queryAllByRole('listitem')).toHaveLength(0);
    fireEvent.change(org, { target: { value: '患者会' } });
    fireEvent.keyDown(org, { key: 'Enter' });
    const hc = await f.findByRole('option', { name: '秩父保健所' });
    fireEvent.change(f.getByLabelText('関係機関の名簿から'), { target: { value: hc.getAttribute('value') } });
    expect(
      within(form)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['患者会', '秩父保健所']);
    fireEvent.click(f.getByRole('button', { name: /^保存/ }));
    await screen.findByText('「医療相談会（神経内科）」を保存しました。');
    const [e] = await events();
    expect(e).toMatchObject({
      kind: 'medical_consultation',
      title: '医療相談会（神経内科）',
      date,
      place: '秩父市歴史文化伝承館',
      participants: 15,
      organisers: [
        { name: '患者会', institutionId: null },
        { name: '秩父保健所', institutionId: expect.any(String) },
      ],
    });
    const row = document.querySelector('[data-event="医療相談会（神経内科）"]')!;
    expect(row.textContent).toContain('医療相談会');
    expect(row.textContent).toContain('15 人');
  });

  it('edits an event (participants counted afterwards) with the version it started from', async () => {
    render(<EventsScreen />);
    const row = await waitFor(() => {
      const r = document.querySelector<HTMLElement>('[data-event="医療相談会（神経内科）"]');
      if (!r) throw new Error('not listed yet');
      return r;
    });
    fireEvent.click(within(row).getByRole('button', { name: '編集' }));
    const form = screen.getByRole('form', { name: 'イベントの編集' });
    fireEvent.change(within(form).getByLabelText('参加者数'), { target: { value: '18' } });
    fireEvent.click(within(form).getByRole('button', { name: /^保存/ }));
    await screen.findByText('「医療相談会（神経内科）」を保存しました。');
    expect((await events())[0]).toMatchObject({ participants: 18, version: 2 });
  });

  it('intake picks the event as its site; the event then lists the consultation', async () => {
    const [e] = await events();
    render(<IntakeFormScreen />);
    await screen.findByRole('form', { name: '相談受付' });
    fireEvent.change(screen.getByLabelText(/^受付日時/), { target: { value: `${date}T10:30` } });
    fireEvent.click(screen.getByRole('radio', { name: '出張・イベント' }));
    const select = await screen.findByLabelText('イベント');
    await within(select).findByRole('option', { name: /医療相談会（神経内科）/ });
    fireEvent.change(select, { target: { value: e!.id } });
    fireEvent.change(screen.getByLabelText('相談者の続柄・立場'), { target: { value: 'self' } });
    fireEvent.click(screen.getByRole('button', { name: /^保存/ }));
    await screen.findByTestId('saved');
    const list = (await app.api('consultation.list', { eventId: e!.id })) as {
      total: number;
      rows: { id: string }[];
    };
    expect(list.total).toBe(1);
    const c = (await app.api('consultation.get', { id: list.rows[0]!.id })) as ConsultationDetail;
    expect([c.siteKind, c.eventId]).toEqual(['outreach', e!.id]);
    cleanup();

    render(<EventsScreen />);
    const title = await screen.findByRole('button', { name: '医療相談会（神経内科）' });
    expect(document.querySelector('[data-event="医療相談会（神経内科）"]')!.textContent).toContain('1');
    fireEvent.click(title);
    const at = screen.getByRole('region', { name: 'このイベントで受け付けた相談' });
    await waitFor(() => expect(within(at).getByTestId('result-count').textContent).toBe('1 件'));
  });

  it('editing a consultation keeps its event (the form carries the site back)', async () => {
    const [e] = await events();
    const { rows } = (await app.api('consultation.list', { eventId: e!.id })) as { rows: { id: string }[] };
    const { useNav } = await import('../../renderer/stores/nav-store');
    useNav.setState({ editConsultationId: rows[0]!.id });
    render(<IntakeFormScreen />);
    await screen.findByRole('heading', { name: /の編集/ });
    await waitFor(() => expect((screen.getByLabelText('イベント') as HTMLSelectElement).value).toBe(e!.id));
    fireEvent.change(screen.getByLabelText('相談の要旨'), { target: { value: '追記' } });
    fireEvent.click(screen.getByRole('button', { name: /^保存/ }));
    await screen.findByTestId('saved');
    const c = (await app.api('consultation.get', { id: rows[0]!.id })) as ConsultationDetail;
    expect([c.siteKind, c.eventId, c.summary, c.version]).toEqual(['outreach', e!.id, '追記', 2]);
  });
});
