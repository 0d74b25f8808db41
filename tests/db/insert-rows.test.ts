import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { insertRows } from '../../db/records/insert-rows';
import type { DB } from '../../db/schema';

let sqlite: Database.Database;
let db: Kysely<DB>;
beforeEach(() => {
  sqlite = new Database(':memory:');
  sqlite.exec(
    `CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT NOT NULL DEFAULT 'def', "we""ird" TEXT)`,
  );
  db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
});
afterEach(() => db.destroy());

const inTx = (fn: (trx: Transaction<DB>) => Promise<void>) => db.transaction().execute(fn);
const rows = () => sqlite.prepare('SELECT * FROM t ORDER BY id').all();

it('inserts like the builder: an undefined column takes its default, several rows in one statement', async () => {
  await inTx((trx) => insertRows(trx, 't', [{ id: 1, a: 'x', b: undefined }]));
  await inTx((trx) =>
    insertRows(trx, 't', [
      { id: 2, a: null, b: 'y' },
      { id: 3, a: 'z', b: 'w' },
    ]),
  );
  await inTx((trx) => insertRows(trx, 't', [])); // nothing to insert
  expect(rows()).toEqual([
    { id: 1, a: 'x', b: 'def', 'we"ird': null },
    { id: 2, a: null, b: 'y', 'we"ird': null },
    { id: 3, a: 'z', b: 'w', 'we"ird': null },
  ]);
});

it('a column name is quoted, never read as SQL; a bad row changes nothing', async () => {
  await inTx((trx) => insertRows(trx, 't', [{ id: 1, 'we"ird': 'ok' }]));
  expect(rows()).toEqual([{ id: 1, a: null, b: 'def', 'we"ird': 'ok' }]);
  await expect(
    inTx((trx) => insertRows(trx, 't', [{ id: 2, 'a) VALUES (9); DROP TABLE t; --': 'x' }])),
  ).rejects.toThrow(/no column/);
  await expect(inTx((trx) => insertRows(trx, 't', [{ id: 1, a: 'dup' }]))).rejects.toThrow(/UNIQUE/);
  expect(rows()).toHaveLength(1);
});

it('rows of different shapes go through the builder: a column one row lacks is NULL there', async () => {
  await inTx((trx) =>
    insertRows(trx, 't', [
      { id: 1, a: 'x' },
      { id: 2, 'we"ird': 'y' },
    ]),
  );
  expect(rows()).toEqual([
    { id: 1, a: 'x', b: 'def', 'we"ird': null },
    { id: 2, a: null, b: 'def', 'we"ird': 'y' },
  ]);
});
