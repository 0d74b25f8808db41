// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditScreen } from '../../renderer/features/audit/audit-screen';
import { inProcessApp } from './in-process-app';

type TestApp = Awaited<ReturnType<typeof inProcessApp>>;

describe('the audit view, read by a privacy officer', () => {
  let app: TestApp;
  let serial = '';
  beforeEach(async () => {
    app = await inProcessApp();
    const c = (await app.api('consultation.record', {
      receivedAt: '2025-06-02T10:00',
      method: 'phone',
      consulter: 'self',
      person: { mode: 'new', data: { name: '山田 花子', nameKana: 'やまだ はなこ' } },
      summary: '制度の相談',
      outcome: 'continuing',
      followUp: { title: '資料を送る', dueDate: '2025-06-09' },
    })) as { id: string; serial: string; person: { id: string } };
    serial = c.serial;
    await app.api('person.get', { id: c.person.id });
    await app.api('consultation.update', {
      id: c.id,
      expectedVersion: 1,
      changes: {
        receivedAt: '2025-06-02T10:00',
        method: 'email',
        consulter: 'self',
        summary: '制度の相談（追記）',
      },
    });
  });
  afterEach(() => app.close());

  it('shows actions and staff by name, the record each concerns, and details in words — no codes, no JSON', async () => {
    render(<AuditScreen />);
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(4));
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (r: HTMLElement) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent ?? '');
    const byAction = (label: string) => rows.find((r) => cells(r)[3] === label);
    for (const r of rows) {
      const [, , who, action, target, detail] = cells(r);
      expect(action, 'an action code').not.toMatch(/^[a-z_.-]+$/);
      expect(who).toBe('管理 花子');
      expect(`${target} ${detail}`).not.toMatch(/[{}"]|[0-9a-f]{8}-[0-9a-f]{4}/);
    }
    expect(cells(byAction('相談記録の作成')!)[4]).toContain(serial);
    expect(cells(byAction('本人記録の閲覧')!)[4]).toContain('山田 花子');
    const update = cells(byAction('相談記録の変更')!);
    expect(update[4]).toContain(serial);
    expect(update[5]).toContain('相談方法');
    expect(update[5]).toContain('相談の要旨');
    expect(byAction('ログイン') ?? byAction('ケースファイルの作成')).toBeTruthy();
    expect(byAction('継続支援の登録')).toBeTruthy();
  });
});
