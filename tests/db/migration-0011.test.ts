import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

const stamps = `'', 's1', '', 's1'`;

/** A 0010 case file with a person, two consultations (one marked 継続 by hand, the old way) and an institution. */
async function at0010WithData() {
  const t = tempDir();
  cleanup = t.cleanup;
  const sqlite = openEncrypted(join(t.dir, 'm.db'), randomBytes(32), { create: true });
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  expect((await migrator.migrateTo('0010-center-identity')).error).toBeUndefined();
  const run = (q: string) => sql.raw(q).execute(db);
  await run(
    `INSERT INTO staff (id, login, display_name, role, created_at, updated_at) VALUES ('s1','a','A','counselor','','')`,
  );
  await run(
    `INSERT INTO persons (id, name, created_at, created_by, updated_at, updated_by) VALUES ('p1','架空 太郎',${stamps})`,
  );
  for (const [id, at, cont] of [
    ['c1', '2025-06-10T10:00:00', 'continuing'],
    ['c2', '2025-07-10T10:00:00', 'new'],
  ] as const)
    await run(`INSERT INTO consultations (id, serial, origin_device, fiscal_year, received_at, received_date, method, continuity, kind, consulter, person_id, created_at, created_by, updated_at, updated_by)
               VALUES ('${id}','R7-${id}','d',2025,'${at}','${at.slice(0, 10)}','phone','${cont}','professional','self','p1',${stamps})`);
  await run(
    `INSERT INTO institutions (id, type, name, created_at, created_by, updated_at, updated_by) VALUES ('h1','hub_hospital','架空病院',${stamps})`,
  );
  return { db, migrator, sqlite };
}

const plan = async (db: Kysely<any>, q: string) =>
  (await sql.raw<{ detail: string }>(`EXPLAIN QUERY PLAN ${q}`).execute(db)).rows
    .map((r) => r.detail)
    .join(' / ');

it('0011-continuity-history: old consultations keep their saved mark and get no override; the history is read from its index', async () => {
  const { db, migrator, sqlite } = await at0010WithData();
  expect((await migrator.migrateTo('0011-continuity-history')).error).toBeUndefined();
  expect(
    await db
      .selectFrom('consultations')
      .select(['id', 'continuity', 'continuity_override', 'continuity_reason'])
      .orderBy('id')
      .execute(),
  ).toEqual([
    { id: 'c1', continuity: 'continuing', continuity_override: null, continuity_reason: null },
    { id: 'c2', continuity: 'new', continuity_override: null, continuity_reason: null },
  ]);
  await expect(sql`UPDATE consultations SET continuity_override = 'maybe'`.execute(db)).rejects.toThrow(
    /CHECK/,
  );
  expect(
    await plan(
      db,
      `SELECT 1 FROM consultations e INDEXED BY consultations_history WHERE e.person_id = 'p1' AND e.deleted_at IS NULL AND e.received_at < '2025-07-10T10:00:00'`,
    ),
  ).toContain('COVERING INDEX consultations_history');
  // the report still reads a year from its covering index, now with the override and the situation columns
  expect(
    await plan(
      db,
      `SELECT c.continuity_override, c.age, c.recipient_cert, c.disability_cert, c.ltc_level, c.devices, c.outcome
         FROM consultations c WHERE c.fiscal_year = 2025 AND c.received_date BETWEEN '2025-04-01' AND '2026-03-31' AND c.deleted_at IS NULL`,
    ),
  ).toContain('COVERING INDEX consultations_report');
  expect(
    sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'master_municipalities_code'`).get(),
  ).toEqual({
    name: 'master_municipalities_code',
  });
  await db.destroy();
});

it('0012-activities-designations: old institutions hold no other designation; activities take a row', async () => {
  const { db, migrator } = await at0010WithData();
  expect((await migrator.migrateTo('0012-activities-designations')).error).toBeUndefined();
  expect(await db.selectFrom('institutions').select(['id', 'designations']).execute()).toEqual([
    { id: 'h1', designations: '[]' },
  ]);
  await sql`INSERT INTO activities (id, kind, title, date, participants, created_at, created_by, updated_at, updated_by)
            VALUES ('a1', 'council', '協議会', '2025-10-20', 12, '', 's1', '', 's1')`.execute(db);
  expect(await db.selectFrom('activities').select(['kind', 'attendees', 'version']).execute()).toEqual([
    { kind: 'council', attendees: '[]', version: 1 },
  ]);
  await expect(
    sql`INSERT INTO activities (id, kind, title, date, participants, created_at, created_by, updated_at, updated_by)
        VALUES ('a2', 'council', 'x', '2025-10-20', -1, '', 's1', '', 's1')`.execute(db),
  ).rejects.toThrow(/CHECK/);
  await db.destroy();
});
