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

/** A 0008 case file with a consultation, a hospital, an accepted request and an old referral. */
async function at0008WithData() {
  const t = tempDir();
  cleanup = t.cleanup;
  const sqlite = openEncrypted(join(t.dir, 'm.db'), randomBytes(32), { create: true });
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  expect((await migrator.migrateTo('0008-coordination')).error).toBeUndefined();
  const run = (q: string) => sql.raw(q).execute(db);
  await run(
    `INSERT INTO staff (id, login, display_name, role, created_at, updated_at) VALUES ('s1','a','A','counselor','','')`,
  );
  await run(
    `INSERT INTO persons (id, name, created_at, created_by, updated_at, updated_by) VALUES ('p1','架空 太郎',${stamps})`,
  );
  await run(`INSERT INTO consultations (id, serial, origin_device, fiscal_year, received_at, received_date, method, continuity, kind, consulter, person_id, created_at, created_by, updated_at, updated_by)
             VALUES ('c1','R7-000001','d',2025,'2025-06-10T10:00','2025-06-10','phone','new','professional','self','p1',${stamps})`);
  await run(
    `INSERT INTO institutions (id, type, name, created_at, created_by, updated_at, updated_by) VALUES ('h1','hub_hospital','架空病院',${stamps})`,
  );
  await run(`INSERT INTO coordination_requests (id, person_id, consultation_id, kind, reason, requested_on, wanted_from, urgency, owner_id, state, accepted_institution_id, accepted_from, created_at, created_by, updated_at, updated_by)
             VALUES ('q1','p1','c1','respite','caregiver_rest','2025-06-10','2025-07-01','soon','s1','accepted','h1','2025-07-01',${stamps})`);
  await run(`INSERT INTO referrals (id, consultation_id, person_id, institution_id, template, requested_on, created_at, created_by, updated_at, updated_by)
             VALUES ('r-old','c1','p1','h1','t3','2025-06-11',${stamps})`);
  return { db, migrator, sqlite };
}

const referral = (db: Kysely<any>, id: string, requestId: string | null) =>
  sql
    .raw(
      `INSERT INTO referrals (id, consultation_id, person_id, institution_id, template, requested_on, coordination_request_id, created_at, created_by, updated_at, updated_by)
       VALUES ('${id}','c1','p1','h1','t3','2025-06-12',${requestId === null ? 'NULL' : `'${requestId}'`},${stamps})`,
    )
    .execute(db);

it('0009-referral-coordination: adds the nullable link on a 0008 file with data; old referrals keep no link', async () => {
  const { db, migrator, sqlite } = await at0008WithData();
  expect((await migrator.migrateTo('0009-referral-coordination')).error).toBeUndefined();
  const cols = sqlite.prepare(`SELECT name, "notnull" FROM pragma_table_info('referrals')`).all() as {
    name: string;
    notnull: number;
  }[];
  expect(cols.find((c) => c.name === 'coordination_request_id')).toEqual({
    name: 'coordination_request_id',
    notnull: 0,
  });
  expect(await db.selectFrom('referrals').select(['id', 'coordination_request_id']).execute()).toEqual([
    { id: 'r-old', coordination_request_id: null },
  ]);
  await referral(db, 'r-linked', 'q1');
  await referral(db, 'r-plain', null);
  // no uniqueness: two devices may each link one before they sync
  await referral(db, 'r-linked-2', 'q1');
  expect(
    (
      await db
        .selectFrom('referrals')
        .select('id')
        .where('coordination_request_id', '=', 'q1')
        .orderBy('id')
        .execute()
    ).map((r) => r.id),
  ).toEqual(['r-linked', 'r-linked-2']);
  await db.destroy();
});

it('the link must name a request that exists, and a request’s referrals read from the index', async () => {
  const { db, migrator } = await at0008WithData();
  await migrator.migrateTo('0009-referral-coordination');
  await expect(referral(db, 'r-bad', 'no-such-request')).rejects.toThrow(/FOREIGN KEY/);
  const plan = (
    await sql<{
      detail: string;
    }>`EXPLAIN QUERY PLAN SELECT id FROM referrals WHERE coordination_request_id = 'q1'`.execute(db)
  ).rows
    .map((r) => r.detail)
    .join(' / ');
  expect(plan).toContain('referrals_coordination');
  await db.destroy();
});
