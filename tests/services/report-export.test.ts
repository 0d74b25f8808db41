import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportCell, ReportDto, ReportFile } from '../../shared/contract/reports';
import { REPORT_TABLE_IDS } from '../../shared/contract/reports';
import { ja } from '../../shared/i18n/ja/reports';
import { reportFixture, type ReportFx } from '../fixtures/report-fixture';

let fx: ReportFx;
let json: ReportDto;
beforeAll(async () => {
  fx = await reportFixture();
  // a title that needs CSV quoting, and one Excel would take for a formula
  await fx.call('event.create', {
    kind: 'lecture',
    title: '講演会「就労, 両立」"特別編"',
    date: '2025-12-01',
    participants: 40,
  });
  await fx.call('event.create', { kind: 'training', title: '=HYPERLINK("x")', date: '2025-12-02' });
  json = await fx.call('report.build', { fiscalYear: 2025 });
}, 60_000);
afterAll(() => fx.close());

const bytesOf = (f: ReportFile) => Buffer.from(f.base64, 'base64');

/** RFC 4180 parser (quotes, doubled quotes, CRLF), for reading the export back. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') [field, i] = [field + '"', i + 1];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') [row, field] = [[...row, field], ''];
    else if (ch === '\r' && text[i + 1] === '\n') {
      out.push([...row, field]);
      [row, field, i] = [[], '', i + 1];
    } else field += ch;
  }
  if (field || row.length) out.push([...row, field]);
  return out;
}

const asCsv = (c: ReportCell) => (c === null ? '' : String(c));

describe('report export', () => {
  it('.xlsx: one sheet per table with Japanese names, the header block, headers and every value', async () => {
    const file = await fx.call('report.export', { fiscalYear: 2025, format: 'xlsx' });
    expect(file.filename).toBe('yorisoi-stats-FY2025.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = bytesOf(file);
    expect(bytes.length).toBe(file.bytes);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip, as .xlsx is
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([...REPORT_TABLE_IDS.map((id) => ja.reports.sheets[id]), '集計方法']);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    for (const t of json.tables) {
      const ws = wb.getWorksheet(ja.reports.sheets[t.id])!;
      expect(ws.getCell('A1').value, t.id).toBe(t.title);
      expect([ws.getCell('A2').value, ws.getCell('B2').value]).toEqual([
        'センター名',
        'テスト難病相談支援センター',
      ]);
      expect([ws.getCell('A3').value, ws.getCell('B3').value]).toEqual([
        '集計期間',
        '令和7年度 令和7年4月1日（2025年4月1日）〜令和8年3月31日（2026年3月31日）',
      ]);
      expect([ws.getCell('A4').value, ws.getCell('B4').value]).toEqual(['対象', ja.reports.sites.all]);
      // the as-of day: "open at the end" and "held" are measured on it
      expect([ws.getCell('A5').value, ws.getCell('B5').value]).toEqual([
        '基準日',
        '令和8年3月31日（2026年3月31日）',
      ]);
      expect([ws.getCell('A6').value, ws.getCell('B6').value]).toEqual([
        '作成日',
        '令和8年4月10日（2026年4月10日）',
      ]);
      const header = t.columns.map((_, i) => ws.getRow(8).getCell(i + 1).value);
      expect(header).toEqual(t.columns.map((c) => c.label));
      t.rows.forEach((r, k) => {
        const cells = r.cells.map((_, i) => ws.getRow(9 + k).getCell(i + 1).value);
        expect(cells, `${t.id} ${r.key}`).toEqual(r.cells);
      });
      expect(ws.getRow(9 + t.rows.length + 1).getCell(1).value).toBe(`※ ${t.note}`);
    }
    const method = wb.getWorksheet('1 相談方法別')!;
    expect([1, 2, 3, 4, 5, 6].map((c) => method.getRow(9).getCell(c).value)).toEqual(['電話', 5, 4, 3, 2, 3]);
    expect(typeof method.getRow(9).getCell(2).value).toBe('number'); // numbers, not text
    expect(method.getRow(19).getCell(1).value).toBe('合計');
    expect(method.getRow(19).font?.bold).toBe(true);
    // table 5-2: referral types by sector, the employment subtotal in bold like every subtotal
    const referral = wb.getWorksheet('5-2 紹介先種別')!;
    expect([1, 2, 3, 4].map((c) => referral.getRow(8).getCell(c).value)).toEqual([
      '区分',
      '紹介先の種別',
      '延件数（紹介）',
      '実人数',
    ]);
    const refRow = (label: string) => referral.getRows(9, 40)!.find((r) => r.getCell(2).value === label)!;
    expect([3, 4].map((c) => refRow('ハローワーク').getCell(c).value)).toEqual([2, 1]);
    expect([3, 4].map((c) => refRow('就労支援機関 小計').getCell(c).value)).toEqual([4, 2]);
    expect(refRow('就労支援機関 小計').font?.bold).toBe(true);
    expect([3, 4].map((c) => refRow('（参考）対応内容「関係機関紹介」の相談').getCell(c).value)).toEqual([
      2, 2,
    ]);
    const rules = wb.getWorksheet('集計方法')!;
    expect(rules.getCell('A1').value).toBe('集計のきまり');
    const ruleText = rules.getColumn(1).values.join('\n');
    expect(ruleText).toContain(ja.reports.help.persons);
    expect(ruleText).toContain(ja.reports.help.t09);
    expect(ruleText).toContain(ja.reports.help['t05-referral']);
    // the formula-looking title is text in a cell, never a formula
    const list = wb.getWorksheet('10-2 開催一覧')!;
    const titles = list.getColumn(3).values;
    expect(titles).toContain('=HYPERLINK("x")');
  });

  it('CSV: UTF-8 with BOM, CRLF, every table with its title, headers, values and note; RFC 4180 quoting', async () => {
    const file = await fx.call('report.export', { fiscalYear: 2025, format: 'csv' });
    expect(file.filename).toBe('yorisoi-stats-FY2025.csv');
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
    const bytes = bytesOf(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // every line ends CRLF
    const lines = parseCsv(text);
    expect(lines.slice(0, 5)).toEqual([
      ['センター名', 'テスト難病相談支援センター'],
      ['集計期間', '令和7年度 令和7年4月1日（2025年4月1日）〜令和8年3月31日（2026年3月31日）'],
      ['対象', ja.reports.sites.all],
      ['基準日', '令和8年3月31日（2026年3月31日）'],
      ['作成日', '令和8年4月10日（2026年4月10日）'],
    ]);
    for (const t of json.tables) {
      const at = lines.findIndex((l) => l.length === 1 && l[0] === t.title);
      expect(at, t.id).toBeGreaterThan(0);
      expect(lines[at - 1], t.id).toEqual(['']); // a blank line before each table
      expect(lines[at + 1]).toEqual(t.columns.map((c) => c.label));
      t.rows.forEach((r, k) => {
        const expected = r.cells.map(asCsv).map((v) => (v.startsWith('=') ? `'${v}` : v));
        expect(lines[at + 2 + k], `${t.id} ${r.key}`).toEqual(expected);
      });
      expect(lines[at + 2 + t.rows.length]).toEqual([`※ ${t.note}`]);
    }
    const referral = lines.findIndex((l) => l[0] === '5-2 紹介先の種別');
    expect(lines.slice(referral + 1).find((l) => l[1] === 'ハローワーク')).toEqual([
      '就労支援機関',
      'ハローワーク',
      '2',
      '1',
    ]);
    expect(lines.slice(referral + 1).find((l) => l[1] === '就労支援機関 小計')).toEqual([
      '就労支援機関',
      '就労支援機関 小計',
      '4',
      '2',
    ]);
    const method = lines.findIndex((l) => l[0] === '1 相談方法別 相談件数');
    expect(lines[method + 2]).toEqual(['電話', '5', '4', '3', '2', '3']);
    // quoting: the raw text has the doubled quotes and the comma inside quotes
    expect(text).toContain('"講演会「就労, 両立」""特別編"""');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines.some((l) => l[2] === '講演会「就労, 両立」"特別編"')).toBe(true);
    expect(lines.at(-1)?.[0]).toBe(ja.reports.help.t14); // the last table's rule
  });

  it('every export is logged: who, format, file name, size and hash, period, site, tables', async () => {
    const before = await fx.call('audit.list', { action: 'report.export', limit: 500 });
    const file = await fx.call('report.export', {
      fiscalYear: 2025,
      fromMonth: '2025-04',
      toMonth: '2025-09',
      site: { kind: 'center' },
      format: 'json',
    });
    expect(file.filename).toBe('yorisoi-stats-FY2025-2025-04_2025-09-center.json');
    const data = JSON.parse(bytesOf(file).toString('utf8')) as ReportDto;
    expect(data.to).toBe('2025-09-30');
    expect(data.tables).toHaveLength(REPORT_TABLE_IDS.length);
    const after = await fx.call('audit.list', { action: 'report.export', limit: 500 });
    expect(after.total).toBe(before.total + 1);
    const entry = after.rows[0]!;
    expect(entry.login).toBe('admin');
    expect(entry.entity).toBe('report');
    expect(entry.detail).toEqual({
      format: 'json',
      filename: 'yorisoi-stats-FY2025-2025-04_2025-09-center.json',
      bytes: file.bytes,
      sha256: createHash('sha256').update(bytesOf(file)).digest('hex'),
      fiscalYear: 2025,
      from: '2025-04-01',
      to: '2025-09-30',
      site: { kind: 'center' },
      tables: [...REPORT_TABLE_IDS],
      lang: 'ja',
    });
  });

  it('a refused export returns nothing and logs nothing', async () => {
    const before = await fx.call('audit.list', { action: 'report.export', limit: 1 });
    await fx.as('peer1');
    const r = await fx.dispatcher.dispatch('report.export', { fiscalYear: 2025, format: 'csv' });
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    await fx.as('admin');
    expect((await fx.call('audit.list', { action: 'report.export', limit: 1 })).total).toBe(before.total);
  });

  it('English export: English sheet names (≤ 31 characters) and headers', async () => {
    const file = await fx.call('report.export', { fiscalYear: 2025, format: 'xlsx', lang: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe('1 By method');
    for (const w of wb.worksheets) expect(w.name.length).toBeLessThanOrEqual(31);
    expect(wb.worksheets[0]!.getRow(8).getCell(2).value).toBe('Contacts');
    expect(wb.worksheets[0]!.getCell('A5').value).toBe('As of');
    expect(wb.worksheets[0]!.getCell('A2').value).toBe('Center');
  });
});
