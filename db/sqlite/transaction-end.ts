import type { SqliteDb } from './open-encrypted';

/**
 * Who wants to know when a transaction on a connection ends, and how. SQLite offers a commit
 * hook, better-sqlite3 does not; every transaction the app's use cases run goes through kysely,
 * whose COMMIT and ROLLBACK pass the statement cache (statement-cache.ts), which reports them
 * here. The audit chain uses it to know which entries were really written (a rolled-back entry's
 * id is taken again by the next one); the checkpoint scheduler (idle-checkpoint.ts) to know when
 * the counselor last saved.
 */
export interface TransactionListener {
  committed(): void;
  rolledBack(): void;
}

const listeners = new WeakMap<SqliteDb, TransactionListener[]>();

export function onTransactionEnd(db: SqliteDb, listener: TransactionListener): void {
  const list = listeners.get(db);
  if (list) list.push(listener);
  else listeners.set(db, [listener]);
}

export function transactionEnded(db: SqliteDb, committed: boolean): void {
  for (const l of listeners.get(db) ?? []) {
    if (committed) l.committed();
    else l.rolledBack();
  }
}
