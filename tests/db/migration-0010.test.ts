import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

/** A 0009 case file of a prefecture: one paired center device and one op kept apart. */
async function at0009WithPeers(centerId?: string) {
  const t = tempDir();
  cleanup = t.cleanup;
  const sqlite = openEncrypted(join(t.dir, 'm.db'), randomBytes(32), { create: true });
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  expect((await migrator.migrateTo('0009-referral-coordination')).error).toBeUndefined();
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`INSERT INTO meta (key, value) VALUES ('device_id', 'pref-device')`);
  if (centerId) await run(`INSERT INTO meta (key, value) VALUES ('center_id', '${centerId}')`);
  await run(`INSERT INTO sync_peers (device_id, center_name, role, sign_key, age_recipient, fingerprint, profile, paired_at, paired_by)
             VALUES ('north-pc', '北センター', 'center', 'k', 'r', 'f', 'full', '2025-04-01', 's1')`);
  await run(
    `INSERT INTO sync_pending (origin, seq, reason, fields, since) VALUES ('north-pc', 3, 'other_center', '[]', 't')`,
  );
  return { db, migrator };
}

it('0010-center-identity: the case file gets a center id, each paired device its own center, parked ops no sender', async () => {
  const { db, migrator } = await at0009WithPeers();
  expect((await migrator.migrateTo('0010-center-identity')).error).toBeUndefined();
  const meta = await db.selectFrom('meta').selectAll().where('key', '=', 'center_id').execute();
  expect(meta).toHaveLength(1);
  expect(meta[0]!.value).toMatch(/^[0-9a-f]{32}$/);
  expect(await db.selectFrom('sync_peers').select(['device_id', 'center_id']).execute()).toEqual([
    { device_id: 'north-pc', center_id: 'north-pc' },
  ]);
  expect(await db.selectFrom('sync_pending').select(['seq', 'sender']).execute()).toEqual([
    { seq: 3, sender: null },
  ]);
  await db.destroy();
});

it('keeps a center id that is already there', async () => {
  const { db, migrator } = await at0009WithPeers('kept-center');
  await migrator.migrateTo('0010-center-identity');
  expect(await db.selectFrom('meta').select('value').where('key', '=', 'center_id').execute()).toEqual([
    { value: 'kept-center' },
  ]);
  await db.destroy();
});
