// @vitest-environment jsdom
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/app';
import { SyncScreen } from '../../renderer/features/sync/sync-screen';
import { useSyncPlaces } from '../../renderer/features/sync/sync-places-store';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { generate } from '../fixtures/op-generator';
import { consultationInput, makeDevice, sync, type Device } from '../sync/sync-helpers';
import { inProcessApp } from './in-process-app';

/**
 * The sync screen on the real dispatcher and a real encrypted case file (the office PC), with
 * a second real installation (the outreach laptop) on the other side of a shared folder.
 */
type TestApp = Awaited<ReturnType<typeof inProcessApp>>;
let app: TestApp;
let laptop: Device;
let usb = '';
let office: Device; // the app under test, seen through the same helpers as the laptop

beforeEach(async () => {
  app = await inProcessApp();
  laptop = await makeDevice('出張用ノートPC');
  usb = join(laptop.dir, 'usb');
  mkdirSync(usb);
  useSyncPlaces.setState({ lastFolder: null });
  let files = 0;
  const ctx = () => app.runtime.context();
  office = {
    ...laptop,
    name: 'office',
    get deviceId() {
      return ctx().deviceId;
    },
    get db() {
      return ctx().db;
    },
    file: (label: string) => join(usb, `office-${label}-${++files}.age`),
    call: <C extends ChannelName>(c: C, i: ChannelInput<C>) => app.api(c, i) as Promise<ChannelOutput<C>>,
  } as Device;
});
afterEach(async () => {
  // unmount first and let calls already under way finish before the case file closes
  cleanup();
  await new Promise((r) => setTimeout(r, 300));
  await app.close();
  await laptop.close();
});

async function pairBoth() {
  await laptop.call('sync.exportCard', { folder: usb });
  await office.call('sync.exportCard', { folder: usb });
  const cards = (await laptop.call('sync.listFiles', { folder: usb })).files.filter((f) => f.kind === 'card');
  for (const c of cards) {
    if (c.name.includes(laptop.deviceId.slice(0, 8))) await office.call('sync.addPeer', { path: c.path });
    else await laptop.call('sync.addPeer', { path: c.path });
  }
}

const queueRow = () => screen.getByRole('article', { name: /出張用ノートPC/ });

