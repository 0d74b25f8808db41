import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

// Old list versions stay in the file (records cite them); pickers offer the newest one.
// Versions are 'YYYY-MM', so the string maximum is the newest.

export async function latestNanbyoVersion(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('master_nanbyo')
    .select((eb) => eb.fn.max('list_version').as('v'))
    .executeTakeFirst();
  return row?.v ?? null;
}

export async function latestMunicipalityVersion(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('master_municipalities')
    .select((eb) => eb.fn.max('list_version').as('v'))
    .executeTakeFirst();
  return row?.v ?? null;
}
