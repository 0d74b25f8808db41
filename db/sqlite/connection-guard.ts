import { AsyncLocalStorage } from 'node:async_hooks';
import { SqliteDialect, type Driver } from 'kysely';

/**
 * The case file has one connection. While a transaction holds it, a query through the plain
 * Kysely (not the transaction) from the same piece of work waits for that connection for ever:
 * a save that reads through `ctx.caseFile` instead of its unit of work would hang the app.
 * Work that holds the connection runs inside `holdingConnection`; the dialect below refuses a
 * second acquisition from that work at once (INTERNAL, the transaction rolls back), while other
 * work (another call, a timer the first left for after its commit) still waits its turn.
 */
const holder = new AsyncLocalStorage<{ held: boolean }>();

export async function holdingConnection<T>(fn: () => Promise<T>): Promise<T> {
  const mark = { held: true };
  try {
    return await holder.run(mark, fn);
  } finally {
    mark.held = false; // a timer started inside sees the connection free again
  }
}

export class GuardedSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = () => {
      if (holder.getStore()?.held) {
        return Promise.reject(
          new Error(
            'This work already holds the connection (its transaction): read through the unit of work (uow.db), not ctx.caseFile or the session.',
          ),
        );
      }
      return acquire();
    };
    return driver;
  }
}