describe('sync screen', () => {
  it("pairing shows the card's confirmation code to compare, and pairs only when confirmed", async () => {
    await laptop.call('sync.exportCard', { folder: usb });
    const theirs = (await laptop.call('sync.identity', {})).fingerprint;
    const ours = (await office.call('sync.identity', {})).fingerprint;
    render(<SyncScreen />);
    expect((await screen.findByTestId('own-fingerprint')).textContent).toBe(ours);
    expect(screen.getByText('まだペア設定した端末はありません。')).toBeTruthy();

    // browser mode: no file dialog; the folder is typed, its cards are listed by name
    fireEvent.click(screen.getByRole('button', { name: '識別カードを読み込む' }));
    const chooser = screen.getByRole('group', { name: 'フォルダー' });
    fireEvent.change(within(chooser).getByLabelText('フォルダー'), { target: { value: usb } });
    fireEvent.click(within(chooser).getByRole('button', { name: '表示' }));
    fireEvent.click(await within(chooser).findByRole('button', { name: /^yorisoi-card-.*\.json$/ }));
    expect((await screen.findByTestId('card-fingerprint')).textContent).toBe(theirs);
    expect(useSyncPlaces.getState().lastFolder).toBe(usb); // remembered for next time

    // "it differs": nothing is paired
    fireEvent.click(screen.getByRole('button', { name: '一致しない（中止する）' }));
    expect((await screen.findByRole('status')).textContent).toContain('ペア設定を中止しました');
    expect((await office.call('sync.status', {})).peers).toEqual([]);

    // again, from the remembered folder, and confirmed; a center's own device shares everything
    fireEvent.click(screen.getByRole('button', { name: '識別カードを読み込む' }));
    fireEvent.click(await screen.findByRole('button', { name: /^yorisoi-card-.*\.json$/ }));
    await screen.findByTestId('card-fingerprint');
    const full = screen.getByRole('radio', { name: /^すべて/ }) as HTMLInputElement;
    expect(full.checked).toBe(true);
    fireEvent.change(screen.getByLabelText('呼び名（任意）'), { target: { value: '出張用' } });
    fireEvent.click(screen.getByRole('button', { name: '一致する（ペア設定する）' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      '出張用（出張用ノートPC） とペア設定しました。',
    );
    const [peer] = (await office.call('sync.status', {})).peers;
    expect(peer).toMatchObject({
      deviceId: laptop.deviceId,
      profile: 'full',
      label: '出張用',
      fingerprint: theirs,
    });
    await screen.findByRole('article', { name: '出張用（出張用ノートPC）' });
  });

  it('export to the folder and a receipt back empty the queue; an imported bundle shows what came', async () => {
    await pairBoth();
    await office.call('sync.setFolder', { folder: usb });
    await office.call('consultation.record', consultationInput({ summary: '事務所で受けた相談' }));
    render(<SyncScreen />);
    await waitFor(() => expect(within(queueRow()).getByTestId('waiting').textContent).not.toBe('0\u00a0件'));
    const waiting = Number.parseInt(within(queueRow()).getByTestId('waiting').textContent!, 10);
    expect(waiting).toBeGreaterThan(0);

    fireEvent.click(within(queueRow()).getByRole('button', { name: '同期ファイルをフォルダーへ' }));
    expect((await screen.findByRole('status')).textContent).toMatch(
      new RegExp(`^${waiting}\u00a0件の変更を書き出しました（.+）：yorisoi-bundle-.+\\.age$`),
    );
    // without a receipt the ops still wait (nothing is dropped before a receipt)
    expect(within(queueRow()).getByTestId('waiting').textContent).toBe(`${waiting}\u00a0件`);
    expect(within(queueRow()).getByTestId('last-receipt').textContent).toBe('まだありません');

    // the laptop imports it, writes a consultation of its own, and sends both back
    await laptop.call('sync.setFolder', { folder: usb });
    const atLaptop = await laptop.call('sync.importFolder', {});
    expect(atLaptop.files.map((f) => [f.kind, f.ok])).toEqual([['bundle', true]]);
    await laptop.call('consultation.record', consultationInput({ summary: '出張相談会で受けた相談' }));
    await laptop.call('sync.exportReceipt', { peer: office.deviceId, toFolder: true });
    await laptop.call('sync.exportBundle', { peer: office.deviceId, toFolder: true });

    // the screen looks at the folder again by itself (a stick plugged in, a file dropped)
    await waitFor(() => expect(screen.getByTestId('folder-waiting').textContent).toContain('2\u00a0件'), {
      timeout: 8000,
    });
    fireEvent.click(screen.getByRole('button', { name: 'フォルダーから取り込む' }));
    const results = await screen.findByRole('region', { name: '取り込みの結果' });
    await waitFor(() => expect(within(results).getAllByRole('listitem')).toHaveLength(2));
    expect(results.textContent).toContain(
      '出張用ノートPC の受領書を取り込みました。まだ届いていない変更：0\u00a0件',
    );
    expect(results.textContent).toMatch(/出張用ノートPC から \d+\s件を受け取り、\d+\s件を反映しました/);
    await waitFor(() => expect(within(queueRow()).getByTestId('waiting').textContent).toBe('0\u00a0件'));
    expect(within(queueRow()).getByTestId('last-receipt').textContent).toMatch(/^令和/);
    expect(within(queueRow()).getByTestId('last-import').textContent).toMatch(/^令和/);

    // the laptop's consultation is here, and the export is in the provision log
    const list = await office.call('consultation.list', { query: '出張相談会' });
    expect(list.rows).toHaveLength(1);
    const log = screen.getByRole('table', { name: '提供記録（書き出しの記録）' });
    expect(within(log).getAllByRole('row')).toHaveLength(2);
    expect(log.textContent).toContain('同期ファイル');
    expect(log.textContent).toContain('出張用ノートPC');
    expect(log.textContent).toContain(String(waiting));

    // the folder again: what was imported is skipped, and nothing changes
    const before = await office.call('sync.status', {});
    fireEvent.click(screen.getByRole('button', { name: 'フォルダーから取り込む' }));
    await waitFor(() =>
      expect(screen.getByRole('region', { name: '取り込みの結果' }).textContent).toBe(
        '新しいファイルはありませんでした（取り込み済み 2\u00a0件）。',
      ),
    );
    expect(await office.call('sync.status', {})).toEqual(before);
  });

  it('a laptop whose date is days ahead: the office sees a clock warning after importing its file', async () => {
    await pairBoth();
    // the laptop's date is three days after the office PC's (the office runs on the real clock)
    laptop.fx.setToday(new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString().slice(0, 10));
    await laptop.call('consultation.record', consultationInput());
    const bundle = join(usb, 'from-laptop.age');
    await laptop.call('sync.exportBundle', { peer: office.deviceId, path: bundle });
    await office.call('sync.importBundle', { path: bundle });
    render(<SyncScreen />);
    const panel = await screen.findByRole('region', { name: '端末の時計がずれています' });
    expect(panel.textContent).toMatch(/出張用ノートPC の時計は、この端末より [234]\u00a0日 進んでいます。/);
  });

  it('a laptop that never answers: its queue shows how large the next file is and suggests delivering or removing it', async () => {
    await pairBoth();
    for (let i = 0; i < 3; i++) await office.call('consultation.record', consultationInput());
    const first = (await office.call('sync.status', {})).peers[0]!;
    for (let i = 0; i < 3; i++) await office.call('consultation.record', consultationInput());
    const later = (await office.call('sync.status', {})).peers[0]!;
    // what waits grows with every record, and so does every file to it
    expect(later.waitingBytes).toBeGreaterThan(first.waitingBytes * 1.5);
    expect(later.stalled).toBe(false);
    // it was paired three weeks ago and nothing came from it since
    await office.db
      .updateTable('sync_peers')
      .set({ paired_at: new Date(Date.now() - 21 * 24 * 3600 * 1000).toISOString() })
      .where('device_id', '=', laptop.deviceId)
      .execute();
    render(<SyncScreen />);
    await screen.findByRole('article', { name: /出張用ノートPC/ });
    const note = within(queueRow()).getByTestId('stalled');
    expect(note.textContent).toMatch(/この端末から 21\u00a0日、受領書も同期ファイルも届いていません。/);
    expect(note.textContent).toContain('ペア設定を解除');
    expect(within(queueRow()).getByTestId('waiting-size').textContent).toMatch(/約 [\d.]+ KB/);
    expect(within(queueRow()).getByRole('button', { name: 'ペア設定を解除' })).toBeTruthy();
  });

  it('a refused file says why, translated, and the queue is unchanged', async () => {
    await pairBoth();
    await laptop.call('consultation.record', consultationInput());
    const bundle = await laptop.call('sync.exportBundle', { peer: office.deviceId, folder: usb });
    const { writeFileSync, readFileSync } = await import('node:fs');
    const bytes = readFileSync(bundle.file);
    bytes[bytes.length - 20]! ^= 1;
    writeFileSync(bundle.file, bytes);
    render(<SyncScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'ファイルを選んで取り込む' }));
    const chooser = screen.getByRole('group', { name: 'フォルダー' });
    fireEvent.change(within(chooser).getByLabelText('フォルダー'), { target: { value: usb } });
    fireEvent.click(within(chooser).getByRole('button', { name: '表示' }));
    const fileRow = (await within(chooser).findByRole('button', { name: /^yorisoi-bundle-/ })).closest('tr')!;
    expect(fileRow.textContent).toContain('この端末宛て');
    fireEvent.click(within(fileRow).getByRole('button'));
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.code).toBe('BUNDLE_CORRUPT');
    expect(alert.textContent).toContain('何も取り込んでいません');
    expect((await office.call('consultation.list', {})).total).toBe(0);
  });

  it('a conflict shows both values, who and when, and is settled by a choice that syncs', async () => {
    await pairBoth();
    const c = await office.call(
      'consultation.record',
      consultationInput({ person: { mode: 'new', data: { name: '佐藤 次郎', phone: '03-0000-0000' } } }),
    );
    const id = c.person!.id;
    await sync(office, laptop);
    const edit = (d: Device, phone: string) =>
      d.call('person.update', { id, expectedVersion: 1, changes: { name: '佐藤 次郎', phone } });
    await edit(office, '090-1111-1111');
    await edit(laptop, '090-2222-2222');
    await sync(office, laptop);
    await sync(laptop, office);
    const held = (await office.call('person.get', { id })).phone;
    const lost = held === '090-1111-1111' ? '090-2222-2222' : '090-1111-1111';

    render(<SyncScreen />);
    const item = (await screen.findByText('佐藤 次郎')).closest('li')!;
    expect(item.textContent).toContain('電話');
    expect(within(item).getByTestId('current-value').textContent).toBe(held);
    expect(within(item).getByTestId('other-value').textContent).toBe(lost);
    expect(item.textContent).toContain('管理 花子'); // who wrote each side
    expect(item.textContent).toContain('この端末');
    expect(item.textContent).toContain('出張用ノートPC');
    expect(item.textContent).toMatch(/令和\d+年\d+月\d+日/);

    fireEvent.click(within(item).getByRole('button', { name: '上書きされた値に戻す' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      '「佐藤 次郎」の電話：上書きされた値に戻しました。',
    );
    await screen.findByText('確認が必要な競合はありません。');
    expect((await office.call('person.get', { id })).phone).toBe(lost);
    // the choice travels: the laptop takes the value back and stops listing the conflict
    await sync(office, laptop);
    expect((await laptop.call('person.get', { id })).phone).toBe(lost);
    expect(await laptop.call('sync.conflicts', {})).toEqual([]);
  });

  it('a long export shows its progress while it runs (phase and count from the main process)', async () => {
    await pairBoth();
    await office.call('sync.setFolder', { folder: usb });
    generate(app.runtime.context(), 8000);
    const { container } = render(<SyncScreen />);
    await waitFor(() =>
      expect(within(queueRow()).getByTestId('waiting').textContent).toMatch(/^80\d\d\s件$/),
    );
    const seen: { label: string; max: string | null; value: string | null }[] = [];
    const observer = new MutationObserver(() => {
      const bar = container.querySelector('[data-testid="sync-progress"]');
      const p = bar?.querySelector('progress');
      if (bar && p)
        seen.push({
          label: bar.textContent ?? '',
          max: p.getAttribute('max'),
          value: p.getAttribute('value'),
        });
    });
    observer.observe(container, { subtree: true, childList: true, attributes: true, characterData: true });
    fireEvent.click(within(queueRow()).getByRole('button', { name: '同期ファイルをフォルダーへ' }));
    const done = await screen.findByRole('status', {}, { timeout: 20_000 });
    observer.disconnect();
    const ops = Number(/^(\d+)\s件の変更/.exec(done.textContent!)![1]);
    expect(ops).toBeGreaterThan(8000);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]!.label).toContain('書き出し：');
    // at least one poll caught the main process mid-way, with the real total
    const counted = seen.filter((s) => s.max === String(ops));
    expect(counted.length).toBeGreaterThan(0);
    expect(counted.some((s) => /暗号化して書き出しています|変更を集めています/.test(s.label))).toBe(true);
    expect(container.querySelector('[data-testid="sync-progress"]')).toBeNull(); // gone when done
  }, 60_000);

  it('in prefecture mode the menu offers the per-center screen, which imports and counts per center', async () => {
    render(<App />);
    const menu = await screen.findByRole('navigation', { name: 'メニュー' });
    await within(menu).findByRole('button', { name: '同期' });
    expect(within(menu).queryByRole('button', { name: 'センター別集計' })).toBeNull();
    cleanup();

    await office.call('sync.setMode', { mode: 'prefecture' });
    await pairBoth();
    await office.call('sync.setFolder', { folder: usb });
    for (const summary of ['一件目', '二件目']) {
      await laptop.call(
        'consultation.record',
        consultationInput({ summary, person: { mode: 'new', data: { name: `相談者${summary}` } } }),
      );
    }
    await laptop.call('sync.exportBundle', { peer: office.deviceId, folder: usb });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'センター別集計' }));
    await screen.findByRole('heading', { name: 'センター別の相談件数' });
    // the heading comes first; the summary (empty here) arrives when its call answers
    expect(await screen.findByText('まだセンターからの同期ファイルを取り込んでいません。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'フォルダーから取り込む' }));
    const row = await waitFor(() => {
      const r = document.querySelector('tr[data-center="出張用ノートPC"]');
      if (!r) throw new Error('no row yet');
      return r as HTMLElement;
    });
    expect(within(row).getByTestId('consultations').textContent).toBe('2');
    // the prefecture's card made the laptop default to statistics: counted, but no names here
    expect((await laptop.call('sync.status', {})).peers[0]!.profile).toBe('statistics');
    expect((await office.call('consultation.list', { query: '相談者' })).total).toBe(0);
    // and a receipt goes back to the center
    fireEvent.click(
      screen.getByRole('button', { name: /取り込んだ 1 センターへ受領書をフォルダーへ書き出す/ }),
    );
    expect((await screen.findByRole('status')).textContent).toBe('1 センターへ受領書を書き出しました。');
    await laptop.call('sync.setFolder', { folder: usb });
    const back = await laptop.call('sync.importFolder', {});
    expect(back.files.map((f) => [f.kind, f.ok])).toEqual([['receipt', true]]);
    expect((await laptop.call('sync.status', {})).peers[0]!.waitingOps).toBe(0);
  });
});
