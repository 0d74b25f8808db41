/**
 * Table 1-3: consultations by month and method (the monthly trend by method).
 * - 延件数 per month (received date's month, fiscal order April … March) and method: one per
 *   consultation, in its one method. Every method of the vocabulary has a column (zeros too, so
 *   the sheet keeps its shape); a method this version does not know gets its own column.
 * - 延件数（計） is the month's consultations; 実人数 counts the month's distinct persons (a person
 *   who phoned and visited in one month is one), as in table 1-2.
 */
import type { ReportTable } from '../../../shared/contract/reports';
import { CONSULTATION_METHODS } from '../../../shared/vocab/consultation-methods';
import type { ServiceContext } from '../context';
import { countAll, countBy, countByColumn, get } from './count-groups';
import { selectionOf } from './report-selection';
import type { ReportScope } from './report-scope';
import { fill, reportText } from './report-text';
import { columnsOf, item, labelOf, makeTable, orderedKeys, total } from './report-table';
import { monthLabel, monthsOf } from './t01-method';

export async function t01MonthMethod(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const sel = await selectionOf(ctx, s);
  const cells = countBy(sel, ['month', 'method'], (ym, m) =>
    ym === null || m === null ? null : `${ym}|${m}`,
  );
  const byMethod = countByColumn(sel, 'method');
  const byMonth = countByColumn(sel, 'month');
  const all = countAll(sel);
  const methods = orderedKeys(
    CONSULTATION_METHODS.map((m) => m.code),
    byMethod.keys(),
  );
  const line = (visits: (method: string) => number, sum: number, persons: number) => [
    ...methods.map(visits),
    sum,
    persons,
  ];
  return makeTable(
    't01-month-method',
    s,
    [
      col.text('month'),
      // the title says 延件数: the headers are the methods themselves (short, as on paper)
      ...methods.map((m) => col.numAs(`visits:${m}`, labelOf(CONSULTATION_METHODS, m, s))),
      col.numAs('visits:total', fill(t.columns.visitsOf, { x: t.columns.sexTotal })),
      col.num('persons'),
    ],
    [
      ...monthsOf(s).map((ym) =>
        item(ym, [
          monthLabel(ym, s),
          ...line((m) => get(cells, `${ym}|${m}`).visits, get(byMonth, ym).visits, get(byMonth, ym).persons),
        ]),
      ),
      total([t.rows.total, ...line((m) => get(byMethod, m).visits, all.visits, all.persons)]),
    ],
    't01',
  );
}
