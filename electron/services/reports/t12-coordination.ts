/**
 * Table 12: admission and respite coordination (入院・レスパイト調整).
 * - A request counts when its 依頼日 (requested_on) is in the period. Requests have no site:
 *   the site filter does not apply (as table 11).
 * - Outcome at the END of the as-of day (the period's last day, or today when earlier):
 *   受入決定 / 取下げ / 不成立 when the request ended by then, else 調整中 (a request that ended
 *   after the as-of day is still 調整中 here).
 * - 実人数: distinct persons (a request always names one); the total row counts again.
 * - 問い合わせた医療機関（延べ）: per request, the distinct hospitals asked by the as-of day (a
 *   hospital called twice for one request counts once; one asked for two requests, twice),
 *   summed. 1件あたり = that sum ÷ the requests of the row, one decimal.
 * - 受入決定までの日数: for requests accepted by the as-of day, the calendar days from 依頼日 to
 *   the day of the decision (the same day is 0). Median (the middle value; the mean of the two
 *   middle values when even) and mean, one decimal; blank when none was accepted.
 * Table 12-2, reasons for refusal:
 * - Every 受入不可 answer, made by the as-of day, to a request of table 12, by its reason code;
 *   件数 counts answers (one hospital refusing twice counts twice), 依頼件数 the distinct
 *   requests and 医療機関数 the distinct hospitals with such an answer. An answer without a code
 *   (from another device) counts as 未記入. The total row counts distinct requests and hospitals
 *   again.
 */
import { sql } from 'kysely';
import type { ReportTable } from '../../../shared/contract/reports';
import { requireIsoDate } from '../../../shared/dates/iso-date';
import { COORDINATION_KINDS } from '../../../shared/vocab/coordination-kinds';
import { REFUSAL_REASONS } from '../../../shared/vocab/contact-answers';
import type { ServiceContext } from '../context';
import type { ReportScope } from './report-scope';
import { reportText } from './report-text';
import { columnsOf, item, labelOf, makeTable, NOT_RECORDED, orderedKeys, total } from './report-table';

interface RequestFact {
  id: string;
  kind: string;
  person_id: string;
  state: string;
  requested_on: string;
  ended_on: string | null;
  asked: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Calendar days from a to b (ISO dates), without time zones. */
function daysBetween(a: string, b: string): number {
  const utc = (iso: string) => {
    const d = requireIsoDate(iso);
    return Date.UTC(d.year, d.month - 1, d.day);
  };
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((x, y) => x - y);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** Requests of the period with their outcome at the as-of day and the hospitals asked by then. */
async function requestFacts(ctx: ServiceContext, s: ReportScope): Promise<RequestFact[]> {
  const { rows } = await sql<RequestFact>`
    SELECT r.id, r.kind, r.person_id, r.requested_on,
      CASE WHEN r.state <> 'open' AND r.ended_on <= ${s.asOf} THEN r.state ELSE 'open' END AS state,
      CASE WHEN r.state <> 'open' AND r.ended_on <= ${s.asOf} THEN r.ended_on END AS ended_on,
      (SELECT count(DISTINCT k.institution_id) FROM coordination_contacts k
        WHERE k.request_id = r.id AND substr(k.contacted_at, 1, 10) <= ${s.asOf}) AS asked
    FROM coordination_requests r
    WHERE r.requested_on BETWEEN ${s.from} AND ${s.to}`.execute(ctx.db);
  return rows;
}

function cells(facts: RequestFact[]) {
  const n = facts.length;
  const count = (state: string) => facts.filter((f) => f.state === state).length;
  const asked = facts.reduce((a, f) => a + Number(f.asked), 0);
  const days = facts
    .filter((f) => f.state === 'accepted')
    .map((f) => daysBetween(f.requested_on, f.ended_on!));
  const med = median(days);
  return [
    n,
    new Set(facts.map((f) => f.person_id)).size,
    count('accepted'),
    count('withdrawn'),
    count('failed'),
    count('open'),
    asked,
    n ? round1(asked / n) : null,
    med === null ? null : round1(med),
    days.length ? round1(days.reduce((a, d) => a + d, 0) / days.length) : null,
  ];
}

export async function t12Coordination(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const facts = await requestFacts(ctx, s);
  const keys = orderedKeys(
    COORDINATION_KINDS.map((k) => k.code),
    facts.map((f) => f.kind),
  );
  return makeTable(
    't12-coordination',
    s,
    [
      col.text('coordinationKind'),
      col.num('requests'),
      col.num('persons'),
      col.num('accepted'),
      col.num('withdrawn'),
      col.num('failed'),
      col.num('stillOpen'),
      col.num('hospitalsAsked'),
      col.num('meanHospitals'),
      col.num('medianDays'),
      col.num('meanDays'),
    ],
    [
      ...keys.map((k) =>
        item(k, [labelOf(COORDINATION_KINDS, k, s), ...cells(facts.filter((f) => f.kind === k))]),
      ),
      total([t.rows.total, ...cells(facts)]),
    ],
    't12',
  );
}

export async function t12Refusal(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const { rows } = await sql<{ reason: string; request_id: string; institution_id: string }>`
    SELECT coalesce(k.refusal_reason, ${NOT_RECORDED}) AS reason, k.request_id, k.institution_id
    FROM coordination_contacts k JOIN coordination_requests r ON r.id = k.request_id
    WHERE r.requested_on BETWEEN ${s.from} AND ${s.to}
      AND k.answer = 'refused' AND substr(k.contacted_at, 1, 10) <= ${s.asOf}`.execute(ctx.db);
  const line = (list: typeof rows) => [
    list.length,
    new Set(list.map((r) => r.request_id)).size,
    new Set(list.map((r) => r.institution_id)).size,
  ];
  const keys = orderedKeys(
    REFUSAL_REASONS.map((r) => r.code),
    rows.map((r) => r.reason),
    [NOT_RECORDED],
  );
  return makeTable(
    't12-refusal',
    s,
    [col.text('refusalReason'), col.num('refusals'), col.num('refusalRequests'), col.num('refusalHospitals')],
    [
      ...keys.map((k) =>
        item(k, [labelOf(REFUSAL_REASONS, k, s), ...line(rows.filter((r) => r.reason === k))]),
      ),
      total([t.rows.total, ...line(rows)]),
    ],
    't12-refusal',
  );
}
