import { sql, type RawBuilder } from 'kysely';
import type { ServiceContext } from '../context';
import { PERSON } from './report-selection';
import { NOT_RECORDED } from './report-table';

export interface Counts {
  /** 延件数: one per row counted (a consultation, or a consultation's category, …) */
  visits: number;
  /** 実人数 */
  persons: number;
  /** further sums asked for by name */
  extra: Record<string, number>;
}

export interface CountQuery {
  /**
   * what to count rows of, aliased `c` with columns n and pid: default `temp.report_c c`; a
   * child table (`temp.report_categories c`) to count its rows without a join
   */
  source?: RawBuilder<unknown>;
  /** joins after the source */
  join?: RawBuilder<unknown>;
  /** a condition on the rows (the scope is already applied by the selection) */
  where?: RawBuilder<boolean>;
  /** named aggregates, e.g. { new: sql`sum(c.continuity = 'new')` } */
  extra?: Record<string, RawBuilder<number>>;
  /**
   * the key is a NOT NULL column: group by it bare (no coalesce), so an index on
   * (key, pid) is walked in order instead of sorting (see report-selection.ts)
   */
  notNull?: boolean;
  /** GROUP BY these instead of the key, when they follow a table's key order and determine it */
  groupBy?: RawBuilder<unknown>;
}

const SELECTION = sql`temp.report_c c`;

export const ZERO: Counts = { visits: 0, persons: 0, extra: {} };

/**
 * The sums most tables need, in one pass: several tables total the same consultations, and
 * t01 and t07 group by the same method, so they ask the same query and get it from the memo.
 */
export const BASE: CountQuery = {
  extra: {
    new: sql<number>`sum(c.continuity = 'new')`,
    continuing: sql<number>`sum(c.continuity = 'continuing')`,
    recorded: sql<number>`count(c.duration_min)`,
    minutes: sql<number>`coalesce(sum(c.duration_min), 0)`,
    over30: sql<number>`sum(c.duration_min > 30)`,
    over60: sql<number>`sum(c.duration_min > 60)`,
  },
};

/** Results by query text, per report (one transaction object per report). */
const memo = new WeakMap<object, Map<string, Promise<Record<string, unknown>[]>>>();

function rowsOf(ctx: ServiceContext, query: RawBuilder<Record<string, unknown>>) {
  const { sql: text, parameters } = query.compile(ctx.db);
  const key = `${text}\u0000${JSON.stringify(parameters)}`;
  let cache = memo.get(ctx.db);
  if (!cache) memo.set(ctx.db, (cache = new Map()));
  let hit = cache.get(key);
  if (!hit) cache.set(key, (hit = query.execute(ctx.db).then((r) => r.rows)));
  return hit;
}

function selectList(q: CountQuery) {
  const extras = Object.entries(q.extra ?? {}).map(
    ([name, expr]) => sql`, ${expr} AS ${sql.ref(`x_${name}`)}`,
  );
  return sql`count(*) AS visits, count(DISTINCT ${PERSON}) AS persons ${sql.join(extras, sql``)}`;
}

function toCounts(r: Record<string, unknown>): Counts {
  const extra: Record<string, number> = {};
  for (const [k, v] of Object.entries(r)) if (k.startsWith('x_')) extra[k.slice(2)] = Number(v ?? 0);
  return { visits: Number(r.visits ?? 0), persons: Number(r.persons ?? 0), extra };
}

/**
 * Counts per value of `key` (NULL becomes NOT_RECORDED) over the report's consultations
 * (temp.report_c, alias `c`; see report-selection.ts).
 */
export async function countBy(
  ctx: ServiceContext,
  key: RawBuilder<unknown>,
  q: CountQuery = {},
): Promise<Map<string, Counts>> {
  const rows = await rowsOf(
    ctx,
    sql<Record<string, unknown>>`
    SELECT ${q.notNull ? key : sql`coalesce(${key}, ${NOT_RECORDED})`} AS k, ${selectList(q)}
    FROM ${q.source ?? SELECTION} ${q.join ?? sql``}
    ${q.where ? sql`WHERE ${q.where}` : sql``}
    GROUP BY ${q.groupBy ?? sql`1`}`,
  );
  return new Map(rows.map((r) => [String(r.k), toCounts(r)]));
}

/** The same counts over everything in scope (the total row: persons counted once overall). */
export async function countAll(ctx: ServiceContext, q: CountQuery = {}): Promise<Counts> {
  const rows = await rowsOf(
    ctx,
    sql<Record<string, unknown>>`
    SELECT ${selectList(q)}
    FROM ${q.source ?? SELECTION} ${q.join ?? sql``}
    ${q.where ? sql`WHERE ${q.where}` : sql``}`,
  );
  return rows[0] ? toCounts(rows[0]) : ZERO;
}

export function get(m: Map<string, Counts>, key: string): Counts {
  return m.get(key) ?? ZERO;
}

export function sumVisits(m: Map<string, Counts>): number {
  let n = 0;
  for (const c of m.values()) n += c.visits;
  return n;
}
