/**
 * Table 14: 地域支援対策事業 (Ⅴ), 協議会, 支援者会議 and 日常生活用具の展示 (activities).
 * - 実施回数: activities (not deleted) dated in the period and not after the as-of day (a planned
 *   meeting has not been held). They are the center's work, not an outreach site's: with the
 *   site narrowed to outreach or one event, none count.
 * - 参加者数: the sum of the recorded counts (visitors, for a display); an activity without a
 *   count adds 0 and is counted in 参加者数未記入（回）.
 * - 参加機関（延べ）: the attending institutions of every activity added up; （実数）: distinct ones,
 *   a directory institution once by its id, another once by its name.
 */
import { sql, type RawBuilder } from 'kysely';
import type { ReportTable } from '../../../shared/contract/reports';
import { ACTIVITY_KINDS } from '../../../shared/vocab/activity-kinds';
import type { ServiceContext } from '../context';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { columnsOf, item, labelOf, makeTable, orderedKeys, total } from './report-table';

interface Row {
  id: string;
  kind: string;
  title: string;
  date: string;
  attendees: string;
  participants: number | null;
}

/** Activities held in the period by the as-of day; they have no site, so only 'all' and 'center' see them. */
function activitiesInScope(s: ReportScope): RawBuilder<boolean> {
  const none = s.site.kind === 'event' || s.site.kind === 'outreach' ? sql`AND 0` : sql``;
  const until = s.asOf < s.to ? s.asOf : s.to;
  return sql<boolean>`a.deleted_at IS NULL AND a.date BETWEEN ${s.from} AND ${until} ${none}`;
}

async function held(ctx: ServiceContext, s: ReportScope): Promise<Row[]> {
  const { rows } = await sql<Row>`
    SELECT a.id, a.kind, a.title, a.date, a.attendees, a.participants FROM activities a
    WHERE ${activitiesInScope(s)} ORDER BY a.date, a.title, a.id`.execute(ctx.db);
  return rows;
}

const attendeesOf = (r: Row) => JSON.parse(r.attendees) as { name: string; institutionId: string | null }[];
const attendeeKey = (a: { name: string; institutionId: string | null }) =>
  a.institutionId ? `id:${a.institutionId}` : `name:${a.name}`;

export async function t14Activities(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const rows = await held(ctx, s);
  const tally = (list: Row[]) => {
    const distinct = new Set<string>();
    let entries = 0;
    for (const r of list)
      for (const a of attendeesOf(r)) {
        entries++;
        distinct.add(attendeeKey(a));
      }
    return [
      list.length,
      list.reduce((n, r) => n + (r.participants ?? 0), 0),
      list.filter((r) => r.participants === null).length,
      entries,
      distinct.size,
    ];
  };
  const keys = orderedKeys(
    ACTIVITY_KINDS.map((k) => k.code),
    rows.map((r) => r.kind),
  );
  return makeTable(
    't14-activities',
    s,
    [
      col.text('activityKind'),
      col.num('activitiesHeld'),
      col.num('participants'),
      col.num('participantsMissing'),
      col.num('attendeeEntries'),
      col.num('attendeeInstitutions'),
    ],
    [
      ...keys.map((k) =>
        item(k, [labelOf(ACTIVITY_KINDS, k, s), ...tally(rows.filter((r) => r.kind === k))]),
      ),
      total([t.rows.total, ...tally(rows)]),
    ],
    't14',
  );
}

export async function t14ActivityList(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const rows = await held(ctx, s);
  return makeTable(
    't14-activity-list',
    s,
    [
      col.text('date'),
      col.text('activityKind'),
      col.text('activityTitle'),
      col.text('attendees'),
      col.num('participants'),
    ],
    rows.map((r) =>
      item(r.id, [
        r.date,
        labelOf(ACTIVITY_KINDS, r.kind, s),
        r.title,
        attendeesOf(r)
          .map((a) => a.name)
          .join('、'),
        r.participants,
      ]),
    ),
    't14',
  );
}
