import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. Clock skew between paired devices (issue 17): per peer, how far its clock was from
 * this device's when its last sync file came in (ms, + ahead / − behind; null: they agreed) and
 * when that was judged. A file written "in the future", or one that acknowledges this device's
 * edits as held before they were made, shows a device whose date is wrong.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `ALTER TABLE sync_peers ADD COLUMN clock_offset_ms INTEGER`,
    `ALTER TABLE sync_peers ADD COLUMN clock_checked_at TEXT`,
  ]);
}
