import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

it('0005-recent-index: a newest-first page of a search walks the index instead of sorting every hit', async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const sqlite = openEncrypted(join(t.dir, 'm.db'), randomBytes(32), { create: true });
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  expect((await migrator.migrateTo('0005-recent-index')).error).toBeUndefined();
  const plan = (
    await sql<{ detail: string }>`EXPLAIN QUERY PLAN
      SELECT c.id FROM consultations c
      WHERE c.deleted_at IS NULL AND +c.id IN (SELECT consultation_id FROM search_docs WHERE instr(text, 'x') > 0)
      ORDER BY c.received_at DESC, c.id DESC LIMIT 100`.execute(db)
  ).rows.map((r) => r.detail);
  expect(plan.join('\n')).toContain('consultations_recent');
  expect(plan.join('\n')).not.toContain('TEMP B-TREE FOR ORDER BY');
  await db.destroy();
});
