import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { openEncrypted } from '../../db/sqlite/open-encrypted';
import { tempDir } from '../fixtures/temp-casefile';

let cleanup = () => {};
afterEach(() => cleanup());

const plan = async (db: Kysely<any>, q: string) =>
  (await sql.raw<{ detail: string }>(`EXPLAIN QUERY PLAN ${q}`).execute(db)).rows
    .map((r) => r.detail)
    .join(' / ');

it('0014-short-term-search: documents written before it are found by 1–2 characters from the indexes, with no scan', async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const sqlite = openEncrypted(join(t.dir, 'm.db'), randomBytes(32), { create: true });
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const before = Object.keys(MIGRATIONS)[Object.keys(MIGRATIONS).indexOf('0014-short-term-search') - 1]!;
  expect((await migrator.migrateTo(before)).error).toBeUndefined();
  // search documents as the app wrote them before 0014 (the trigram index follows by trigger);
  // their consultations do not matter here
  sqlite.pragma('foreign_keys = OFF');
  const docs = ['佐藤 花子 r7-000001', '山田 太郎 肺炎 r7-000002', 'als の相談 r7-000012'];
  for (const [i, text] of docs.entries())
    await sql`INSERT INTO search_docs (consultation_id, text) VALUES (${`c${i}`}, ${text})`.execute(db);

  expect((await migrator.migrateTo('0014-short-term-search')).error).toBeUndefined();

  const starts = async (term: string, next: string) =>
    (
      await sql<{
        doc: number;
      }>`SELECT DISTINCT doc FROM search_trigrams WHERE term >= ${term} AND term < ${next} ORDER BY doc`.execute(
        db,
      )
    ).rows.map((r) => r.doc);
  expect(await starts('佐藤', '佐藥')).toEqual([1]); // rowid of the first document
  expect(await starts('肺炎', '肺炏')).toEqual([2]);
  expect(await starts('al', 'am')).toEqual([3]);
  // the documents' last characters, where no trigram begins
  const last2 = await sql<{
    consultation_id: string;
  }>`SELECT consultation_id FROM search_docs WHERE substr(text, -2) = '12'`.execute(db);
  expect(last2.rows).toEqual([{ consultation_id: 'c2' }]);
  expect(await plan(db, `SELECT rowid FROM search_docs WHERE substr(text, -2) = '12'`)).toContain(
    'USING COVERING INDEX search_docs_last2',
  );
  expect(await plan(db, `SELECT rowid FROM search_docs WHERE substr(text, -1) = '2'`)).toContain(
    'USING COVERING INDEX search_docs_last1',
  );
  // a document written after it is in both at once (the index by trigger, the tails by SQLite)
  await sql`INSERT INTO search_docs (consultation_id, text) VALUES ('c3', '佐 r7-000013')`.execute(db);
  expect(await starts('佐', '佑')).toEqual([1, 4]);
  await db.destroy();
});
