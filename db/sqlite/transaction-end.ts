import type { SqliteDb } from './open-encrypted';

/**
 * Who wants to know when a transaction on a connection ends, and how. SQLite offers a commit
 * hook, better-sqlite3 does not; every transaction the app's use cases run goes through kysely,
 * whose COMMIT and ROLLBACK pass the statement cache (statement-cache.ts), which reports them
 * here. The audit chain uses it to know which entries were really written (a rolled-back entry's
 * id is taken again by the next one).
 */
export interface TransactionListener {
  committed(): void;
  rolledBack(): void;
}

const listeners = new WeakMap<SqliteDb, TransactionListener>();

export function onTransactionEnd(db: SqliteDb, listener: TransactionListener): void {
  listeners.set(db, listener);
}

export function transactionEnded(db: SqliteDb, committed: boolean): void {
  const l = listeners.get(db);
  if (committed) l?.committed();
  else l?.rolledBack();
}
