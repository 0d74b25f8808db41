// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ActivitiesScreen } from '../../renderer/features/activities/activities-screen';
import type { ActivityDto } from '../../shared/contract/activities';
import { inProcessApp } from './in-process-app';

type TestApp = Awaited<ReturnType<typeof inProcessApp>>;

/** A date in the current fiscal year (the screen opens on it). */
function thisYearDate(): string {
  const d = new Date();
  const fy = d.getMonth() + 1 >= 4 ? d.getFullYear() : d.getFullYear() - 1;
  return `${fy}-10-20`;
}

describe('regional support and meetings screen', () => {
  let app: TestApp;
  const date = thisYearDate();
  beforeAll(async () => {
    app = await inProcessApp();
    await app.api('institution.create', {
      type: 'health_center',
      name: '架空保健所',
      coveredMunicipalities: [],
    });
  }, 60_000);
  afterAll(() => app.close());
  afterEach(cleanup);

  it('records a 協議会 with the institutions that attended, and lists it', async () => {
    render(<ActivitiesScreen />);
    fireEvent.click(await screen.findByRole('button', { name: '新しく記録する' }));
    const form = screen.getByRole('form', { name: '地域支援・会議の記録' });
    const f = within(form);
    fireEvent.change(f.getByLabelText('種別'), { target: { value: 'council' } });
    fireEvent.change(f.getByLabelText('名称・議題'), { target: { value: '難病対策地域協議会' } });
    fireEvent.change(f.getByLabelText(/^実施日/), { target: { value: date } });
    fireEvent.change(f.getByLabelText('参加者数（展示は来場者数）'), { target: { value: '１２' } }); // full width
    const name = f.getByLabelText('機関・団体の名前');
    fireEvent.change(name, { target: { value: 'ほうもん' } });
    fireEvent.keyDown(name, { key: 'Enter', isComposing: true, keyCode: 229 }); // confirms a conversion only
    expect(f.queryAllByRole('listitem')).toHaveLength(0);
    fireEvent.change(name, { target: { value: '訪問看護ステーション' } });
    fireEvent.keyDown(name, { key: 'Enter' });
    const hc = await f.findByRole('option', { name: '架空保健所' });
    fireEvent.change(f.getByLabelText('関係機関の名簿から'), { target: { value: hc.getAttribute('value') } });
    fireEvent.click(f.getByRole('button', { name: /^保存/ }));
    await screen.findByText('「難病対策地域協議会」を保存しました。');
    const [a] = (await app.api('activity.list', {})) as ActivityDto[];
    expect(a).toMatchObject({
      kind: 'council',
      title: '難病対策地域協議会',
      date,
      participants: 12,
      attendees: [
        { name: '訪問看護ステーション', institutionId: null },
        { name: '架空保健所', institutionId: hc.getAttribute('value') },
      ],
    });
    const row = screen.getByRole('row', { name: /難病対策地域協議会/ });
    expect(row.textContent).toContain('協議会');
    expect(row.textContent).toContain('訪問看護ステーション、架空保健所');
    expect(row.textContent).toContain('12 人');
  });

  it('Ctrl+S saves with Caps Lock on (key "S") and in kana mode (the physical key), not a plain Enter', async () => {
    render(<ActivitiesScreen />);
    fireEvent.click(await screen.findByRole('button', { name: '新しく記録する' }));
    const f = within(screen.getByRole('form', { name: '地域支援・会議の記録' }));
    const title = f.getByLabelText('名称・議題');
    fireEvent.change(title, { target: { value: '支援者会議（大文字）' } });
    fireEvent.change(f.getByLabelText(/^実施日/), { target: { value: date } });
    fireEvent.keyDown(title, { key: 'Enter' });
    fireEvent.keyDown(title, { key: 'S', code: 'KeyS', ctrlKey: true }); // Caps Lock
    await screen.findByText('「支援者会議（大文字）」を保存しました。');
    fireEvent.click(await screen.findByRole('button', { name: '新しく記録する' }));
    const g = within(screen.getByRole('form', { name: '地域支援・会議の記録' }));
    fireEvent.change(g.getByLabelText('名称・議題'), { target: { value: '用具の展示（かな入力）' } });
    fireEvent.change(g.getByLabelText(/^実施日/), { target: { value: date } });
    fireEvent.keyDown(g.getByLabelText('名称・議題'), { key: 'と', code: 'KeyS', ctrlKey: true }); // kana mode
    await screen.findByText('「用具の展示（かな入力）」を保存しました。');
    const titles = ((await app.api('activity.list', {})) as ActivityDto[]).map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['支援者会議（大文字）', '用具の展示（かな入力）']));
  });
});
