import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import * as m0008 from '../../db/migrations/0008-coordination';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

/**
 * 0008 must need nothing from 0006/0007 (written on other branches): it is run here on top of
 * 0001–0005 alone, whatever else the list holds by the time this test runs.
 */
const BASE = ['0001-foundation', '0002-consultation-core', '0003-events', '0004-sync', '0005-recent-index'];
const ONLY_BASE_AND_0008: Record<string, Migration> = {
  ...Object.fromEntries(BASE.map((n) => [n, MIGRATIONS[n]!])),
  '0008-coordination': m0008,
};

async function at0005WithData() {
  const t = tempDir();
  cleanup = t.cleanup;
  const sqlite = openEncrypted(join(t.dir, 'm.db'), randomBytes(32), { create: true });
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ONLY_BASE_AND_0008 } });
  expect((await migrator.migrateTo('0005-recent-index')).error).toBeUndefined();
  await sql`INSERT INTO staff (id, login, display_name, role, created_at, updated_at) VALUES ('s1','a','A','counselor','','')`.execute(
    db,
  );
  await sql`INSERT INTO persons (id, name, created_at, created_by, updated_at, updated_by) VALUES ('p1','架空 太郎','','s1','','s1')`.execute(
    db,
  );
  await sql`INSERT INTO consultations (id, serial, origin_device, fiscal_year, received_at, received_date, method, continuity, kind, consulter, person_id, created_at, created_by, updated_at, updated_by)
            VALUES ('c1','R7-000001','d',2025,'2025-06-10T10:00','2025-06-10','phone','new','professional','self','p1','','s1','','s1')`.execute(
    db,
  );
  await sql`INSERT INTO institutions (id, type, name, created_at, created_by, updated_at, updated_by) VALUES ('h1','core_cooperating_hospital','架空病院','','s1','','s1')`.execute(
    db,
  );
  return { db, migrator };
}

const insertRequest = (db: Kysely<any>, id: string, extra: Record<string, unknown> = {}) => {
  const row: Record<string, unknown> = {
    id,
    person_id: 'p1',
    consultation_id: 'c1',
    kind: 'respite',
    reason: 'caregiver_rest',
    requested_on: '2025-06-10',
    wanted_from: '2025-07-01',
    urgency: 'soon',
    owner_id: 's1',
    created_at: '',
    created_by: 's1',
    updated_at: '',
    updated_by: 's1',
    ...extra,
  };
  return db.insertInto('coordination_requests').values(row).execute();
};

const insertContact = (db: Kysely<any>, id: string, extra: Record<string, unknown> = {}) =>
  db
    .insertInto('coordination_contacts')
    .values({
      id,
      request_id: 'r1',
      institution_id: 'h1',
      contacted_at: '2025-06-11T10:00',
      contacted_by: 's1',
      answer: 'refused',
      refusal_reason: 'no_beds',
      created_at: '',
      created_by: 's1',
      updated_at: '',
      updated_by: 's1',
      ...extra,
    })
    .execute();

describe('0008-coordination', () => {
  it('adds requests and contacts on a 0005 file with data (without 0006/0007); data kept; defaults', async () => {
    const { db, migrator } = await at0005WithData();
    expect((await migrator.migrateTo('0008-coordination')).error).toBeUndefined();
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM consultations`.execute(db)).rows[0]!.n).toBe(
      1,
    );
    await insertRequest(db, 'r1');
    const r = await db.selectFrom('coordination_requests').selectAll().executeTakeFirstOrThrow();
    expect(r).toMatchObject({
      state: 'open',
      ventilator: 'none',
      suction: 'none',
      gastrostomy: 0,
      care_level: 'low',
      version: 1,
      consent_method: null,
      ended_on: null,
      reason_note: null,
    });
    await insertContact(db, 'k1');
    await insertContact(db, 'k2', {
      answer: 'pending',
      refusal_reason: null,
      call_back_at: '2025-06-11T15:00',
    });
    expect(await db.selectFrom('coordination_contacts').select('id').orderBy('id').execute()).toEqual([
      { id: 'k1' },
      { id: 'k2' },
    ]);
    await db.destroy();
  });

  it('checks states, answers and flags; foreign keys hold', async () => {
    const { db, migrator } = await at0005WithData();
    await migrator.migrateTo('0008-coordination');
    await expect(insertRequest(db, 'r-bad', { state: 'done' })).rejects.toThrow(/CHECK/);
    await expect(insertRequest(db, 'r-bad', { gastrostomy: 2 })).rejects.toThrow(/CHECK/);
    await expect(insertRequest(db, 'r-bad', { person_id: 'nobody' })).rejects.toThrow(/FOREIGN KEY/);
    await expect(insertRequest(db, 'r-bad', { consultation_id: 'nothing' })).rejects.toThrow(/FOREIGN KEY/);
    await expect(insertRequest(db, 'r-bad', { kind: null })).rejects.toThrow(/NOT NULL/);
    await insertRequest(db, 'r1');
    await expect(insertContact(db, 'k-bad', { answer: 'maybe' })).rejects.toThrow(/CHECK/);
    await expect(insertContact(db, 'k-bad', { institution_id: 'nowhere' })).rejects.toThrow(/FOREIGN KEY/);
    await expect(insertContact(db, 'k-bad', { request_id: 'r-none' })).rejects.toThrow(/FOREIGN KEY/);
    // a vocabulary code the app does not know yet (from a newer device) is not refused here
    await insertRequest(db, 'r2', { kind: 'facility_admission', reason: 'new_reason', urgency: 'later' });
    expect(await db.selectFrom('coordination_requests').select('id').execute()).toHaveLength(2);
    await db.destroy();
  });

  it('the board and a request’s contacts read from indexes', async () => {
    const { db, migrator } = await at0005WithData();
    await migrator.migrateTo('0008-coordination');
    const plan = async (q: ReturnType<typeof sql>) =>
      (await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${q}`.execute(db)).rows
        .map((r) => r.detail)
        .join(' / ');
    expect(await plan(sql`SELECT id FROM coordination_requests WHERE state = 'open'`)).toContain(
      'coordination_requests_board',
    );
    expect(
      await plan(sql`SELECT * FROM coordination_contacts WHERE request_id = 'r1' ORDER BY contacted_at`),
    ).toContain('coordination_contacts_request');
    expect(await plan(sql`SELECT id FROM coordination_requests WHERE person_id = 'p1'`)).toContain(
      'coordination_requests_person',
    );
    expect(
      await plan(
        sql`SELECT id FROM coordination_requests WHERE requested_on BETWEEN '2025-04-01' AND '2026-03-31'`,
      ),
    ).toContain('coordination_requests_requested');
    await db.destroy();
  });
});
