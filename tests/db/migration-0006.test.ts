import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

const STAMPS = `'2025-06-02T03:00:00Z', 's1', '2025-06-02T03:00:00Z', 's1'`;

/** A 0005 file with a person, a consultation and an institution, as a center has them. */
async function at0005() {
  const t = tempDir();
  cleanup = t.cleanup;
  const sqlite = openEncrypted(join(t.dir, 'm.db'), randomBytes(32), { create: true });
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  expect((await migrator.migrateTo('0005-recent-index')).error).toBeUndefined();
  await sql
    .raw(
      `INSERT INTO staff (id, login, display_name, role, created_at, updated_at)
                 VALUES ('s1','a','A','counselor','','')`,
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO persons (id, name, created_at, created_by, updated_at, updated_by)
                 VALUES ('p1', '埼玉 太郎', ${STAMPS})`,
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO consultations (id, serial, origin_device, fiscal_year, received_at, received_date,
                   method, continuity, kind, consulter, person_id, created_at, created_by, updated_at, updated_by)
                 VALUES ('c1','R7-000001','d',2025,'2025-06-02T10:00','2025-06-02','phone','new','professional',
                   'self','p1', ${STAMPS})`,
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO institutions (id, type, name, created_at, created_by, updated_at, updated_by)
                 VALUES ('i1','health_center','中央保健所', ${STAMPS})`,
    )
    .execute(db);
  return { db, migrator };
}

const referral = (db: Kysely<any>, id: string, state = 'requested', template = 't1') =>
  sql
    .raw(
      `INSERT INTO referrals (id, consultation_id, person_id, institution_id, template, requested_on, state,
             created_at, created_by, updated_at, updated_by)
           VALUES ('${id}', 'c1', 'p1', 'i1', '${template}', '2025-06-02', '${state}', ${STAMPS})`,
    )
    .execute(db);

const letter = (db: Kysely<any>, id: string, seq: number, consent: string | null, reason: string | null) =>
  sql`INSERT INTO letters (id, referral_id, person_id, institution_id, template, origin_device, fiscal_year, seq,
        document_number, issued_on, issued_by, addressee, title, data_items, consent_id, consent_line,
        override_reason, fields, html_sha256, pdf_sha256, pdf_bytes, created_at, created_by, updated_at, updated_by)
      VALUES (${id}, 'r1', 'p1', 'i1', 't1', 'd', 2025, ${seq}, ${`第R7-000${seq}号`}, '2025-06-02', 's1',
        '中央保健所 御中', '情報提供書', '["identity"]', ${consent}, '口頭', ${reason}, '{}', 'h', 'p', 1,
        '2025-06-02T03:00:00Z', 's1', '2025-06-02T03:00:00Z', 's1')`.execute(db);

describe('0006-referrals-letters', () => {
  it('adds the tables on a 0005 file with data; data is kept', async () => {
    const { db, migrator } = await at0005();
    expect((await migrator.migrateTo('0006-referrals-letters')).error).toBeUndefined();
    const tables = (
      await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(
        db,
      )
    ).rows.map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'referrals',
        'consents',
        'letters',
        'letter_files',
        'letter_exports',
        'letter_counters',
      ]),
    );
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM consultations`.execute(db)).rows[0]!.n).toBe(
      1,
    );
    await referral(db, 'r1');
    const row = await sql<{ state: string; version: number }>`SELECT state, version FROM referrals`.execute(
      db,
    );
    expect(row.rows[0]).toEqual({ state: 'requested', version: 1 });
    await db.destroy();
  });

  it('checks states, templates and consent methods', async () => {
    const { db, migrator } = await at0005();
    await migrator.migrateTo('0006-referrals-letters');
    await expect(referral(db, 'r-bad', 'sent')).rejects.toThrow(/CHECK/);
    await expect(referral(db, 'r-t5', 'requested', 't5')).rejects.toThrow(/CHECK/); // T5 is a reply, not a referral
    await referral(db, 'r1');
    await expect(
      sql
        .raw(
          `INSERT INTO consents (id, person_id, method, obtained_on, obtained_by, created_at, created_by, updated_at, updated_by)
               VALUES ('k1', 'p1', 'email', '2025-06-02', 's1', ${STAMPS})`,
        )
        .execute(db),
    ).rejects.toThrow(/CHECK/);
    await db.destroy();
  });

  it('a register entry needs a consent or a written emergency reason; numbers are unique per device and year', async () => {
    const { db, migrator } = await at0005();
    await migrator.migrateTo('0006-referrals-letters');
    await referral(db, 'r1');
    await sql
      .raw(
        `INSERT INTO consents (id, person_id, recipient_ids, data_items, method, obtained_on, obtained_by,
                     created_at, created_by, updated_at, updated_by)
                   VALUES ('k1', 'p1', '["i1"]', '["identity"]', 'verbal', '2025-06-02', 's1', ${STAMPS})`,
      )
      .execute(db);
    await expect(letter(db, 'l0', 1, null, null)).rejects.toThrow(/CHECK/);
    await expect(letter(db, 'l0', 1, null, '   ')).rejects.toThrow(/CHECK/);
    await letter(db, 'l1', 1, 'k1', null);
    await letter(db, 'l2', 2, null, '意識障害があり本人の同意を得ることが困難なため');
    await expect(letter(db, 'l3', 2, 'k1', null)).rejects.toThrow(/UNIQUE/);
    await expect(
      sql
        .raw(
          `INSERT INTO letter_files (id, html, pdf_base64, created_at, created_by, updated_at, updated_by)
               VALUES ('nope', '<p>', 'JVBE', ${STAMPS})`,
        )
        .execute(db),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });

  it('lists a person’s letters and a referral’s letters from indexes', async () => {
    const { db, migrator } = await at0005();
    await migrator.migrateTo('0006-referrals-letters');
    const plan = async (q: string) =>
      (await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${sql.raw(q)}`.execute(db)).rows
        .map((r) => r.detail)
        .join(' / ');
    expect(await plan(`SELECT id FROM letters WHERE person_id = 'p1' ORDER BY issued_on`)).toContain(
      'letters_person',
    );
    expect(await plan(`SELECT id FROM letters WHERE referral_id = 'r1'`)).toContain('letters_referral');
    expect(await plan(`SELECT id FROM letter_exports WHERE person_id = 'p1'`)).toContain(
      'letter_exports_person',
    );
    await db.destroy();
  });
});
