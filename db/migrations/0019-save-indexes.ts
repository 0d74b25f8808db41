import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * Fewer indexes for a consultation save to write (issue 20: save p99 on 100,000 consultations).
 * A save's cost past the disk's own fsync is the pages it writes, and each index a save touches
 * costs at least one 4 KiB page, encrypted, in the WAL (≈5 when its leaf splits). These five no
 * query needs, shown with EXPLAIN QUERY PLAN over every statement the test suite runs
 * (tests/bench/consultation-bench.ts):
 * - consultations_person (person_id, received_at) is a prefix of consultations_history, which
 *   serves the same searches;
 * - consultations_fy (fiscal_year, received_date) is a prefix of consultations_report, and no
 *   query used it (the report reads consultations_report);
 * - consultation_categories_code, consultation_responders_staff, consultation_diseases_number:
 *   the list filters look these rows up by consultation (each table's primary key starts with
 *   consultation_id), the report reads its copy of the lists on the consultation (0018), and
 *   staff are never deleted (so the foreign key never looks for a staff member's rows).
 * Together ≈8.4 of the ≈63 WAL pages of a save at 100,000 consultations.
 */
export const DROPPED = [
  'consultations_person',
  'consultations_fy',
  'consultation_categories_code',
  'consultation_responders_staff',
  'consultation_diseases_number',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await execAll(
    db,
    DROPPED.map((name) => `DROP INDEX ${name}`),
  );
}
