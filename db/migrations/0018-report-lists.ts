import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * The report's copy of each consultation's lists (categories, responses, diseases, responders),
 * kept on the consultation and in `consultations_report`, so the annual report reads a year from
 * that one index. Before, it looked up four child tables per consultation: at 100,000
 * consultations that was ≈450 ms of the report's SQL and ≈9,000 of the ≈18,000 pages its first
 * build after unlocking decrypts (issue 20).
 *
 * Each column holds the list's values in the child table's key order, separated by U+001E
 * (ITEM_SEP of electron/services/reports/report-columns.ts), or NULL for none. Triggers on the
 * child tables keep them, so every writer — the record writers, an arriving sync op, an import —
 * leaves them right without knowing of them. Codes and numbers only, like the lists themselves.
 */
const LISTS = [
  ['report_categories', 'consultation_categories', 'x.code'],
  ['report_responses', 'consultation_responses', 'x.code'],
  ['report_diseases', 'consultation_diseases', `x.number || ':' || x.list_version`],
  ['report_responders', 'consultation_responders', 'x.profession'],
] as const;

const listOf = (table: string, value: string, id: string) =>
  `(SELECT group_concat(${value}, char(30)) FROM ${table} x WHERE x.consultation_id = ${id})`;

const refresh = (column: string, table: string, value: string, row: 'new' | 'old') =>
  `UPDATE consultations SET ${column} = ${listOf(table, value, `${row}.consultation_id`)}
     WHERE id = ${row}.consultation_id;`;

export async function up(db: Kysely<any>): Promise<void> {
  const statements: string[] = [];
  for (const [column, table, value] of LISTS) {
    statements.push(
      `ALTER TABLE consultations ADD COLUMN ${column} TEXT`,
      `UPDATE consultations SET ${column} = ${listOf(table, value, 'consultations.id')}`,
      `CREATE TRIGGER ${table}_report_ai AFTER INSERT ON ${table} BEGIN
         ${refresh(column, table, value, 'new')}
       END`,
      `CREATE TRIGGER ${table}_report_ad AFTER DELETE ON ${table} BEGIN
         ${refresh(column, table, value, 'old')}
       END`,
      `CREATE TRIGGER ${table}_report_au AFTER UPDATE ON ${table} BEGIN
         ${refresh(column, table, value, 'old')}
         ${refresh(column, table, value, 'new')}
       END`,
    );
  }
  statements.push(
    `DROP INDEX consultations_report`,
    `CREATE INDEX consultations_report ON consultations(
       fiscal_year, received_date, deleted_at, site_kind, event_id, person_id, received_at, method,
       continuity_override, kind, consulter, sex, age, age_band, residence, municipality_code,
       health_center_id, diagnosis_status, disease_other, employment, recipient_cert,
       disability_cert, ltc_level, devices, outcome, duration_min, main_category,
       report_categories, report_responses, report_diseases, report_responders, id)`,
  );
  await execAll(db, statements);
}
