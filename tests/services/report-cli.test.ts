import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import type { ReportDto } from '../../shared/contract/reports';
import { REPORT_TABLE_IDS } from '../../shared/contract/reports';
import { ADMIN } from '../fixtures/temp-casefile';
import { reportFixture, type ReportFx } from '../fixtures/report-fixture';

let fx: ReportFx;
let casefile = '';
let service: ReportDto;

async function cli(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  await runCli(argv, (l) => lines.push(l));
  return lines;
}
const door = () => ['--casefile', casefile, '--login', 'admin'];

beforeAll(async () => {
  fx = await reportFixture();
  service = await fx.call('report.build', { fiscalYear: 2025 });
  casefile = join(fx.dir, 'case.yorisoi');
  await fx.runtime.lock(); // the CLI opens the file itself
  process.env.YORISOI_PASSPHRASE = ADMIN.passphrase;
}, 60_000);
afterAll(async () => {
  delete process.env.YORISOI_PASSPHRASE;
  await fx.close();
});

/** The numbers of a report, without the parts that depend on the day it was made. */
const numbers = (r: ReportDto) => r.tables.map((t) => [t.id, t.rows.map((x) => x.cells)]);

describe('yorisoi report', () => {
  it('--format json writes the same tables as the service', async () => {
    const out = join(fx.dir, 'r.json');
    const printed = await cli('report', ...door(), '--fiscal-year', '2025', '--format', 'json', '--out', out);
    expect(printed[0]).toMatch(/r\.json\t\d+ bytes\t\(yorisoi-stats-FY2025\.json\)$/);
    const r = JSON.parse(readFileSync(out, 'utf8')) as ReportDto;
    expect(r.tables.map((t) => t.id)).toEqual([...REPORT_TABLE_IDS]);
    // the case file's "today" differs from the fixture's pinned clock only in madeOn and asOf
    const t01 = r.tables.find((t) => t.id === 't01-method')!;
    expect(t01.rows.at(-1)!.cells).toEqual(['合計', 11, 7, 6, 5, 6]);
    // tables measured at the as-of day (10 and 14: held by then; 11, 12) depend on the case file's today
    const asOfFree = ([id]: unknown[]) =>
      ![
        't10-events',
        't10-event-list',
        't11-cases',
        't12-coordination',
        't12-refusal',
        't14-activities',
        't14-activity-list',
      ].includes(id as string);
    expect(numbers(r).filter(asOfFree)).toEqual(numbers(service).filter(asOfFree));
  });

  it('--format csv writes one UTF-8 file with a BOM; --from/--to narrow the months', async () => {
    const out = join(fx.dir, 'r.csv');
    await cli(
      'report',
      ...door(),
      '--fiscal-year',
      '2025',
      '--from',
      '2025-04',
      '--to',
      '2025-06',
      '--format',
      'csv',
      '--out',
      out,
    );
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(
      '集計期間,令和7年度 令和7年4月1日（2025年4月1日）〜令和7年6月30日（2025年6月30日）\r\n',
    );
    expect(text).toContain('\r\n合計,4,3,2,2,2\r\n'); // table 1 total for April–June
  });

  it('--format xlsx writes a workbook with a sheet per table; --site and --event narrow the site', async () => {
    const out = join(fx.dir, 'r.xlsx');
    await cli(
      'report',
      ...door(),
      '--fiscal-year',
      '2025',
      '--event',
      fx.ids.e1.id,
      '--format',
      'xlsx',
      '--out',
      out,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(REPORT_TABLE_IDS.length + 1);
    const method = wb.getWorksheet('1 相談方法別')!;
    expect(method.getCell('B4').value).toBe(
      'イベント：出張相談会（熊谷）（令和7年6月10日（2025年6月10日））',
    );
    expect(method.getRow(19).getCell(2).value).toBe(1); // only C2 was at E1
    const center = join(fx.dir, 'c.json');
    await cli(
      'report',
      ...door(),
      '--fiscal-year',
      '2025',
      '--site',
      'center',
      '--format',
      'json',
      '--out',
      center,
    );
    const r = JSON.parse(readFileSync(center, 'utf8')) as ReportDto;
    expect(r.tables[0]!.rows.at(-1)!.cells).toEqual(['合計', 9, 6, 5, 4, 5]);
  });

  it('each file written is in the export log', async () => {
    await fx.runtime.login('admin', ADMIN.passphrase);
    const log = await fx.call('audit.list', { action: 'report.export', limit: 10 });
    await fx.runtime.lock();
    expect(log.rows.map((r) => (r.detail as { format: string }).format)).toEqual([
      'json',
      'xlsx',
      'csv',
      'json',
    ]);
  });

  it('refuses missing or bad flags with INVALID_INPUT', async () => {
    const code = (p: Promise<unknown>) => p.then(() => 'ok').catch((e: { code?: string }) => e.code);
    expect(await code(cli('report', ...door(), '--fiscal-year', '2025', '--format', 'json'))).toBe(
      'INVALID_INPUT',
    );
    expect(
      await code(cli('report', ...door(), '--fiscal-year', '2025', '--format', 'pdf', '--out', 'x')),
    ).toBe('INVALID_INPUT');
    expect(await code(cli('report', ...door(), '--fiscal-year', 'R7', '--format', 'csv', '--out', 'x'))).toBe(
      'INVALID_INPUT',
    );
    expect(
      await code(
        cli(
          'report',
          ...door(),
          '--fiscal-year',
          '2025',
          '--from',
          '2026-04',
          '--format',
          'csv',
          '--out',
          'x',
        ),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await code(
        cli('report', ...door(), '--fiscal-year', '2025', '--site', 'moon', '--format', 'csv', '--out', 'x'),
      ),
    ).toBe('INVALID_INPUT');
  });

  it('is listed in the usage', async () => {
    expect((await cli('help')).join('\n')).toContain('report      --casefile F --login L --fiscal-year YYYY');
  });
});
