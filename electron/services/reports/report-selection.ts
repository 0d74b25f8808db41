import { sql, type RawBuilder } from 'kysely';
import type { ServiceContext } from '../context';
import { countedContinuitySql } from '../consultations/continuity';
import {
  comparePieces,
  decodeColumn,
  decodeMultiColumn,
  decodeNumbers,
  ITEM_SEP,
  NULL_MARK,
  pieceStarts,
  ROW_SEP,
  type Column,
  type MultiColumn,
} from './report-columns';
import { inScope, type ReportScope } from './report-scope';

/**
 * The consultations a report counts, read ONCE per report into memory as columns, which every
 * table of tables 1–10 then counts in JavaScript (count-groups.ts) — one pass of SQLite over
 * the report index instead of a GROUP BY per table.
 *
 * One query: SEARCH c USING COVERING INDEX consultations_report (which holds the lists too:
 * migration 0018-report-lists) and SEARCH p USING COVERING INDEX sqlite_autoindex_persons_1.
 * Each column comes back as one string (see report-columns.ts); all of them are aggregates of the same query, so row r of one column is
 * row r of every other.
 *
 * - `pid`: the person number, dense from 0: one per person row; a consultation without a
 *   person counts as a person of its own.
 * - `last`: 1 on each person's last consultation in scope (latest received date-time, then id:
 *   the greatest received_at || id), for the tables that place every person in one cell only.
 * - `noNumberBucket`: where a consultation without disease numbers goes in table 3, worked out
 *   in SQL so the other-disease free text never leaves SQLite.
 * - many-valued columns hold each value once per consultation (two nurses: one 看護師).
 *
 * Nothing is written: no temp table, no temporary file. The selection holds codes and numbers
 * only, no names or free text, and lives as long as the report's transaction object.
 */
export interface Selection {
  size: number;
  persons: number;
  pid: Int32Array;
  last: Uint8Array;
  /** minutes; NaN when not recorded */
  duration: Float64Array;
  /** 満年齢 on the consultation date; NaN when no birth date is known */
  age: Float64Array;
  /** CONTINUITY_NEW, CONTINUITY_CONTINUING or 0 */
  continuity: Uint8Array;
  col: Record<ColumnName, Column>;
  categories: MultiColumn;
  responses: MultiColumn;
  /** "number:list_version" */
  diseases: MultiColumn;
  responders: MultiColumn;
  /** medical devices (人工呼吸器 …) recorded with the consultation */
  devices: MultiColumn;
  /** the row of a consultation id in the selection (built when first asked: the referrals) */
  rowOf(id: string): number | undefined;
}

export const CONTINUITY_NEW = 1;
export const CONTINUITY_CONTINUING = 2;

/** Work sub-categories counted as employment support (4.5 就学 is school, not work). */
export const WORK_CATEGORIES = ['4.1', '4.2', '4.3', '4.4'];

/** The bucket of a consultation without disease numbers (table 3). */
const NO_NUMBER_BUCKET = sql`CASE
  WHEN c.diagnosis_status = 'undiagnosed' THEN 'undiagnosed'
  WHEN c.disease_other LIKE '%小児慢性%' OR c.disease_other LIKE '%小慢%' THEN 'pediatric_chronic'
  WHEN c.disease_other IS NOT NULL THEN 'non_designated'
  ELSE 'unknown' END`;

const COLUMNS = {
  month: sql`substr(c.received_date, 1, 7)`,
  eventId: sql`c.event_id`,
  method: sql`c.method`,
  // 新規/継続 as it counts: set by hand, else from the person's history (consultations/continuity.ts)
  continuity: countedContinuitySql('c'),
  kind: sql`c.kind`,
  consulter: sql`c.consulter`,
  sex: sql`c.sex`,
  ageBand: sql`c.age_band`,
  residence: sql`c.residence`,
  municipalityCode: sql`c.municipality_code`,
  healthCenterId: sql`c.health_center_id`,
  employment: sql`c.employment`,
  diagnosisStatus: sql`c.diagnosis_status`,
  recipientCert: sql`c.recipient_cert`,
  disabilityCert: sql`c.disability_cert`,
  ltcLevel: sql`c.ltc_level`,
  outcome: sql`c.outcome`,
  mainCategory: sql`c.main_category`,
  noNumberBucket: NO_NUMBER_BUCKET,
} satisfies Record<string, RawBuilder<unknown>>;
export type ColumnName = keyof typeof COLUMNS;

