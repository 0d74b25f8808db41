import type { Transaction } from 'kysely';
import type { DB } from '../schema';
import type { SqliteDb } from '../sqlite/open-encrypted';
import { readMeta, writeMeta } from './identity';
import { lastSeq } from './op-log';
import type { VersionVector } from './version-vector';

/** meta key: `{ [earlier device id]: the last seq of it this file held when it took a new id }` */
const FORMER_SELVES = 'former_device_ids';

/**
 * A copy restored from a backup takes a new device id (db/backup/restore.ts); the ops of its old
 * id are its own past, not a device it cannot hear from. Kept with how far that id's ops went in
 * the backup, so an op of it beyond that (the old device was not gone after all and wrote on)
 * still counts as a device this one does not hear from directly (prune.ts).
 */
export async function recordFormerSelf(trx: Transaction<DB>, deviceId: string): Promise<void> {
  const former = { ...parse(await readMeta(trx, FORMER_SELVES)), [deviceId]: await lastSeq(trx, deviceId) };
  await writeMeta(trx, FORMER_SELVES, JSON.stringify(former));
}

/** Earlier ids of this device, with how far their ops went when it took a new one. */
export function formerSelves(sqlite: SqliteDb): VersionVector {
  return parse(sqlite.prepare(`SELECT value FROM meta WHERE key = ?`).pluck().get(FORMER_SELVES) as string);
}

function parse(json: string | null | undefined): VersionVector {
  return json ? (JSON.parse(json) as VersionVector) : {};
}
