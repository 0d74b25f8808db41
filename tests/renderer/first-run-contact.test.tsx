// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/app';
import { useSession } from '../../renderer/stores/session-store';
import { inProcessApp } from './in-process-app';

type TestApp = Awaited<ReturnType<typeof inProcessApp>>;
const PASS = 'はじめての長いパスフレーズ 2026';

describe('first run asks what a letter needs for its return address', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await inProcessApp({ login: false });
    await useSession.getState().refresh();
  });
  afterEach(() => app.close());

  it('the center’s address, phone, FAX and the administrator’s 職種 go onto the letterhead and the account', async () => {
    const user = userEvent.setup();
    render(<App />);
    const form = await screen.findByRole('form', { name: 'ケースファイルの作成' });
    await user.type(within(form).getByLabelText('センター名'), 'みどり県難病相談支援センター');
    await user.selectOptions(within(form).getByLabelText(/^センターの都道府県/), '11');
    await user.type(within(form).getByLabelText('管理者の氏名'), '相談 花子');
    await user.selectOptions(within(form).getByLabelText('管理者の職種'), '保健師');
    await user.type(within(form).getByLabelText('ログイン名'), 'hanako');
    await user.type(within(form).getByLabelText('パスフレーズ'), PASS);
    await user.type(within(form).getByLabelText('パスフレーズ（確認）'), PASS);
    const contact = within(form).getByRole('group', { name: 'センターの連絡先（文書の差出人欄に入ります）' });
    await user.type(within(contact).getByLabelText('郵便番号'), '330-0063');
    await user.type(within(contact).getByLabelText('住所'), 'みどり県さいたま市浦和区高砂三丁目1番1号');
    await user.type(within(contact).getByLabelText('電話'), '048-000-1234');
    await user.type(within(contact).getByLabelText('FAX'), '048-000-1235');
    await user.click(within(form).getByRole('button', { name: '作成する' }));
    await screen.findByTestId('recovery-code', {}, { timeout: 10_000 });
    expect(await app.api('letter.letterhead.get', {})).toMatchObject({
      postalCode: '330-0063',
      address: 'みどり県さいたま市浦和区高砂三丁目1番1号',
      phone: '048-000-1234',
      fax: '048-000-1235',
    });
    const staff = (await app.api('staff.list', {})) as { login: string; profession: string | null }[];
    expect(staff).toEqual([expect.objectContaining({ login: 'hanako', profession: 'public_health_nurse' })]);
  });
});
