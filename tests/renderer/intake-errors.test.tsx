// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IntakeFormScreen } from '../../renderer/features/intake/intake-form';
import { inProcessApp } from './in-process-app';

type App = Awaited<ReturnType<typeof inProcessApp>>;

/** What zod says in English: none of it may reach a counselor's screen. */
const RAW = /Invalid|Too small|Too big|expected|received|consulter|durationMin|person\.data|followUp\./;

async function consultationCount(app: App): Promise<number> {
  return ((await app.api('consultation.list', {})) as { total: number }).total;
}

/** The text an element's aria-describedby points at. */
function description(el: HTMLElement): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('intake errors and warnings at the field', () => {
  let app: App;
  beforeEach(async () => {
    app = await inProcessApp();
    await i18next.changeLanguage('ja');
  });
  afterEach(async () => {
    await i18next.changeLanguage('ja');
    await app.close();
  });

  async function open() {
    render(<IntakeFormScreen />);
    return screen.findByRole('form', { name: '相談受付' });
  }

  it('a missing 相談者 is named by its own label beside the select, which gets focus; nothing is saved', async () => {
    const user = userEvent.setup();
    await open();
    await user.type(screen.getByLabelText('相談の要旨'), '受給者証の更新について');
    await user.keyboard('{Control>}s{/Control}');
    const consulter = screen.getByLabelText('相談者の続柄・立場');
    await waitFor(() => expect(consulter.getAttribute('aria-invalid')).toBe('true'));
    expect(description(consulter)).toBe('相談者の続柄・立場を選んでください');
    expect(document.activeElement).toBe(consulter);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('入力内容に誤りがあります。');
    expect(document.body.textContent).not.toMatch(RAW);
    expect(await consultationCount(app)).toBe(0);
    // fixing it clears the message at once
    await user.selectOptions(consulter, '本人');
    expect(consulter.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('an impossible 対応時間 gets a Japanese range message at the field, not "Too big"', async () => {
    const user = userEvent.setup();
    await open();
    await user.selectOptions(screen.getByLabelText('相談者の続柄・立場'), '本人');
    const duration = screen.getByLabelText('対応時間（分）');
    await user.type(duration, '2000');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(duration.getAttribute('aria-invalid')).toBe('true'));
    expect(description(duration)).toBe('対応時間（分）は 0〜1440 の整数で入力してください');
    expect(document.activeElement).toBe(duration);
    expect(document.body.textContent).not.toMatch(RAW);
    expect(await consultationCount(app)).toBe(0);
  });

  it('what only the case file refuses (a 101-character name) still lands at the field, in words', async () => {
    const user = userEvent.setup();
    await open();
    await user.selectOptions(screen.getByLabelText('相談者の続柄・立場'), '本人');
    await user.click(screen.getByRole('radio', { name: '新しく登録' }));
    const name = screen.getByLabelText('氏名');
    await user.click(name);
    await user.paste('あ'.repeat(101));
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(description(name)).toBe('氏名は 100 文字以内で入力してください');
    expect(document.activeElement).toBe(name);
    expect(document.body.textContent).not.toMatch(RAW);
    expect(await consultationCount(app)).toBe(0);
  });

  it('in English too: the label, never the zod text', async () => {
    await i18next.changeLanguage('en');
    const user = userEvent.setup();
    render(<IntakeFormScreen />);
    await screen.findByRole('form', { name: 'Intake' });
    await user.type(screen.getByLabelText('Duration (minutes)'), '-5');
    await user.keyboard('{Control>}s{/Control}');
    const consulter = screen.getByLabelText('Relationship');
    await waitFor(() => expect(consulter.getAttribute('aria-invalid')).toBe('true'));
    expect(description(consulter)).toBe('Choose: Relationship');
    expect(description(screen.getByLabelText('Duration (minutes)'))).toBe(
      'Duration (minutes): a whole number from 0 to 1440',
    );
    // the first one in the form's order gets focus: the duration comes before who consulted
    expect(document.activeElement).toBe(screen.getByLabelText('Duration (minutes)'));
    expect(document.body.textContent).not.toMatch(/Too small|Invalid|expected|received/);
  });

  it('warns (and still saves) for a future date and for no 相談内容', async () => {
    const user = userEvent.setup();
    await open();
    await user.selectOptions(screen.getByLabelText('相談者の続柄・立場'), '本人');
    const categories = screen.getByRole('group', { name: '相談内容の分類' });
    expect(description(categories)).toContain('相談内容の分類が選ばれていません');
    expect(categories.getAttribute('aria-invalid')).toBeNull();
    const when = screen.getByLabelText('受付日時');
    await user.clear(when);
    await user.type(when, '2099-04-01T10:00');
    expect(description(when)).toContain('未来の日時です');
    expect(when.getAttribute('aria-invalid')).not.toBe('true');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(async () => expect(await consultationCount(app)).toBe(1));
    expect(screen.queryByRole('alert')).toBeNull();
    // the form is empty again: what was worth a second look stays beside the saved number
    const after = await screen.findByTestId('saved-warnings');
    expect(after.textContent).toContain('受付日時が未来の日時です');
    expect(after.textContent).toContain('相談内容の分類が選ばれていません');
    // a category chosen: the warning goes
    await user.click(
      within(screen.getByRole('group', { name: '相談内容の分類' })).getByRole('button', { name: /^1\.1 / }),
    );
    expect(description(screen.getByRole('group', { name: '相談内容の分類' }))).not.toContain(
      '選ばれていません',
    );
  });
});

describe('a rejected birth date', () => {
  let app: App;
  beforeEach(async () => {
    app = await inProcessApp();
  });
  afterEach(() => app.close());

  it('does not keep the old date: the save is refused at 生年月日 and nothing is stored', async () => {
    const user = userEvent.setup();
    render(<IntakeFormScreen />);
    await screen.findByRole('form', { name: '相談受付' });
    await user.selectOptions(screen.getByLabelText('相談者の続柄・立場'), '本人');
    await user.click(screen.getByRole('radio', { name: '新しく登録' }));
    await user.type(screen.getByLabelText('氏名'), '山田 花子');
    const birth = screen.getByLabelText('生年月日');
    await user.type(birth, 'S35.6.3');
    expect(screen.getByText('昭和35年6月3日（1960年6月3日）')).toBeTruthy();
    await user.clear(birth);
    await user.type(birth, 'S35.13.40'); // a 13th month: not a date
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(birth.getAttribute('aria-invalid')).toBe('true'));
    expect(description(birth)).toContain('生年月日を日付として読めません');
    expect(document.activeElement).toBe(birth);
    await act(() => new Promise((r) => setTimeout(r, 200)));
    expect(await consultationCount(app)).toBe(0);
    const persons = (await app.api('person.search', { query: '', limit: 10 })) as unknown[];
    expect(persons).toHaveLength(0);
  });
});
