// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IntakeFormScreen } from '../../renderer/features/intake/intake-form';
import { inProcessApp } from './in-process-app';

type App = Awaited<ReturnType<typeof inProcessApp>>;

async function consultationCount(app: App): Promise<number> {
  return ((await app.api('consultation.list', {})) as { total: number }).total;
}

describe('intake form', () => {
  let app: App;
  beforeEach(async () => {
    app = await inProcessApp();
  });
  afterEach(() => app.close());

  async function fillMinimum() {
    render(<IntakeFormScreen />);
    await screen.findByRole('form', { name: '相談受付' });
    fireEvent.change(screen.getByLabelText('相談者の続柄・立場'), { target: { value: 'self' } });
    fireEvent.change(screen.getByLabelText('相談の要旨'), {
      target: { value: '受給者証の更新についての相談' },
    });
  }

  it('Enter that confirms an IME conversion never saves; Ctrl+S after it does', async () => {
    await fillMinimum();
    const note = screen.getByLabelText('相談者について（任意）');
    fireEvent.compositionStart(note);
    fireEvent.change(note, { target: { value: 'はは' } });
    // the Enter that confirms はは → 母 arrives while composing (even with Ctrl held)
    fireEvent.keyDown(note, { key: 'Enter', isComposing: true, keyCode: 229 });
    fireEvent.keyDown(note, { key: 'Enter', ctrlKey: true, isComposing: true, keyCode: 229 });
    fireEvent.compositionEnd(note);
    fireEvent.change(note, { target: { value: '母' } });
    // a plain Enter in a text box does not submit either
    fireEvent.keyDown(note, { key: 'Enter' });
    await new Promise((r) => setTimeout(r, 200));
    expect(await consultationCount(app)).toBe(0);
    expect(screen.queryByTestId('saved')).toBeNull();
    fireEvent.keyDown(note, { key: 's', ctrlKey: true });
    expect(await screen.findByTestId('saved')).toHaveProperty(
      'textContent',
      expect.stringMatching(/^R\d+-[A-Z]{2}-000001 として保存しました$/),
    );
    expect(await consultationCount(app)).toBe(1);
  });

  it('picks a disease by number with Enter, but not while composing', async () => {
    await fillMinimum();
    const box = screen.getByLabelText('指定難病');
    await waitFor(() => {
      fireEvent.change(box, { target: { value: 'ぱーきんそん' } });
      expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
    });
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true, keyCode: 229 });
    expect(screen.queryByRole('list', { name: '選んだ病名' })?.textContent ?? '').toBe('');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(screen.getByRole('list', { name: '選んだ病名' }).textContent).toContain('パーキンソン病');
  });

  it('a half-filled form is refused with a translated message naming the field; nothing is saved', async () => {
    render(<IntakeFormScreen />);
    await screen.findByRole('form', { name: '相談受付' });
    fireEvent.change(screen.getByLabelText('相談の要旨'), { target: { value: '途中' } });
    fireEvent.click(screen.getByRole('button', { name: /^保存/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('入力内容に誤りがあります。');
    expect(alert.textContent).toContain('相談者の続柄・立場を選んでください');
    expect(alert.textContent).not.toContain('consulter');
    expect(await consultationCount(app)).toBe(0);
  });

  it('keeps a draft in the case file while typing and restores it', async () => {
    await fillMinimum();
    fireEvent.change(screen.getByLabelText('相談の要旨'), { target: { value: '電話が途中で切れた相談' } });
    await waitFor(async () => {
      const d = (await app.api('draft.get', { kind: 'intake' })) as { data: { summary: string } } | null;
      expect(d?.data.summary).toBe('電話が途中で切れた相談');
    });
    cleanup(); // the screen goes away (lock, crash); a new one starts from the stored draft
    await act(async () => {
      render(<IntakeFormScreen />);
    });
    await waitFor(() =>
      expect((screen.getByLabelText('相談の要旨') as HTMLTextAreaElement).value).toBe(
        '電話が途中で切れた相談',
      ),
    );
    expect(screen.getByTestId('draft-restored')).toBeTruthy();
  });
});
