import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseFile } from '../../db/case-file';
import { MIGRATION_NAMES, MIGRATIONS, SCHEMA_VERSION } from '../../db/migrations';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { ADMIN, newCaseFile, tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

function freshDb() {
  const t = tempDir();
  cleanup = t.cleanup;
  const sqlite = openEncrypted(join(t.dir, 'm.db'), randomBytes(32), { create: true });
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const tables = async () =>
    (
      await sql<{
        name: string;
      }>`SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name`.execute(db)
    ).rows.map((r) => r.name);
  return { sqlite, db, migrator, tables, dir: t.dir };
}

describe('migrations', () => {
  it('are listed in order with stable names; the schema version is their count', () => {
    expect(MIGRATION_NAMES).toEqual([
      '0001-foundation',
      '0002-consultation-core',
      '0003-events',
      '0004-sync',
      '0005-recent-index',
      '0006-referrals-letters',
      '0007-audit-chain',
      '0008-coordination',
      '0009-referral-coordination',
      '0010-center-identity',
      '0011-continuity-history',
      '0012-activities-designations',
      '0013-search-names-serials',
      '0014-short-term-search',
      '0015-sync-review',
      '0016-clock-skew',
      '0017-op-floor',
      '0018-report-lists',
      '0019-save-pages',
    ]);
    expect(SCHEMA_VERSION).toBe(MIGRATION_NAMES.length);
  });

  it('0001-foundation: meta, staff (role checked), audit log', async () => {
    const { db, migrator, tables } = freshDb();
    const r = await migrator.migrateTo('0001-foundation');
    expect(r.error).toBeUndefined();
    expect(await tables()).toEqual(expect.arrayContaining(['meta', 'staff', 'audit_log']));
    expect(await tables()).not.toContain('consultations');
    await expect(
      sql`INSERT INTO staff (id, login, display_name, role, created_at, updated_at) VALUES ('1','a','A','superuser','','')`.execute(
        db,
      ),
    ).rejects.toThrow(/CHECK/);
    await db.destroy();
  });

  it('0002-consultation-core: runs on a 0001 file with data, and its search index follows by trigger', async () => {
    const { db, migrator, tables } = freshDb();
    await migrator.migrateTo('0001-foundation');
    await sql`INSERT INTO staff (id, login, display_name, role, created_at, updated_at) VALUES ('s1','a','A','counselor','','')`.execute(
      db,
    );
    const r = await migrator.migrateToLatest();
    expect(r.error).toBeUndefined();
    expect(await tables()).toEqual(
      expect.arrayContaining([
        'persons',
        'consultations',
        'consultation_categories',
        'follow_ups',
        'cases',
        'institutions',
        'op_log',
        'row_clocks',
        'search_docs',
        'search_fts',
      ]),
    );
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM staff`.execute(db)).rows[0]!.n).toBe(1); // data kept
    // the FTS index is kept in step with search_docs by triggers
    await sql`INSERT INTO consultations (id, serial, origin_device, fiscal_year, received_at, received_date, method, continuity, kind, consulter, created_at, created_by, updated_at, updated_by)
              VALUES ('c1','R7-000001','d',2025,'2025-04-01T10:00:00','2025-04-01','phone','new','professional','self','','s1','','s1')`.execute(
      db,
    );
    await sql`INSERT INTO search_docs (consultation_id, text) VALUES ('c1', 'やまだ はなこ 吸引の相談')`.execute(
      db,
    );
    const hit = async (q: string) =>
      (
        await sql<{
          id: string;
        }>`SELECT d.consultation_id AS id FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid WHERE search_fts MATCH ${q}`.execute(
          db,
        )
      ).rows.length;
    expect(await hit('"吸引の"')).toBe(1);
    await sql`UPDATE search_docs SET text = 'さとう' WHERE consultation_id = 'c1'`.execute(db);
    expect(await hit('"吸引の"')).toBe(0);
    await sql`DELETE FROM search_docs`.execute(db);
    expect(await hit('"さとう"')).toBe(0);
    await db.destroy();
  });

  it('an older case file is copied (still encrypted, with its key slots) before it is migrated', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { casefile, caseFile } = await newCaseFile(t.dir);
    // turn the new file back into a schema-1 file: drop everything later migrations made
    const keep = new Set([
      'meta',
      'staff',
      'audit_log',
      'kysely_migration',
      'kysely_migration_lock',
      'sqlite_sequence',
    ]);
    const tables = (
      caseFile.sqlite
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
        .all() as {
        name: string;
        sql: string;
      }[]
    ).filter((t) => !keep.has(t.name) && !/^search_fts_/.test(t.name));
    caseFile.sqlite.pragma('foreign_keys = OFF');
    for (const t of [...tables].sort(
      (a, b) => Number(/VIRTUAL/.test(b.sql)) - Number(/VIRTUAL/.test(a.sql)),
    )) {
      caseFile.sqlite.exec(`DROP TABLE IF EXISTS "${t.name}"`);
    }
    // what later migrations added to the tables 0001 made
    caseFile.sqlite.exec(`DROP INDEX audit_log_action; DROP INDEX audit_log_login`);
    caseFile.sqlite.exec(`ALTER TABLE audit_log DROP COLUMN prev_mac; ALTER TABLE audit_log DROP COLUMN mac`);
    caseFile.sqlite.exec(`DELETE FROM meta WHERE key = 'audit_chain'`);
    caseFile.sqlite.exec(`DELETE FROM kysely_migration WHERE name <> '0001-foundation'`);
    await caseFile.lock();
    const cf = await CaseFile.unlock({ casefile, login: ADMIN.login, passphrase: ADMIN.passphrase });
    expect((await cf.integrityCheck()).schemaVersion).toBe(SCHEMA_VERSION);
    await cf.lock();
    const backups = readdirSync(t.dir).filter((f) => f.includes('.pre-migration-v1-'));
    expect(backups.some((f) => f.endsWith('.bak'))).toBe(true);
    expect(backups.some((f) => f.endsWith('.bak.keys'))).toBe(true);
    const bak = join(
      t.dir,
      backups.find((f) => f.endsWith('.bak'))!,
    );
    expect(readFileSync(bak).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    // the backup opens with the same passphrase and is still at schema 1
    const { renameSync } = await import('node:fs');
    renameSync(bak, join(t.dir, 'restored.yorisoi'));
    renameSync(`${bak}.keys`, join(t.dir, 'restored.yorisoi.keys'));
    const restoredPath = join(t.dir, 'restored.yorisoi');
    const { readKeySlotFile } = await import('../../db/crypto/keyslot-file');
    const { findStaffSlot, unwrapDataKey } = await import('../../db/crypto/key-slots');
    const body = readKeySlotFile(`${restoredPath}.keys`);
    const key = await unwrapDataKey(body.fileId, findStaffSlot(body, ADMIN.login), ADMIN.passphrase);
    const restored = openEncrypted(restoredPath, key);
    const names = (
      restored.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]
    ).map((r) => r.name);
    restored.close();
    expect(names).toEqual(['0001-foundation']);
  });
});
