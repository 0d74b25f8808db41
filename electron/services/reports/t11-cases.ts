/**
 * Table 11: ongoing support — cases and follow-ups, measured at the END of the as-of day
 * (the period's last day, or today when that is earlier: the future is not known yet).
 * - Open cases: opened before the end of the as-of day and not closed by then.
 * - Opened / closed in the period: opened_at / closed_at within the period's days.
 * - Open follow-ups: created by then and not done or cancelled by then (done: completed_at;
 *   cancelled: updated_at, since a cancelled follow-up is never changed again).
 * - Overdue follow-ups: open ones whose due date is before the as-of day (as the daily view).
 * - 実人数: distinct persons; a case or follow-up without a person counts as one.
 * - Stored times are UTC; a day means the local calendar day (08:00 JST on 4/1 is 4/1).
 * - Cases and follow-ups have no site: the site filter does not apply.
 */
import { sql, type RawBuilder } from 'kysely';
import type { ReportTable } from '../../../shared/contract/reports';
import { requireIsoDate } from '../../../shared/dates/iso-date';
import type { ServiceContext } from '../context';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { columnsOf, item, makeTable } from './report-table';

/** Start of a local day as a stored (UTC ISO) timestamp; `after` 1 = the next day. */
function localDayStart(iso: string, after = 0): string {
  const d = requireIsoDate(iso);
  return new Date(d.year, d.month - 1, d.day + after).toISOString();
}

/** count and distinct persons of the rows matching `cond`, as two named columns (one scan for all). */
function pair(name: string, cond: RawBuilder<unknown>, person: RawBuilder<unknown>) {
  return sql`count(*) FILTER (WHERE ${cond}) AS ${sql.ref(`${name}_n`)},
    count(DISTINCT ${person}) FILTER (WHERE ${cond}) AS ${sql.ref(`${name}_p`)}`;
}

export async function t11Cases(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const end = localDayStart(s.asOf, 1);
  const [from, to] = [localDayStart(s.from), localDayStart(s.to, 1)];
  const casePerson = sql`coalesce(k.person_id, k.id)`;
  const cases = await sql<Record<string, number>>`SELECT
      ${pair('open', sql`k.opened_at < ${end} AND (k.closed_at IS NULL OR k.closed_at >= ${end})`, casePerson)},
      ${pair('opened', sql`k.opened_at >= ${from} AND k.opened_at < ${to}`, casePerson)},
      ${pair('closed', sql`k.closed_at >= ${from} AND k.closed_at < ${to}`, casePerson)}
    FROM cases k`.execute(ctx.db);
  const openAt = sql`f.created_at < ${end} AND (f.state = 'open'
    OR (f.state = 'done' AND f.completed_at >= ${end})
    OR (f.state = 'cancelled' AND f.updated_at >= ${end}))`;
  const fuPerson = sql`coalesce(f.person_id, f.id)`;
  const followUps = await sql<Record<string, number>>`SELECT
      ${pair('open', openAt, fuPerson)},
      ${pair('overdue', sql`${openAt} AND f.due_date < ${s.asOf}`, fuPerson)}
    FROM follow_ups f`.execute(ctx.db);
  const k = cases.rows[0] ?? {};
  const f = followUps.rows[0] ?? {};
  const lines: [string, string, unknown, unknown][] = [
    ['open_cases', t.rows.openCases, k.open_n, k.open_p],
    ['cases_opened', t.rows.casesOpened, k.opened_n, k.opened_p],
    ['cases_closed', t.rows.casesClosed, k.closed_n, k.closed_p],
    ['open_follow_ups', t.rows.openFollowUps, f.open_n, f.open_p],
    ['overdue_follow_ups', t.rows.overdueFollowUps, f.overdue_n, f.overdue_p],
  ];
  return makeTable(
    't11-cases',
    s,
    [col.text('item'), col.num('count'), col.num('persons')],
    lines.map(([key, label, n, p]) => item(key, [label, Number(n ?? 0), Number(p ?? 0)])),
    't11',
  );
}
