import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { clockOf, decodeClocks, encodeClocks } from '../../db/sync/row-clocks';
import { tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

const h = (n: number, dev = 'dev-a') => `17488656000${String(n).padStart(2, '0')}-0000-${dev}`;

async function at0013() {
  const t = tempDir();
  cleanup = t.cleanup;
  const sqlite = openEncrypted(join(t.dir, 'm.db'), randomBytes(32), { create: true });
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  expect((await migrator.migrateTo('0013-search-names-serials')).error).toBeUndefined();
  return { db, migrator };
}

it('0015-sync-review: row clocks become one clock per row plus the fields that differ; decisions keep what they were about', async () => {
  const { db, migrator } = await at0013();
  // a consultation recorded and never edited, and a person whose phone was edited later
  const created = Object.fromEntries(['serial', 'method', 'summary', 'created_at'].map((f) => [f, h(1)]));
  const edited = { name: h(2), phone: h(5, 'dev-b'), created_at: h(2), updated_at: h(5, 'dev-b') };
  await db
    .insertInto('row_clocks')
    .values([
      { entity: 'consultation', entity_id: 'c1', clocks: JSON.stringify(created) },
      { entity: 'person', entity_id: 'p1', clocks: JSON.stringify(edited) },
    ])
    .execute();
  await sql`INSERT INTO sync_conflict_resolutions (id, resolution, created_at, created_by, updated_at, updated_by)
            VALUES ('x', 'keep', 't', 's', 't', 's')`.execute(db);
  expect((await migrator.migrateTo('0015-sync-review')).error).toBeUndefined();

  const rows = await db.selectFrom('row_clocks').selectAll().orderBy('entity').execute();
  expect(rows.map((r) => r.clocks)).toEqual([
    JSON.stringify({ '*': h(1) }),
    JSON.stringify({ '*': h(2), phone: h(5, 'dev-b'), updated_at: h(5, 'dev-b') }),
  ]);
  // the same text the app writes for the same clocks, and the same clock for every field
  const person = decodeClocks(rows[1]!.clocks);
  expect(encodeClocks(person)).toBe(rows[1]!.clocks);
  for (const [f, c] of Object.entries(edited)) expect(clockOf(person, f)).toBe(c);
  expect(clockOf(decodeClocks(rows[0]!.clocks), 'summary')).toBe(h(1));

  const r = await db.selectFrom('sync_conflict_resolutions').selectAll().executeTakeFirstOrThrow();
  expect(r).toMatchObject({
    id: 'x',
    resolution: 'keep',
    entity: null,
    entity_id: null,
    field: null,
    value: null,
  });
  await db.destroy();
});
