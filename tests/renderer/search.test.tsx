// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchScreen } from '../../renderer/features/search/search-screen';
import { inProcessApp } from './in-process-app';

type TestApp = Awaited<ReturnType<typeof inProcessApp>>;

describe('search screen', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await inProcessApp();
    const base = { receivedAt: '2025-06-02T10:00', consulter: 'self' as const, categories: ['1.1'] };
    await app.api('consultation.record', {
      ...base,
      method: 'phone',
      person: { mode: 'new', data: { name: '山田 花子', nameKana: 'ヤマダ ハナコ' } },
      summary: '肺炎を繰り返している',
    });
    await app.api('consultation.record', { ...base, method: 'email', summary: 'メールでの就労の相談' });
    await app.api('consultation.record', { ...base, method: 'phone', summary: '頭痛がつらい' });
  });
  afterAll(() => app.close());

  const count = () => screen.getByTestId('result-count').textContent;

  it('lists everything, then narrows as one types (kana kind and width folded, 2 characters too)', async () => {
    render(<SearchScreen />);
    await waitFor(() => expect(count()).toBe('3 件'));
    const box = screen.getByLabelText('検索語');
    for (const [q, n] of [
      ['やまだ', '1 件'],
      ['ﾔﾏﾀﾞ', '1 件'],
      ['肺炎', '1 件'],
      ['相談', '1 件'],
      ['存在しない', '0 件'],
      ['', '3 件'],
    ] as const) {
      fireEvent.change(box, { target: { value: q } });
      await waitFor(() => expect(count(), q).toBe(n));
    }
  });

  it('filters by method', async () => {
    render(<SearchScreen />);
    fireEvent.change(screen.getAllByLabelText('相談方法')[0]!, { target: { value: 'email' } });
    await waitFor(() => expect(screen.getAllByTestId('result-count')[0]!.textContent).toBe('1 件'));
  });
});

describe('search screen: a name typed without the space, a record number', () => {
  let app: TestApp;
  let code = '';
  beforeAll(async () => {
    app = await inProcessApp();
    const base = { receivedAt: '2025-06-02T10:00', consulter: 'self' as const, method: 'phone' as const };
    const first: { serial: string } = await app.api('consultation.record', { ...base, summary: '別の相談' });
    code = first.serial.split('-')[1]!; // the device's letters
    await app.api('consultation.record', {
      ...base,
      person: { mode: 'new', data: { name: '佐藤 一郎', nameKana: 'サトウ イチロウ' } },
      summary: '就労の相談',
    });
  });
  afterAll(() => app.close());

  it('佐藤一郎 typed through the IME, and R7-<letters>-000002, each find 佐藤 一郎’s record', async () => {
    render(<SearchScreen />);
    await waitFor(() => expect(screen.getByTestId('result-count').textContent).toBe('2 件'));
    const box = screen.getByLabelText('検索語');
    expect(box.getAttribute('placeholder')).toContain('記録番号');
    fireEvent.compositionStart(box);
    fireEvent.change(box, { target: { value: 'さとういちろう' } });
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true, keyCode: 229 }); // confirms 佐藤一郎
    fireEvent.change(box, { target: { value: '佐藤一郎' } });
    fireEvent.compositionEnd(box);
    await waitFor(() => expect(screen.getByTestId('result-count').textContent).toBe('1 件'));
    // (the rows themselves are checked in Chromium: a virtual list lays nothing out in jsdom)
    fireEvent.change(box, { target: { value: `R7-${code}-000003` } });
    await waitFor(() => expect(screen.getByTestId('result-count').textContent).toBe('0 件'));
    fireEvent.change(box, { target: { value: `R7-${code}-000002` } });
    await waitFor(() => expect(screen.getByTestId('result-count').textContent).toBe('1 件'));
  });
});
