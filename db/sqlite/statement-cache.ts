import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { SqliteDb } from './open-encrypted';
import { transactionEnded } from './transaction-end';

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
      if (!db.inTransaction && /^\s*rollback\s*$/i.test(sql)) {
        transactionEnded(db, false);
        return ALREADY_ROLLED_BACK;
      }
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = reportingEnd(db, sql, db.prepare(sql) as unknown as SqliteStatement);
        if (cache.size >= max) cache.clear();
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/** COMMIT and ROLLBACK tell transaction-end.ts once they have run. */
function reportingEnd(db: SqliteDb, sql: string, stmt: SqliteStatement): SqliteStatement {
  const ends = /^\s*(commit|rollback)\s*$/i.exec(sql);
  if (!ends) return stmt;
  const committed = ends[1]!.toLowerCase() === 'commit';
  return {
    reader: stmt.reader,
    all: (p) => stmt.all(p),
    iterate: (p) => stmt.iterate(p),
    run: (p) => {
      const r = stmt.run(p);
      transactionEnded(db, committed);
      return r;
    },
  };
}
