import type { SqliteDb } from './open-encrypted';

/**
 * The tables a counselor's first search and first list read, in that order: the trigram
 * index, the folded documents (1–2 character queries scan them), the consultations.
 */
export const WARM_TABLES = ['search_fts_data', 'search_docs', 'consultations'] as const;

const ROWS_PER_STEP = 2000;

export interface CacheWarm {
  /** resolves with the rows visited once every table was read, or when stopped */
  done: Promise<number>;
  stop(): void;
}

/**
 * Reads the tables' pages into SQLite's page cache after an unlock, a few thousand rows per
 * step with the event loop free between steps (each step a few milliseconds), so the first
 * search after login does not pay for decrypting the pages it needs (at 100,000 consultations
 * a first search took 30–150 ms instead of 5–15 ms). A rowid range visits the table's leaf
 * pages, where the rows are; `stop()` (lock) ends it before the next step.
 */
export function warmPageCache(sqlite: SqliteDb, tables: readonly string[] = WARM_TABLES): CacheWarm {
  let stopped = false;
  const done = new Promise<number>((resolve) => {
    let visited = 0;
    let t = 0;
    let after = Number.MIN_SAFE_INTEGER;
    const step = () => {
      if (stopped || !sqlite.open || t >= tables.length) return resolve(visited);
      try {
        const r = sqlite
          .prepare(
            `SELECT count(*) AS n, max(rowid) AS last FROM (SELECT rowid FROM "${tables[t]}" WHERE rowid > ? ORDER BY rowid LIMIT ${ROWS_PER_STEP})`,
          )
          .get(after) as { n: number; last: number | null };
        visited += r.n;
        if (r.n < ROWS_PER_STEP || r.last === null) {
          t += 1;
          after = Number.MIN_SAFE_INTEGER;
        } else after = r.last;
      } catch {
        // a table this file does not have, or a busy moment: go on with the next table
        t += 1;
        after = Number.MIN_SAFE_INTEGER;
      }
      setImmediate(step);
    };
    setImmediate(step);
  });
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
}
