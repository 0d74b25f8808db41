/**
 * Table 5: responses by type, and referral destinations by type.
 * - Responses: once per response type recorded with a consultation (several may apply). The
 *   total 延件数 is the sum of the rows; 実人数 counts persons with any response once.
 * - Referral destination types: the app has no referral records yet (they arrive with the
 *   referrals work: letters T1–T5 and their destinations). Until then this table shows one row,
 *   the consultations with the response 'referral', and no type breakdown: nothing is guessed.
 */
import { sql } from 'kysely';
import type { ReportTable } from '../../../shared/contract/reports';
import { RESPONSE_TYPES } from '../../../shared/vocab/response-types';
import type { ServiceContext } from '../context';
import { countAll, countBy, get, sumVisits } from './count-groups';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { columnsOf, item, labelOf, makeTable, orderedKeys, total } from './report-table';

/** counts rows of the responses themselves (alias c: n, pid, code) */
const RESPONSES = { source: sql`temp.report_responses c`, notNull: true };

export async function t05Response(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const by = await countBy(ctx, sql`c.code`, RESPONSES);
  const all = await countAll(ctx, RESPONSES);
  const keys = orderedKeys(
    RESPONSE_TYPES.map((r) => r.code),
    by.keys(),
  );
  return makeTable(
    't05-response',
    s,
    [col.text('response'), col.num('visits'), col.num('persons')],
    [
      ...keys.map((k) => item(k, [labelOf(RESPONSE_TYPES, k, s), get(by, k).visits, get(by, k).persons])),
      total([t.rows.total, sumVisits(by), all.persons]),
    ],
    't05',
  );
}

export async function t05Referral(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const n = await countAll(ctx, { ...RESPONSES, where: sql<boolean>`c.code = 'referral'` });
  return makeTable(
    't05-referral',
    s,
    [col.text('referralType'), col.num('visits'), col.num('persons')],
    [
      item('unclassified', [t.rows.referralUnclassified, n.visits, n.persons]),
      total([t.rows.total, n.visits, n.persons]),
    ],
    't05-referral',
  );
}
