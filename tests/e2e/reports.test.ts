import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/demo/seed-demo';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { ja } from '../../shared/i18n/ja/reports';
import { ADMIN } from '../fixtures/temp-casefile';
import { startApp } from './harness';

type App = Awaited<ReturnType<typeof startApp>>;

/** Every report table as the screen shows it: id → rows of cell texts. */
async function shownTables(page: Page): Promise<Record<string, string[][]>> {
  return page.evaluate(() => {
    const out: Record<string, string[][]> = {};
    for (const s of document.querySelectorAll<HTMLElement>('[data-table]')) {
      out[s.dataset.table!] = [...s.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? ''),
      );
    }
    return out;
  });
}
const asShown = (v: string | number | null) =>
  v === null ? '' : typeof v === 'number' ? v.toLocaleString('ja-JP', { maximumFractionDigits: 1 }) : v;

describe('statistics in Chromium: tables, charts, export (fictitious demo data, FY2025)', () => {
  let app: App;
  let call: <C extends ChannelName>(c: C, i: ChannelInput<C>) => Promise<ChannelOutput<C>>;
  beforeAll(async () => {
    app = await startApp();
    await app.runtime.create({
      centerName: 'さいたま難病相談支援センター',
      ...ADMIN,
      profession: 'nanbyo_counselor',
    });
    const dispatcher = createDispatcher(app.runtime, ALL_HANDLERS, { logInternal: () => {} });
    call = async (c, i) => {
      const r = await dispatcher.dispatch(c, i);
      if (!r.ok) throw new Error(`${c}: ${r.error.code} ${r.error.message}`);
      return r.data as never;
    };
    await seedDemo(app.runtime.context(), {
      seed: 11,
      consultations: 1500,
      from: '2025-04-01',
      to: '2026-03-31',
    });
    const outreach = await call('event.create', {
      kind: 'outreach_consultation',
      title: '出張相談会（秩父）',
      date: '2025-07-12',
      place: '秩父市歴史文化伝承館',
      participants: 14,
      organisers: [{ name: '秩父保健所' }, { name: '患者会' }],
    });
    await call('event.create', {
      kind: 'exchange_meeting',
      title: 'パーキンソン病交流会',
      date: '2025-10-04',
      participants: 22,
    });
    await call('event.create', { kind: 'lecture', title: '難病講演会', date: '2026-02-14' });
    for (const time of ['10:00', '10:40', '11:20'])
      await call('consultation.record', {
        receivedAt: `2025-07-12T${time}`,
        method: 'outreach',
        siteKind: 'outreach',
        eventId: outreach.id,
        consulter: 'self',
        categories: ['1.4'],
        durationMin: 30,
      });
    await app.runtime.lock();
  }, 600_000);
  afterAll(() => app.close());

  it('logs in and opens 令和7年度; every number on the screen is the service’s', async () => {
    const { page } = app;
    await page.goto(app.host.openUrl);
    await page.getByLabel('ログイン名').fill(ADMIN.login);
    await page.getByLabel('パスフレーズ').fill(ADMIN.passphrase);
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await page.getByRole('button', { name: '統計・報告' }).click();
    await page.getByLabel('年度').selectOption({ label: '令和7年度（2025年度）' });
    await expect
      .poll(() => page.getByTestId('report-period').textContent(), { timeout: 30_000 })
      .toBe('令和7年度 令和7年4月1日（2025年4月1日）〜令和8年3月31日（2026年3月31日）');
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('');
    const report = await call('report.build', { fiscalYear: 2025 });
    const shown = await shownTables(page);
    expect(Object.keys(shown)).toEqual(report.tables.map((t) => t.id));
    for (const t of report.tables) {
      const expected = t.rows.map((r) =>
        r.cells.map((v, i) =>
          t.columns[i]!.key === 'date' && typeof v === 'string'
            ? expect.stringContaining(`（${v.slice(0, 4)}年`)
            : asShown(v),
        ),
      );
      expect(shown[t.id], t.id).toEqual(expected);
    }
    const total = report.tables[0]!.rows.at(-1)!.cells;
    expect(total[1]).toBe(1503); // 1,500 demo consultations and three at the outreach day
    expect(shown['t01-method']!.at(-1)!.slice(0, 2)).toEqual(['合計', '1,503']);
    await app.shot('40-reports-year');
    for (const id of [
      't01-method',
      't01-month-method',
      't02-consulter',
      't04-category',
      't05-referral',
      't06-age-sex',
      't10-events',
    ])
      await page
        .locator(`[data-table="${id}"]`)
        .screenshot({ path: `${process.cwd()}/test-artifacts/screenshots/40-table-${id}.png` });
  });

  it('draws the four charts as SVG with Japanese labels', async () => {
    const { page } = app;
    const charts = page.locator('figure[data-chart]');
    await expect.poll(() => charts.count()).toBe(4);
    for (const id of ['month-method', 'category', 'disease', 'age-sex']) {
      const fig = page.locator(`figure[data-chart="${id}"]`);
      await expect
        .poll(() => fig.locator('svg.recharts-surface').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      // real bars: rectangles with a height and width
      const bars = await fig.locator('.recharts-bar-rectangle path').evaluateAll(
        (ps) =>
          ps.filter((p) => {
            const b = (p as SVGGraphicsElement).getBBox();
            return b.width > 0 && b.height > 0;
          }).length,
      );
      expect(bars, id).toBeGreaterThan(3);
    }
    // the axis ticks are SVG <text>: their words, joined
    const text = (id: string) =>
      page
        .locator(`figure[data-chart="${id}"] .recharts-cartesian-axis-tick-value`)
        .evaluateAll((ts) => ts.map((t) => t.textContent).join(' '));
    expect(await text('month-method')).toContain('4月');
    expect(await text('month-method')).toContain('3月');
    expect(
      await page.locator('figure[data-chart="month-method"] .recharts-legend-wrapper').textContent(),
    ).toContain('電話');
    expect(await text('category')).toContain('病気・医療');
    expect(await text('disease')).toContain('神経・筋疾患');
    expect(await text('age-sex')).toContain('90歳以上');
    expect(
      await page.locator('figure[data-chart="age-sex"] .recharts-legend-wrapper').textContent(),
    ).toContain('女');
    await page
      .locator('#report-charts')
      .screenshot({ path: `${process.cwd()}/test-artifacts/screenshots/41-reports-charts.png` });
  });

  it('narrows to one event: its table 10 row and its consultations', async () => {
    const { page } = app;
    await page
      .getByLabel('対象')
      .selectOption({ label: '令和7年7月12日（2025年7月12日） 出張相談会（秩父）' });
    await expect.poll(() => page.getByTestId('report-site').textContent()).toContain('出張相談会（秩父）');
    await expect
      .poll(async () => (await shownTables(page))['t01-method']?.at(-1)?.slice(0, 3))
      .toEqual(['合計', '3', '3']);
    expect((await shownTables(page))['t10-events']!.find((r) => r[0] === '出張相談会')).toEqual([
      '出張相談会',
      '1',
      '14',
      '0',
      '3',
      '3',
    ]);
    await app.shot('42-reports-one-event');
    await page.getByLabel('対象').selectOption({ label: 'すべて（センター・出張相談等）' });
    await expect.poll(async () => (await shownTables(page))['t01-method']?.at(-1)?.[1]).toBe('1,503');
  });

  it('saves .xlsx and CSV as downloads; both are logged and read back', async () => {
    const { page } = app;
    const before = (await call('audit.list', { action: 'report.export', limit: 1 })).total;
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Excel（.xlsx）で保存' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('yorisoi-stats-FY2025.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('1-3 月別・方法別');
    const method = wb.getWorksheet(ja.reports.sheets['t01-method'])!;
    expect(method.getCell('B2').value).toBe('さいたま難病相談支援センター');
    expect(method.getCell('A5').value).toBe('基準日'); // the as-of day is printed (point 6)
    expect(method.getRow(8).getCell(2).value).toBe('延件数');
    expect(method.getRow(19).getCell(1).value).toBe('合計');
    expect(method.getRow(19).getCell(2).value).toBe(1503);
    await expect
      .poll(() => page.getByTestId('report-status').textContent())
      .toContain('yorisoi-stats-FY2025.xlsx を保存しました');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV で保存' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('yorisoi-stats-FY2025.csv');
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain(
      '1 相談方法別 相談件数\r\n相談方法,延件数,実人数,新規（件）,継続（件）,新規実人数\r\n',
    );
    expect(text).toContain('基準日,令和8年3月31日（2026年3月31日）\r\n');
    expect(text).toContain('\r\n合計,1503,');
    const after = await call('audit.list', { action: 'report.export', limit: 2 });
    expect(after.total).toBe(before + 2);
    expect(after.rows.map((r) => (r.detail as { format: string }).format)).toEqual(['csv', 'xlsx']);
  });

  it('the help panel states the counting rules', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '集計のきまり' }).click();
    const help = page.getByRole('complementary', { name: '集計のきまり（数え方）' });
    await expect.poll(() => help.textContent()).toContain(ja.reports.help.persons);
    expect(await help.textContent()).toContain(ja.reports.help.continuity);
    expect(await help.textContent()).toContain(ja.reports.help.timeZone);
    await page.locator('.content').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: `${process.cwd()}/test-artifacts/screenshots/43-reports-help.png` });
  });

  it('the events screen lists the year’s events with their consultations', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'イベント', exact: true }).click();
    await page.getByLabel('年度').selectOption({ label: '令和7年度（2025年度）' });
    await page.getByRole('button', { name: '出張相談会（秩父）' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'このイベントで受け付けた相談' })
          .getByTestId('result-count')
          .textContent(),
      )
      .toBe('3 件');
    expect(await page.locator('[data-event="出張相談会（秩父）"]').textContent()).toContain('14 人');
    await app.shot('44-events');
  });

  it('intake records a consultation at the event; the event’s report counts it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '相談受付' }).click();
    await page.getByRole('form', { name: '相談受付' }).waitFor();
    await page.getByLabel('受付日時').fill('2025-07-12T13:30');
    await page.getByRole('radio', { name: '出張・イベント' }).click();
    const select = page.getByLabel('イベント', { exact: true });
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    // the events of the consultation's day come first
    expect(await select.locator('option').nth(1).textContent()).toContain('出張相談会（秩父）');
    await select.selectOption({ index: 1 });
    await page.getByLabel('相談者の続柄・立場').selectOption('parent');
    await page
      .locator('fieldset')
      .first()
      .screenshot({ path: `${process.cwd()}/test-artifacts/screenshots/45-intake-site.png` });
    await page.getByRole('button', { name: /^保存/ }).click();
    await page.getByTestId('saved').waitFor();
    const events = await call('event.list', { kind: 'outreach_consultation' });
    const chichibu = events.find((e) => e.title === '出張相談会（秩父）')!; // the demo has its own too
    const r = await call('report.build', {
      fiscalYear: 2025,
      site: { kind: 'event', eventId: chichibu.id },
    });
    expect(r.tables[0]!.rows.at(-1)!.cells.slice(0, 3)).toEqual(['合計', 4, 4]);
  });
});
