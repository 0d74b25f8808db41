/**
 * Table 1: consultations by method, and by month.
 * - 延件数: one per consultation record (a consultation has exactly one method).
 * - 実人数: distinct persons among the row's consultations; a consultation without a person
 *   (anonymous) is one person of its own. The total row counts persons over the whole
 *   selection, so it can be less than the sum of the rows (phoned and visited: one person).
 * - 新規 / 継続 (件): from the person's history — the person's first consultation ever (any year,
 *   any site) is 新規, every later one 継続; a consultation without a person is 新規; a value set
 *   by hand with a reason counts instead (consultations/continuity.ts). The 転帰 never moves it.
 * - 新規実人数: persons with a 新規 consultation among the row's: persons first seen then.
 * - Monthly table: by the month of the received date (local date; 3/31 is the old year).
 */
import type { ReportTable } from '../../../shared/contract/reports';
import { CONSULTATION_METHODS } from '../../../shared/vocab/consultation-methods';
import type { ServiceContext } from '../context';
import { countAll, countByColumn, get, type Counts } from './count-groups';
import { selectionOf } from './report-selection';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { columnsOf, item, labelOf, makeTable, orderedKeys, total } from './report-table';

const cells = (n: Counts) => [n.visits, n.persons, n.extra.new, n.extra.continuing, n.extra.newPersons];

export async function t01Method(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const sel = await selectionOf(ctx, s);
  const by = countByColumn(sel, 'method');
  const all = countAll(sel);
  const keys = orderedKeys(
    CONSULTATION_METHODS.map((m) => m.code),
    by.keys(),
  );
  return makeTable(
    't01-method',
    s,
    [
      col.text('method'),
      col.num('visits'),
      col.num('persons'),
      col.num('newVisits'),
      col.num('continuingVisits'),
      col.num('newPersons'),
    ],
    [
      ...keys.map((k) => item(k, [labelOf(CONSULTATION_METHODS, k, s), ...cells(get(by, k))])),
      total([t.rows.total, ...cells(all)]),
    ],
    't01',
  );
}

/** The months of the scope, in fiscal order: 2025-04 … 2026-03. */
export function monthsOf(s: ReportScope): string[] {
  const out: string[] = [];
  let [y, m] = s.from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = s.to.slice(0, 7);
  for (;;) {
    const ym = `${y}-${String(m).padStart(2, '0')}`;
    out.push(ym);
    if (ym >= last) return out;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

export function monthLabel(ym: string, s: ReportScope): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return s.lang === 'ja' ? `${y}年${m}月` : ym;
}

export async function t01Month(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const sel = await selectionOf(ctx, s);
  const by = countByColumn(sel, 'month');
  const all = countAll(sel);
  return makeTable(
    't01-month',
    s,
    [
      col.text('month'),
      col.num('visits'),
      col.num('persons'),
      col.num('newVisits'),
      col.num('continuingVisits'),
      col.num('newPersons'),
    ],
    [
      ...monthsOf(s).map((ym) => item(ym, [monthLabel(ym, s), ...cells(get(by, ym))])),
      total([t.rows.total, ...cells(all)]),
    ],
    't01',
  );
}
