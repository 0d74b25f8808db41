import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { MIGRATION_NAMES, MIGRATIONS } from '../../db/migrations';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { localVector } from '../../db/sync/version-vector';
import { tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

const NAME = MIGRATION_NAMES.find((n) => n.endsWith('-op-floor'))!;

it('op-floor migration: a file from before holds every op, so its vector is unchanged and nothing counts as pruned', async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const sqlite = openEncrypted(join(t.dir, 'm.db'), randomBytes(32), { create: true });
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const before = MIGRATION_NAMES[MIGRATION_NAMES.indexOf(NAME) - 1]!;
  expect((await migrator.migrateTo(before)).error).toBeUndefined();
  for (const seq of [1, 2, 3]) {
    await sql`INSERT INTO op_log (origin, seq, hlc, entity, entity_id, fields, prev, staff_id)
              VALUES ('laptop', ${seq}, ${`1748865600000-000${seq}-laptop`}, 'person', 'p1', '{}', '{}', NULL)`.execute(
      db,
    );
  }
  expect((await migrator.migrateTo(NAME)).error).toBeUndefined();
  expect(localVector(sqlite)).toEqual({ laptop: 3 });
  expect(await db.selectFrom('op_floor').selectAll().execute()).toEqual([]);
  await db.insertInto('op_floor').values({ origin: 'laptop', seq: 9 }).execute();
  expect(localVector(sqlite)).toEqual({ laptop: 9 });
  expect(await db.selectFrom('sync_replaced').selectAll().execute()).toEqual([]);
  await db.destroy();
});
