import { Kysely, sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { fileBeforeMigration } from '../fixtures/migration-step';

let cleanup = () => {};
afterEach(() => cleanup());

const plan = async (db: Kysely<any>, q: string) =>
  (await sql.raw<{ detail: string }>(`EXPLAIN QUERY PLAN ${q}`).execute(db)).rows
    .map((r) => r.detail)
    .join(' / ');

it('0014-short-term-search: documents written before it are found by 1–2 characters from the indexes, with no scan', async () => {
  const m = await fileBeforeMigration('0014-short-term-search');
  cleanup = m.cleanup;
  const { sqlite, db } = m;
  // search documents as the app wrote them before 0014 (the trigram index follows by trigger);
  // their consultations do not matter here
  sqlite.pragma('foreign_keys = OFF');
  const docs = ['佐藤 花子 r7-000001', '山田 太郎 肺炎 r7-000002', 'als の相談 r7-000012'];
  for (const [i, text] of docs.entries())
    await sql`INSERT INTO search_docs (consultation_id, text) VALUES (${`c${i}`}, ${text})`.execute(db);

  await m.apply();

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
