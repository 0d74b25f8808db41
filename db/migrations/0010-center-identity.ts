import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. A center's identity apart from its devices, so the prefecture counts a center once
 * however many devices deliver for it (an office PC, laptops that deliver directly, an office
 * PC restored from a backup, which takes a new device id but keeps the case file's meta):
 * - `meta.center_id`: one random id per case file, made here for files that have none; a
 *   snapshot restored elsewhere keeps it (only the device id changes).
 * - `sync_peers.center_id`: which center a paired device belongs to (its card's center id, or
 *   another peer's when the prefecture says "same center as"); old rows: the device itself.
 * - `sync_pending.sender`: the peer that delivered an op kept apart as another center's, so it
 *   can be applied once the prefecture files that peer under the op's center.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `INSERT INTO meta (key, value)
       SELECT 'center_id', lower(hex(randomblob(16)))
       WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'center_id')`,
    `ALTER TABLE sync_peers ADD COLUMN center_id TEXT`,
    `UPDATE sync_peers SET center_id = device_id`,
    `ALTER TABLE sync_pending ADD COLUMN sender TEXT`,
  ]);
}
