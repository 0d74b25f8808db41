import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. Sync that staff can review and that does not grow without bound (issue 17):
 * - `sync_conflict_resolutions` keeps what a decision was about (the record, the field) and the
 *   value it left in place (JSON), so two devices deciding one conflict differently while apart
 *   surface as a conflict about the decision, and settling that puts the chosen value back.
 * - `row_clocks` in the compact form (db/sync/row-clocks.ts): the row's clock under `*` — the
 *   earliest of its fields' clocks, the op that made the row — and only the fields whose clock
 *   differs, by name. A consultation never edited keeps one clock instead of one per field.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `ALTER TABLE sync_conflict_resolutions ADD COLUMN entity TEXT`,
    `ALTER TABLE sync_conflict_resolutions ADD COLUMN entity_id TEXT`,
    `ALTER TABLE sync_conflict_resolutions ADD COLUMN field TEXT`,
    `ALTER TABLE sync_conflict_resolutions ADD COLUMN value TEXT`,
    `UPDATE row_clocks SET clocks =
       '{"*":' || json_quote((SELECT min(value) FROM json_each(row_clocks.clocks)))
       || coalesce((SELECT group_concat(',' || json_quote(key) || ':' || json_quote(value), '' ORDER BY key)
                      FROM json_each(row_clocks.clocks)
                     WHERE value <> (SELECT min(value) FROM json_each(row_clocks.clocks))), '')
       || '}'
     WHERE json_valid(clocks)
       AND NOT EXISTS (SELECT 1 FROM json_each(row_clocks.clocks) WHERE key = '*')
       AND EXISTS (SELECT 1 FROM json_each(row_clocks.clocks))`,
  ]);
}
