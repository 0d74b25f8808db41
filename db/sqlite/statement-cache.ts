import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { SqliteDb } from './open-encrypted';

const ALREADY_ROLLED_BACK: SqliteStatement = {
  reader: false,
  all: () => [],
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
  *iterate() {},
};

/**
 * Kysely prepares every query afresh; preparing was about a fifth of the CPU time of a save.
 * better-sqlite3 statements are reusable (and SQLite re-prepares them itself after a schema
 * change), so the database handed to kysely keeps them by SQL text. Bounded: a long-running
 * app with many distinct queries just starts over.
 */
export function withStatementCache(db: SqliteDb, max = 2000): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      // SQLite rolls a transaction back by itself on SQLITE_FULL or an I/O error; kysely's own
      // ROLLBACK would then fail with "no transaction is active" and hide the real error
      if (!db.inTransaction && /^\s*rollback\s*$/i.test(sql)) return ALREADY_ROLLED_BACK;
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = db.prepare(sql) as unknown as SqliteStatement;
        if (cache.size >= max) cache.clear();
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}