/**
 * The lists, as the consultation keeps a copy of them for the report (migration
 * 0018-report-lists, kept by triggers; values separated by ITEM_SEP); devices is a JSON array.
 */
const CHILDREN = {
  categories: sql`c.report_categories`,
  responses: sql`c.report_responses`,
  diseases: sql`c.report_diseases`,
  responders: sql`c.report_responders`,
  devices: sql`(SELECT group_concat(x.value, ${ITEM_SEP}) FROM json_each(c.devices) x)`,
};
type ChildName = keyof typeof CHILDREN;

/** group_concat of one value per row (NULL as NULL_MARK, so every row has its piece). */
const each = (expr: RawBuilder<unknown>, name: string) =>
  sql`group_concat(coalesce(${expr}, ${NULL_MARK}), ${ROW_SEP}) AS ${sql.ref(name)}`;

async function load(ctx: ServiceContext, s: ReportScope): Promise<Selection> {
  const parts = [
    each(sql`coalesce(p.rowid, -c.rowid)`, 'pid'),
    each(sql`c.received_at || c.id`, 'latest'),
    each(sql`c.id`, 'id'),
    each(sql`c.duration_min`, 'duration'),
    each(sql`c.age`, 'age'),
    ...Object.entries(COLUMNS).map(([name, expr]) => each(expr, name)),
    ...Object.entries(CHILDREN).map(([name, q]) => each(q, name)),
  ];
  const { rows } = await sql<Record<string, string | number | null>>`
    SELECT count(*) AS size, ${sql.join(parts)}
    FROM consultations c LEFT JOIN persons p ON p.id = c.person_id
    WHERE ${inScope(s)}`.execute(ctx.db);
  const r = rows[0]!;
  const size = Number(r.size);
  const text = (k: string) => (r[k] ?? null) as string | null;

  // dense person numbers
  const rawPid = decodeNumbers(text('pid'), size);
  const pid = new Int32Array(size);
  const numbers = new Map<number, number>();
  for (let i = 0; i < size; i++) {
    let p = numbers.get(rawPid[i]!);
    if (p === undefined) numbers.set(rawPid[i]!, (p = numbers.size));
    pid[i] = p;
  }
  // each person's last consultation: the greatest received_at || id
  const latest = text('latest') ?? '';
  const starts = pieceStarts(latest, size);
  const best = new Int32Array(numbers.size).fill(-1);
  for (let i = 0; i < size; i++) {
    const b = best[pid[i]!]!;
    if (b < 0 || comparePieces(latest, starts, i, b) > 0) best[pid[i]!] = i;
  }
  const last = new Uint8Array(size);
  for (const i of best) last[i] = 1;

  const col = {} as Record<ColumnName, Column>;
  for (const name of Object.keys(COLUMNS) as ColumnName[]) col[name] = decodeColumn(text(name), size);
  const cont = col.continuity;
  const flag = cont.values.map((v) =>
    v === 'new' ? CONTINUITY_NEW : v === 'continuing' ? CONTINUITY_CONTINUING : 0,
  );
  const continuity = Uint8Array.from(cont.codes, (c) => flag[c]!);
  const multi = (name: ChildName) => decodeMultiColumn(text(name), size);
  const ids = text('id') ?? '';
  let rowById: Map<string, number> | null = null;
  return {
    rowOf: (id) => {
      if (!rowById) {
        rowById = new Map();
        const at = pieceStarts(ids, size);
        for (let i = 0; i < size; i++) rowById.set(ids.slice(at[i]!, at[i + 1]! - 1), i);
      }
      return rowById.get(id);
    },
    size,
    persons: numbers.size,
    pid,
    last,
    duration: decodeNumbers(text('duration'), size),
    age: decodeNumbers(text('age'), size),
    continuity,
    col,
    categories: multi('categories'),
    responses: multi('responses'),
    diseases: multi('diseases'),
    responders: multi('responders'),
    devices: multi('devices'),
  };
}

const memo = new WeakMap<object, Promise<Selection>>();

/** The report's selection, read once per report transaction (ctx.db). */
export function selectionOf(ctx: ServiceContext, s: ReportScope): Promise<Selection> {
  let hit = memo.get(ctx.db);
  if (!hit) memo.set(ctx.db, (hit = load(ctx, s)));
  return hit;
}
