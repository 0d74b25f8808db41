// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReportsScreen } from '../../renderer/features/reports/reports-screen';
import type { ReportDto } from '../../shared/contract/reports';
import { ja } from '../../shared/i18n/ja/reports';
import { inProcessApp } from './in-process-app';

type TestApp = Awaited<ReturnType<typeof inProcessApp>>;

/** The table's cells as the screen shows them, row by row. */
function shownRows(id: string): string[][] {
  const section = document.querySelector(`[data-table="${id}"]`)!;
  return [...section.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? ''),
  );
}
const asShown = (v: string | number | null) =>
  v === null ? '' : typeof v === 'number' ? v.toLocaleString('ja-JP', { maximumFractionDigits: 1 }) : v;

describe('reports screen', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await inProcessApp();
    const ev = (await app.api('event.create', {
      kind: 'outreach_consultation',
      title: '出張相談会（秩父）',
      date: '2025-07-12',
      participants: 9,
    })) as { id: string };
    const base = { consulter: 'self' as const, categories: ['1.1', '3.1'], mainCategory: '3.1' };
    const p = (await app.api('consultation.record', {
      ...base,
      receivedAt: '2025-05-10T10:00',
      method: 'phone',
      person: { mode: 'new', data: { name: '山田 花子', sex: 'female', birthDate: '1970-01-01' } },
      durationMin: 40,
    })) as { person: { id: string } };
    await app.api('consultation.record', {
      ...base,
      receivedAt: '2025-06-01T10:00',
      method: 'phone',
      person: { mode: 'existing', personId: p.person.id },
    });
    await app.api('consultation.record', {
      receivedAt: '2025-07-12T11:00',
      method: 'outreach',
      siteKind: 'outreach',
      eventId: ev.id,
      consulter: 'anonymous',
      categories: ['5.1'],
    });
    await app.api('consultation.record', {
      receivedAt: '2026-03-31T23:59', // the last minute of FY2025
      method: 'email',
      consulter: 'anonymous',
    });
    await app.api('consultation.record', {
      receivedAt: '2026-04-01T00:00', // FY2026: not in the report
      method: 'email',
      consulter: 'anonymous',
    });
  }, 60_000);
  afterAll(() => app.close());
  afterEach(cleanup);

  async function openYear2025() {
    render(<ReportsScreen />);
    const year = await screen.findByLabelText('年度');
    fireEvent.change(year, { target: { value: '2025' } });
    await waitFor(() =>
      expect(screen.getByTestId('report-period').textContent).toBe(
        '令和7年度 令和7年4月1日（2025年4月1日）〜令和8年3月31日（2026年3月31日）',
      ),
    );
  }

  it('shows every table of the service’s report, cell for cell, with Japanese headers', async () => {
    await openYear2025();
    expect(screen.getByRole('option', { name: '令和7年度（2025年度）' })).toBeTruthy();
    const report = (await app.api('report.build', { fiscalYear: 2025 })) as ReportDto;
    for (const t of report.tables) {
      const section = document.querySelector(`[data-table="${t.id}"]`)!;
      expect(section.querySelector('caption')!.textContent, t.id).toBe(ja.reports.tables[t.id]);
      expect([...section.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(
        t.columns.map((c) => c.label),
      );
      const expected = t.rows.map((r) =>
        r.cells.map((v, i) =>
          t.columns[i]!.key === 'date' && typeof v === 'string'
            ? expect.stringContaining(v.slice(0, 4))
            : asShown(v),
        ),
      );
      expect(shownRows(t.id), t.id).toEqual(expected);
    }
    // and the values themselves, by hand: two phone calls by one person, one outreach, one email
    const method = shownRows('t01-method');
    // 新規/継続 from the history: the second call of the same person is 継続
    expect(method.find((r) => r[0] === '電話')).toEqual(['電話', '2', '1', '1', '1', '1']);
    expect(method.find((r) => r[0] === '出張相談')).toEqual(['出張相談', '1', '1', '1', '0', '1']);
    expect(method.find((r) => r[0] === 'メール')).toEqual(['メール', '1', '1', '1', '0', '1']); // 3/31 23:59 only
    expect(method.at(-1)).toEqual(['合計', '4', '3', '3', '1', '3']);
    expect(shownRows('t04-category').find((r) => r[0] === '3.1')).toEqual([
      '3.1',
      '特定医療費（申請・更新・軽症高額）',
      '2',
      '2',
      '1',
    ]);
    expect(shownRows('t10-events').find((r) => r[0] === '出張相談会')).toEqual([
      '出張相談会',
      '1',
      '9',
      '0',
      '1',
      '1',
    ]);
  });

  it('narrows to a month range and to one event; the site label says which', async () => {
    await openYear2025();
    fireEvent.change(screen.getByLabelText('開始月'), { target: { value: '2025-06' } });
    fireEvent.change(screen.getByLabelText('終了月'), { target: { value: '2025-07' } });
    await waitFor(() => expect(screen.getByTestId('report-period').textContent).toContain('令和7年7月31日'));
    await waitFor(() => expect(shownRows('t01-method').at(-1)).toEqual(['合計', '2', '2', '1', '1', '1'])); // 6/1 phone (継続), 7/12 outreach
    const site = screen.getByLabelText('対象');
    const option = await within(site).findByRole('option', { name: /出張相談会（秩父）/ });
    fireEvent.change(site, { target: { value: option.getAttribute('value') } });
    await waitFor(() =>
      expect(screen.getByTestId('report-site').textContent).toContain('出張相談会（秩父）'),
    );
    await waitFor(() => expect(shownRows('t01-method').at(-1)).toEqual(['合計', '1', '1', '1', '0', '1']));
  });

  it('the help panel states the counting rules the tables use', async () => {
    await openYear2025();
    fireEvent.click(screen.getByRole('button', { name: '集計のきまり' }));
    const help = screen.getByRole('complementary', { name: '集計のきまり（数え方）' });
    for (const k of ['visits', 'persons', 'continuity', 'fiscalYear', 'timeZone'] as const)
      expect(help.textContent).toContain(ja.reports.help[k]);
    // every table's own note is in the help, next to its title
    const report = (await app.api('report.build', { fiscalYear: 2025 })) as ReportDto;
    for (const t of report.tables) {
      expect(help.textContent, t.id).toContain(t.note);
      expect(help.textContent, t.id).toContain(t.title);
    }
  });

  it('exports through the contract (logged) and hands the file to the browser', async () => {
    const before = (await app.api('audit.list', { action: 'report.export', limit: 1 })) as { total: number };
    const clicked: { download: string; href: string }[] = [];
    const origClick = HTMLAnchorElement.prototype.click;
    const origCreate = URL.createObjectURL;
    URL.createObjectURL = () => 'blob:test';
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    };
    try {
      await openYear2025();
      fireEvent.click(screen.getByRole('button', { name: 'CSV で保存' }));
      await waitFor(() =>
        expect(screen.getByTestId('report-status').textContent).toContain('yorisoi-stats-FY2025.csv'),
      );
      expect(clicked).toEqual([{ download: 'yorisoi-stats-FY2025.csv', href: 'blob:test' }]);
    } finally {
      HTMLAnchorElement.prototype.click = origClick;
      URL.createObjectURL = origCreate;
    }
    const after = (await app.api('audit.list', { action: 'report.export', limit: 1 })) as {
      total: number;
      rows: { detail: { format: string; fiscalYear: number } }[];
    };
    expect(after.total).toBe(before.total + 1);
    expect(after.rows[0]!.detail).toMatchObject({ format: 'csv', fiscalYear: 2025 });
  });
});
