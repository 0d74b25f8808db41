import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';
import type { SqliteDb } from '../sqlite/open-encrypted';
import type { VersionVector } from './version-vector';

/** meta key: `{ [earlier device id]: the last seq of it this file held when it took a new id }` */
const FORMER_SELVES = 'former_device_ids';

/**
 * A copy restored from a backup takes a new device id (db/backup/restore.ts); the ops of its old
 * id are its own past, not a device it cannot hear from. Kept with how far that id's ops went in
 * the backup, so an op of it beyond that (the old device was not gone after all and wrote on)
 * still counts as a device this one does not hear from directly (prune.ts).
 */
export async function recordFormerSelf(trx: Transaction<DB> | Kysely<DB>, deviceId: string): Promise<void> {
  const seqOf = async (table: 'op_log' | 'op_floor') =>
    Number(
      (
        await trx
          .selectFrom(table)
          .select((eb) => eb.fn.max('seq').as('seq'))
          .where('origin', '=', deviceId)
          .executeTakeFirst()
      )?.seq ?? 0,
    );
  const row = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', FORMER_SELVES)
    .executeTakeFirst();
  const former = {
    ...parse(row?.value),
    [deviceId]: Math.max(await seqOf('op_log'), await seqOf('op_floor')),
  };
  await trx
    .insertInto('meta')
    .values({ key: FORMER_SELVES, value: JSON.stringify(former) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(former) }))
    .execute();
}

/** Earlier ids of this device, with how far their ops went when it took a new one. */
export function formerSelves(sqlite: SqliteDb): VersionVector {
  return parse(sqlite.prepare(`SELECT value FROM meta WHERE key = ?`).pluck().get(FORMER_SELVES) as string);
}

function parse(json: string | undefined): VersionVector {
  return json ? (JSON.parse(json) as VersionVector) : {};
}
