import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

async function at0002() {
  const t = tempDir();
  cleanup = t.cleanup;
  const sqlite = openEncrypted(join(t.dir, 'm.db'), randomBytes(32), { create: true });
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  expect((await migrator.migrateTo('0002-consultation-core')).error).toBeUndefined();
  await sql`INSERT INTO staff (id, login, display_name, role, created_at, updated_at) VALUES ('s1','a','A','counselor','','')`.execute(
    db,
  );
  await sql`INSERT INTO consultations (id, serial, origin_device, fiscal_year, received_at, received_date, site_kind, event_id, method, continuity, kind, consulter, created_at, created_by, updated_at, updated_by)
            VALUES ('c1','R7-000001','d',2025,'2025-06-10T10:00:00','2025-06-10','outreach','e1','outreach','new','professional','self','','s1','','s1')`.execute(
    db,
  );
  return { db, migrator };
}

const insertEvent = (db: Kysely<any>, kind: string, participants: number | null) =>
  sql`INSERT INTO events (id, kind, title, date, participants, created_at, created_by, updated_at, updated_by)
      VALUES (${`e-${kind}-${participants}`}, ${kind}, '出張相談会', '2025-06-10', ${participants}, '', 's1', '', 's1')`.execute(
    db,
  );

describe('0003-events', () => {
  it('adds the events table on a 0002 file with data; kind and participants are checked', async () => {
    const { db, migrator } = await at0002();
    expect((await migrator.migrateTo('0003-events')).error).toBeUndefined();
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM consultations`.execute(db);
    expect(n.rows[0]!.n).toBe(1); // data kept
    await insertEvent(db, 'outreach_consultation', 12);
    await insertEvent(db, 'peer_training', null);
    const row = await sql<{ organisers: string; version: number; deleted_at: string | null }>`
      SELECT organisers, version, deleted_at FROM events WHERE kind = 'outreach_consultation'`.execute(db);
    expect(row.rows[0]).toEqual({ organisers: '[]', version: 1, deleted_at: null });
    await expect(insertEvent(db, 'party', 1)).rejects.toThrow(/CHECK/);
    await expect(insertEvent(db, 'lecture', -1)).rejects.toThrow(/CHECK/);
    await db.destroy();
  });

  it('the report reads consultations from a covering index, and events by date', async () => {
    const { db, migrator } = await at0002();
    await migrator.migrateTo('0003-events');
    const plan = async (q: ReturnType<typeof sql>) =>
      (await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${q}`.execute(db)).rows
        .map((r) => r.detail)
        .join(' / ');
    // the columns report-selection.ts copies, under the report's WHERE
    expect(
      await plan(sql`SELECT c.id, c.rowid, c.person_id, c.received_at, c.site_kind, c.event_id, c.method, c.continuity,
        c.kind, c.consulter, c.sex, c.age_band, c.residence, c.municipality_code, c.health_center_id,
        c.diagnosis_status, c.disease_other, c.employment, c.duration_min, c.main_category
        FROM consultations c WHERE c.fiscal_year = 2025 AND c.received_date BETWEEN '2025-04-01' AND '2026-03-31'
        AND c.deleted_at IS NULL`),
    ).toContain('COVERING INDEX consultations_report');
    expect(
      await plan(sql`SELECT * FROM events e WHERE e.date BETWEEN '2025-04-01' AND '2026-03-31'`),
    ).toContain('INDEX events_date');
    expect(await plan(sql`SELECT count(*) FROM consultations WHERE event_id = 'e1'`)).toContain(
      'INDEX consultations_event',
    );
    await db.destroy();
  });
});
