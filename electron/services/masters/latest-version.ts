import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { MUNICIPALITY_LIST_VERSION } from '../../../shared/masters/parse-municipalities';

type Db = Kysely<DB> | Transaction<DB>;

// Old list versions stay in the file (records cite them); pickers offer the newest one.
// 指定難病 versions are 'YYYY-MM', so the string maximum is the newest.

export async function latestNanbyoVersion(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('master_nanbyo')
    .select((eb) => eb.fn.max('list_version').as('v'))
    .executeTakeFirst();
  return row?.v ?? null;
}

/**
 * The municipality list in use: the one this app ships when it is loaded. (The first list was
 * labelled '2026-07' though it predates 浜松市's 2024 wards; the list of 2024-01-01 replaces it,
 * so the string maximum is not the newest here.)
 */
export async function latestMunicipalityVersion(db: Db): Promise<string | null> {
  const shipped = await db
    .selectFrom('master_municipalities')
    .select('list_version')
    .where('list_version', '=', MUNICIPALITY_LIST_VERSION)
    .limit(1)
    .executeTakeFirst();
  if (shipped) return shipped.list_version;
  const row = await db
    .selectFrom('master_municipalities')
    .select((eb) => eb.fn.max('list_version').as('v'))
    .executeTakeFirst();
  return row?.v ?? null;
}
