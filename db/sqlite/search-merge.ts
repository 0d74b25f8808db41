import type { SqliteDb } from './open-encrypted';

/**
 * Pages of the trigram index (search_fts) one idle tick may merge (≈256 KiB): at 100,000
 * consultations a step of 256 took 20–100 ms while a large merge was under way, and a save
 * clicked meanwhile waits for it. Unfinished work goes on at the next tick (idle-checkpoint.ts);
 * a save adds one small segment, so most pauses find little or nothing to merge.
 */
export const MERGE_PAGES_PER_PAUSE = 64;

/**
 * Merges the trigram index's small segments while the counselor pauses. FTS5 writes each
 * transaction's new terms as a segment and, by default (automerge), merges segments inside the
 * next writes: a save that happened to come at that moment wrote 40–150 pages instead of ≈55
 * (issue 20). Migration 0019 turns automerge off for search_fts; this does the merging instead,
 * called by the idle checkpoint (idle-checkpoint.ts) before it checkpoints. A positive count
 * merges only where a level holds `usermerge` (4) segments, so a pause with nothing to merge
 * writes nothing. Should no pause come (an import), FTS5 still merges a level at 16 segments
 * (crisismerge), so the index never grows without bound. Returns whether anything was merged
 * (then there may be more).
 */
export function mergeSearchIndex(sqlite: SqliteDb, pages = MERGE_PAGES_PER_PAUSE): boolean {
  const changes = () => (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const before = changes();
  sqlite.prepare(`INSERT INTO search_fts(search_fts, rank) VALUES ('merge', ?)`).run(pages);
  return changes() - before > 1; // the command itself counts one change; a merge writes more
}
