import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import { fixedRows } from '../../../db/sqlite/fixed-sql';
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
  // fixed SQL (db/sqlite/fixed-sql.ts): every save with a municipality asks
  const [shipped] = await fixedRows<{ list_version: string }>(
    db,
    `SELECT list_version FROM master_municipalities WHERE list_version = ? LIMIT 1`,
    [MUNICIPALITY_LIST_VERSION],
  );
  if (shipped) return shipped.list_version;
  const row = await db
    .selectFrom('master_municipalities')
    .select((eb) => eb.fn.max('list_version').as('v'))
    .executeTakeFirst();
  return row?.v ?? null;
}
