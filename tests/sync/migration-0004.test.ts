import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

describe('migration 0004-sync', () => {
  it('runs on a 0003 file with data, adds the sync tables, and checks their codes', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const sqlite = openEncrypted(join(t.dir, 'm.db'), randomBytes(32), { create: true });
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    expect((await migrator.migrateTo('0003-events')).error).toBeUndefined();
    await sql`INSERT INTO op_log (origin, seq, hlc, entity, entity_id, fields) VALUES ('d', 1, 'h', 'person', 'p', '{}')`.execute(
      db,
    );
    expect((await migrator.migrateTo('0004-sync')).error).toBeUndefined();
    const tables = (
      await sql<{
        name: string;
      }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sync_%' ORDER BY name`.execute(db)
    ).rows.map((r) => r.name);
    expect(tables).toEqual([
      'sync_conflict_resolutions',
      'sync_conflicts',
      'sync_imports',
      'sync_origins',
      'sync_peers',
      'sync_pending',
    ]);
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM op_log`.execute(db)).rows[0]!.n).toBe(1);
    const peer = (profile: string) =>
      sql`INSERT INTO sync_peers (device_id, center_name, role, sign_key, age_recipient, fingerprint, profile, paired_at, paired_by)
          VALUES (${profile}, 'c', 'center', 'k', 'age1', 'F', ${profile}, 't', 's')`.execute(db);
    await peer('statistics');
    await expect(peer('everything')).rejects.toThrow(/CHECK/);
    await expect(
      sql`INSERT INTO sync_pending (origin, seq, reason, fields, since) VALUES ('d', 1, 'whatever', '[]', 't')`.execute(
        db,
      ),
    ).rejects.toThrow(/CHECK/);
    await db.destroy();
  });
});
