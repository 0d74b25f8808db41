/**
 * Table 7: time spent (対応時間), by method and in total.
 * - Only consultations with a recorded duration count towards 合計・平均 and the over-30/60
 *   columns; those without are counted in 時間未記録.
 * - 30分超 means more than 30 minutes (31 or more) and includes those over 60; 60分超 means
 *   more than 60. The mean is total ÷ consultations with a time, to one decimal (blank when
 *   none has a time).
 */
import type { ReportTable } from '../../../shared/contract/reports';
import { CONSULTATION_METHODS } from '../../../shared/vocab/consultation-methods';
import type { ServiceContext } from '../context';
import { countAll, countByColumn, get, type Counts } from './count-groups';
import { selectionOf } from './report-selection';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { columnsOf, item, labelOf, makeTable, orderedKeys, total } from './report-table';

function cells(n: Counts) {
  const recorded = n.extra.recorded ?? 0;
  const minutes = n.extra.minutes ?? 0;
  const mean = recorded ? Math.round((minutes / recorded) * 10) / 10 : null;
  return [n.visits, recorded, minutes, mean, n.extra.over30 ?? 0, n.extra.over60 ?? 0, n.visits - recorded];
}

export async function t07Duration(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
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
    't07-duration',
    s,
    [
      col.text('method'),
      col.num('visits'),
      col.num('recorded'),
      col.num('totalMinutes'),
      col.num('meanMinutes'),
      col.num('over30'),
      col.num('over60'),
      col.num('notRecorded'),
    ],
    [
      ...keys.map((k) => item(k, [labelOf(CONSULTATION_METHODS, k, s), ...cells(get(by, k))])),
      total([t.rows.total, ...cells(all)]),
    ],
    't07',
  );
}
