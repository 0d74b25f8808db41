import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { inScope, type ReportScope } from './report-scope';

/**
 * The consultations a report counts, copied ONCE per report into compact in-memory temp
 * tables that every table then groups: one read of the report index (consultations_report,
 * covering) and one join per child table, instead of one per table. EXPLAIN QUERY PLAN of the
 * fill: SEARCH c USING COVERING INDEX consultations_report, SEARCH p USING COVERING INDEX
 * sqlite_autoindex_persons_1. At 100,000 consultations a GROUP BY over the copy costs ~40 ms.
 *
 * - temp.report_c: one row per consultation in scope. `n` numbers the rows. `pid` numbers
 *   the persons: the person row's rowid, or for a consultation without a person minus its own
 *   rowid, so it counts as one person of its own.
 * - temp.report_last: the n of each person's last consultation in scope (latest received
 *   date-time, then id), for the tables that place every person in one cell only.
 * - temp.report_categories / _responses / _diseases / _responders: the child rows of those
 *   consultations, with n and pid, each value once per consultation; categories also carry
 *   their top-level code (`top`: '3.4' → '3'). Keyed (value, pid, n) — categories
 *   (top, code, pid, n) — so the tables' GROUP BY value with count(DISTINCT pid) walks the
 *   key in order instead of sorting (at 100,000 consultations ~20 ms a query instead of
 *   ~180 ms; a grouping key must then be the bare column, not coalesce(…): countBy's
 *   `notNull`). A lookup for one consultation gives value, pid and n (a full key), or uses
 *   `n IN (SELECT n FROM …)`, which SQLite answers from one temporary index.
 * - temp.report_work: the n of the employment-support consultations (table 9).
 * - temp.report_disease_groups: (list version, number) → disease group code, from the master.
 *
 * Temp tables live in memory (temp_store = MEMORY, set by the caller before its transaction),
 * so no temporary file holds this pseudonymous data; they are dropped when the report is done.
 */
const TABLES = [
  'report_c',
  'report_last',
  'report_work',
  'report_categories',
  'report_responses',
  'report_diseases',
  'report_responders',
  'report_disease_groups',
];

/** The person number of a row of report_c (alias `c`). */
export const PERSON = sql`c.pid`;

/** Work sub-categories counted as employment support (4.5 就学 is school, not work). */
export const WORK_CATEGORIES = ['4.1', '4.2', '4.3', '4.4'];

export async function dropSelection(db: Kysely<DB>): Promise<void> {
  for (const t of TABLES) await sql.raw(`DROP TABLE IF EXISTS temp.${t}`).execute(db);
}

export async function materializeSelection(db: Kysely<DB>, s: ReportScope): Promise<void> {
  await dropSelection(db);
  await sql`CREATE TEMP TABLE report_c (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL, pid INTEGER NOT NULL,
    received_at TEXT NOT NULL, month TEXT NOT NULL, site_kind TEXT,
    event_id TEXT, method TEXT, continuity TEXT, kind TEXT, consulter TEXT, sex TEXT, age_band TEXT,
    residence TEXT, municipality_code TEXT, health_center_id TEXT, diagnosis_status TEXT,
    disease_other TEXT, employment TEXT, duration_min INTEGER, main_category TEXT)`.execute(db);
  await sql`INSERT INTO temp.report_c (id, pid, received_at, month, site_kind, event_id, method,
      continuity, kind, consulter, sex, age_band, residence, municipality_code, health_center_id,
      diagnosis_status, disease_other, employment, duration_min, main_category)
    SELECT c.id, coalesce(p.rowid, -c.rowid), c.received_at, substr(c.received_date, 1, 7),
      c.site_kind, c.event_id, c.method, c.continuity, c.kind, c.consulter, c.sex, c.age_band,
      c.residence, c.municipality_code, c.health_center_id, c.diagnosis_status, c.disease_other,
      c.employment, c.duration_min, c.main_category
    FROM consultations c LEFT JOIN persons p ON p.id = c.person_id
    WHERE ${inScope(s)}`.execute(db);
  await sql`CREATE TEMP TABLE report_last (n INTEGER PRIMARY KEY)`.execute(db);
  // with a single max(), SQLite takes the bare column n from the row holding the maximum
  await sql`INSERT INTO temp.report_last
    SELECT n FROM (SELECT n, max(received_at || id) FROM temp.report_c GROUP BY pid)`.execute(db);
  // child rows keyed (value, pid, n): a value once per consultation (two nurses: one 看護師
  // row), stored in the order the tables group them (see the note above)
  const child = async (table: string, key: string, columns: string, from: string, select: string) => {
    await sql
      .raw(
        `CREATE TEMP TABLE ${table} (${columns}, pid INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (${key}, pid, n)) WITHOUT ROWID`,
      )
      .execute(db);
    await sql
      .raw(
        `INSERT OR IGNORE INTO temp.${table} SELECT ${select}, s.pid, s.n FROM temp.report_c s JOIN ${from} x ON x.consultation_id = s.id`,
      )
      .execute(db);
  };
  await child(
    'report_categories',
    'top, code',
    'top TEXT NOT NULL, code TEXT NOT NULL',
    'consultation_categories',
    `CASE WHEN instr(x.code, '.') > 0 THEN substr(x.code, 1, instr(x.code, '.') - 1) ELSE x.code END, x.code`,
  );
  await child('report_responses', 'code', 'code TEXT NOT NULL', 'consultation_responses', 'x.code');
  await child(
    'report_diseases',
    'number',
    'number INTEGER NOT NULL, list_version TEXT NOT NULL',
    'consultation_diseases',
    'x.number, x.list_version',
  );
  await child(
    'report_responders',
    'profession',
    'profession TEXT NOT NULL',
    'consultation_responders',
    'x.profession',
  );
  // the master list's group codes, one row each (its JSON parsed once, not per disease row)
  await sql`CREATE TEMP TABLE report_disease_groups (list_version TEXT, number INTEGER, grp TEXT,
    PRIMARY KEY (list_version, number, grp)) WITHOUT ROWID`.execute(db);
  await sql`INSERT OR IGNORE INTO temp.report_disease_groups
    SELECT m.list_version, m.number, g.value FROM master_nanbyo m, json_each(m.groups) g`.execute(db);
  // employment support (table 9): a short list of n, so its queries visit only those rows
  await sql`CREATE TEMP TABLE report_work (n INTEGER PRIMARY KEY)`.execute(db);
  await sql`INSERT OR IGNORE INTO temp.report_work
    SELECT n FROM temp.report_c WHERE kind = 'employment'
    UNION ALL
    SELECT n FROM temp.report_categories WHERE top = '4' AND code IN (${sql.join(WORK_CATEGORIES)})`.execute(
    db,
  );
}
