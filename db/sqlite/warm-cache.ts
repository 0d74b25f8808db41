import type { SqliteDb } from './open-encrypted';

/** A table read by rowid, or one index read in the order of its first key column. */
export type WarmTarget = string | { table: string; index: string; key: string };

/**
 * What a counselor's first actions after login read, in that order: the trigram index and the
 * folded documents (a first search; 1–2 character queries scan the documents), then what a save
 * for a person already on file reads or adds to at random places — the person, their case, their
 * earlier consultations, the consultation indexes by case and by municipality, the documents'
 * suffix indexes (issue 20: at 100,000 consultations ≈4 such pages per save were read and
 * decrypted inside it; with them warm the save's p50 was ≈1 ms lower) — and last the
 * consultations (a first list). Indexes a save only appends to (by id, by date) need no warming:
 * their last pages are read by the first save. ≈245 MiB at 100,000 consultations, inside the
 * 256 MiB cache (open-encrypted.ts); in a larger file the earliest pages read give way first.
 */
export const WARM_TARGETS: readonly WarmTarget[] = [
  'search_fts_data',
  'search_docs',
  'persons',
  { table: 'persons', index: 'sqlite_autoindex_persons_1', key: 'id' },
  'cases',
  { table: 'cases', index: 'sqlite_autoindex_cases_1', key: 'id' },
  { table: 'cases', index: 'cases_person', key: 'person_id' },
  { table: 'consultations', index: 'consultations_history', key: 'person_id' },
  { table: 'consultations', index: 'consultations_case', key: 'case_id' },
  { table: 'consultations', index: 'consultations_municipality', key: 'municipality_code' },
  { table: 'search_docs', index: 'search_docs_last1', key: 'substr(text, -1)' },
  { table: 'search_docs', index: 'search_docs_last2', key: 'substr(text, -2)' },
  'consultations',
];

const ROWS_PER_STEP = 2000;

export interface CacheWarm {
  /** resolves with the rows (and index entries) visited once every target was read, or when stopped */
  done: Promise<number>;
  stop(): void;
}

/** One step over a target: the rows it read, and where the next step starts (null: done). */
type Step = (after: unknown) => { visited: number; next: unknown };

/**
 * A rowid range visits the table's leaf pages, where the rows are. An index is read through a
 * covering query in the order of its first key column: `ROWS_PER_STEP` entries past the last
 * key, then the rest of the last key's entries (a key shared by thousands — a municipality, a
 * document's last character — would otherwise be cut at the step's edge), NULL keys first.
 */
function stepOver(sqlite: SqliteDb, target: WarmTarget): Step {
  if (typeof target === 'string') {
    const q = sqlite.prepare(
      `SELECT count(*) AS n, max(rowid) AS last FROM (SELECT rowid FROM "${target}" WHERE rowid > ? ORDER BY rowid LIMIT ${ROWS_PER_STEP})`,
    );
    return (after) => {
      const r = q.get(after ?? Number.MIN_SAFE_INTEGER) as { n: number; last: number | null };
      return { visited: r.n, next: r.n < ROWS_PER_STEP || r.last === null ? null : r.last };
    };
  }
  const { table, index, key } = target;
  const from = `"${table}" INDEXED BY "${index}"`;
  const nulls = sqlite.prepare(`SELECT count(*) FROM ${from} WHERE ${key} IS NULL`).pluck();
  const first = sqlite.prepare(
    `SELECT ${key} FROM ${from} WHERE ${key} IS NOT NULL ORDER BY ${key} LIMIT ${ROWS_PER_STEP}`,
  );
  const past = sqlite.prepare(
    `SELECT ${key} FROM ${from} WHERE ${key} > ? ORDER BY ${key} LIMIT ${ROWS_PER_STEP}`,
  );
  const run = sqlite.prepare(`SELECT count(*) FROM ${from} WHERE ${key} = ?`).pluck();
  return (after) => {
    let visited = 0;
    if (after === undefined) visited += nulls.get() as number;
    const keys = (after === undefined ? first.pluck().all() : past.pluck().all(after)) as unknown[];
    if (keys.length < ROWS_PER_STEP) return { visited: visited + keys.length, next: null };
    const last = keys[keys.length - 1];
    const before = keys.findIndex((k) => k === last);
    return { visited: visited + before + (run.get(last) as number), next: last };
  };
}

/**
 * Reads the targets' pages into SQLite's page cache after an unlock, a few thousand rows per
 * step with the event loop free between steps (each step a few milliseconds), so the first
 * search and the first saves after login do not pay for decrypting the pages they need (at
 * 100,000 consultations a first search took 30–150 ms instead of 5–15 ms). `stop()` (lock) ends
 * it before the next step; a target this file does not have is skipped.
 */
export function warmPageCache(sqlite: SqliteDb, targets: readonly WarmTarget[] = WARM_TARGETS): CacheWarm {
  let stopped = false;
  const done = new Promise<number>((resolve) => {
    let visited = 0;
    let t = 0;
    let step: Step | null = null;
    let after: unknown = undefined;
    const nextTarget = () => {
      t += 1;
      step = null;
      after = undefined;
    };
    const tick = () => {
      if (stopped || !sqlite.open || t >= targets.length) return resolve(visited);
      try {
        step ??= stepOver(sqlite, targets[t]!);
        const r = step(after);
        visited += r.visited;
        if (r.next === null) nextTarget();
        else after = r.next;
      } catch {
        // a table or index this file does not have, or a busy moment: go on with the next one
        nextTarget();
      }
      setImmediate(tick);
    };
    setImmediate(tick);
  });
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
}
