import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * Fewer pages for a consultation save to write (issue 20: save p99 on 100,000 consultations).
 * Past the disk's own fsync, a save costs the pages it writes: each table or index it touches is
 * at least one 4 KiB page, encrypted, in the WAL (≈5 when a leaf splits).
 *
 * Five indexes no query needs are dropped, shown with EXPLAIN QUERY PLAN over every statement
 * the test suite runs (tests/bench/consultation-bench.ts has the numbers):
 * - consultations_person (person_id, received_at) is a prefix of consultations_history, which
 *   serves the same searches;
 * - consultations_fy (fiscal_year, received_date) is a prefix of consultations_report, and no
 *   query used it (the report reads consultations_report);
 * - consultation_categories_code, consultation_responders_staff, consultation_diseases_number:
 *   the list filters look these rows up by consultation (each table's primary key starts with
 *   consultation_id), the report reads its copy of the lists on the consultation (0018), and
 *   staff are never deleted (so the foreign key never looks for a staff member's rows).
 * Together ≈8.4 of the ≈63 WAL pages of a save at 100,000 consultations.
 *
 * The trigram index stops merging its segments inside writes (automerge 0): a save that came
 * when a merge was due wrote 40–150 pages more. The merging happens while the counselor pauses
 * (db/sqlite/search-merge.ts); FTS5 still merges by itself at 16 segments on a level.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `DROP INDEX consultations_person`,
    `DROP INDEX consultations_fy`,
    `DROP INDEX consultation_categories_code`,
    `DROP INDEX consultation_responders_staff`,
    `DROP INDEX consultation_diseases_number`,
    `INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 0)`,
  ]);
}
