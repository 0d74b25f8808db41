/**
 * Table 10: events — outreach and medical consultation days, exchange meetings, lectures,
 * trainings, peer-supporter trainings.
 * - 開催回数: events (not deleted) whose date is in the period and not after the as-of day (a
 *   planned event has not been held yet). The site narrows them: one
 *   event → that event; 'center' → none (events are not the center); 'all'/'outreach' → all.
 * - 参加者数: the sum of the recorded participant counts; an event without a count adds 0 and
 *   is counted in 参加者数未記入（回） so a missing count is visible.
 * - 相談件数 / 相談実人数: consultations of the report's selection (period and site) recorded
 *   with the event as their site (consultations.event_id), by the event's kind.
 * - The list table shows each event of the period with the same numbers.
 */
import { sql, type RawBuilder } from 'kysely';
import { EVENT_KINDS } from '../../../shared/contract/events';
import type { ReportTable } from '../../../shared/contract/reports';
import type { ServiceContext } from '../context';
import { countBy, get } from './count-groups';
import { selectionOf } from './report-selection';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { columnsOf, item, labelOf, makeTable, orderedKeys, TOTAL, total } from './report-table';

/**
 * Events of the period at the scope's site, held by the as-of day (an event dated later is a
 * plan, not held yet), as a condition on the alias `e`.
 */
function eventsInScope(s: ReportScope): RawBuilder<boolean> {
  const site =
    s.site.kind === 'event'
      ? sql`AND e.id = ${s.site.eventId}`
      : s.site.kind === 'center'
        ? sql`AND 0`
        : sql``;
  const until = s.asOf < s.to ? s.asOf : s.to;
  return sql<boolean>`e.deleted_at IS NULL AND e.date BETWEEN ${s.from} AND ${until} ${site}`;
}

/**
 * The kind of the (not deleted) event each consultation was recorded at; a consultation at no
 * event or at a deleted one is left out (undefined).
 */
async function eventKinds(ctx: ServiceContext): Promise<Map<string, string>> {
  const { rows } = await sql<{ id: string; kind: string }>`
    SELECT e.id, e.kind FROM events e WHERE e.deleted_at IS NULL`.execute(ctx.db);
  return new Map(rows.map((r) => [r.id, r.kind]));
}

interface Held {
  held: number;
  participants: number;
  missing: number;
}

export async function t10Events(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const { rows } = await sql<{ kind: string } & Held>`
    SELECT e.kind AS kind, count(*) AS held, coalesce(sum(e.participants), 0) AS participants,
           sum(e.participants IS NULL) AS missing
    FROM events e WHERE ${eventsInScope(s)} GROUP BY e.kind`.execute(ctx.db);
  const held = new Map(rows.map((r) => [r.kind, r]));
  const sel = await selectionOf(ctx, s);
  const kinds = await eventKinds(ctx);
  const consults = countBy(sel, ['eventId'], (id) => (id === null ? undefined : kinds.get(id)));
  const consultsAll = get(
    countBy(sel, ['eventId'], (id) => (id !== null && kinds.has(id) ? TOTAL : undefined)),
    TOTAL,
  );
  const keys = orderedKeys(
    EVENT_KINDS.map((k) => k.code),
    [...held.keys(), ...consults.keys()],
  );
  const line = (k: string) => {
    const h = held.get(k);
    const c = get(consults, k);
    return [Number(h?.held ?? 0), Number(h?.participants ?? 0), Number(h?.missing ?? 0), c.visits, c.persons];
  };
  const sums = rows.reduce(
    (a, r) => [a[0]! + Number(r.held), a[1]! + Number(r.participants), a[2]! + Number(r.missing)],
    [0, 0, 0],
  );
  return makeTable(
    't10-events',
    s,
    [
      col.text('eventKind'),
      col.num('held'),
      col.num('participants'),
      col.num('participantsMissing'),
      col.num('consultations'),
      col.num('consultationPersons'),
    ],
    [
      ...keys.map((k) => item(k, [labelOf(EVENT_KINDS, k, s), ...line(k)])),
      total([t.rows.total, ...sums, consultsAll.visits, consultsAll.persons]),
    ],
    't10',
  );
}

export async function t10EventList(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const { rows: events } = await sql<{
    id: string;
    kind: string;
    title: string;
    date: string;
    place: string | null;
    organisers: string;
    participants: number | null;
  }>`SELECT e.id, e.kind, e.title, e.date, e.place, e.organisers, e.participants
     FROM events e WHERE ${eventsInScope(s)} ORDER BY e.date, e.title, e.id`.execute(ctx.db);
  const sel = await selectionOf(ctx, s);
  const kinds = await eventKinds(ctx);
  const consults = countBy(sel, ['eventId'], (id) => (id !== null && kinds.has(id) ? id : undefined));
  return makeTable(
    't10-event-list',
    s,
    [
      col.text('date'),
      col.text('eventKind'),
      col.text('eventTitle'),
      col.text('place'),
      col.text('organisers'),
      col.num('participants'),
      col.num('consultations'),
      col.num('consultationPersons'),
    ],
    events.map((e) =>
      item(e.id, [
        e.date,
        labelOf(EVENT_KINDS, e.kind, s),
        e.title,
        e.place ?? '',
        (JSON.parse(e.organisers) as { name: string }[]).map((o) => o.name).join('、'),
        e.participants,
        get(consults, e.id).visits,
        get(consults, e.id).persons,
      ]),
    ),
    't10',
  );
}
