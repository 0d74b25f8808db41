import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { MIGRATION_NAMES } from '../../db/migrations';
import { localVector } from '../../db/sync/version-vector';
import { fileBeforeMigration } from '../fixtures/migration-step';

let cleanup = () => {};
afterEach(() => cleanup());

const NAME = MIGRATION_NAMES.find((n) => n.endsWith('-op-floor'))!;

it('op-floor migration: a file from before holds every op, so its vector is unchanged and nothing counts as pruned', async () => {
  const m = await fileBeforeMigration(NAME);
  cleanup = m.cleanup;
  const { sqlite, db } = m;
  for (const seq of [1, 2, 3]) {
    await sql`INSERT INTO op_log (origin, seq, hlc, entity, entity_id, fields, prev, staff_id)
              VALUES ('laptop', ${seq}, ${`1748865600000-000${seq}-laptop`}, 'person', 'p1', '{}', '{}', NULL)`.execute(
      db,
    );
  }
  await m.apply();
  expect(localVector(sqlite)).toEqual({ laptop: 3 });
  expect(await db.selectFrom('op_floor').selectAll().execute()).toEqual([]);
  await db.insertInto('op_floor').values({ origin: 'laptop', seq: 9 }).execute();
  expect(localVector(sqlite)).toEqual({ laptop: 9 });
  expect(await db.selectFrom('sync_replaced').selectAll().execute()).toEqual([]);
  await db.destroy();
});
