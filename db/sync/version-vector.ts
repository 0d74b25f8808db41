import type { SqliteDb } from '../sqlite/open-encrypted';

/** Per origin device, the highest seq held with nothing missing below it. */
export type VersionVector = Record<string, number>;

/**
 * This device's vector. Imports only ever append an origin's next seq (an op beyond a gap waits
 * for a later bundle), so max(seq) per origin is the contiguous high mark; ops pruned (or brought
 * by a snapshot) are counted through op_floor, which records how far they went.
 */
export function localVector(sqlite: SqliteDb): VersionVector {
  const rows = sqlite
    .prepare(
      `SELECT origin, max(seq) AS seq FROM (
         SELECT origin, max(seq) AS seq FROM op_log GROUP BY origin
         UNION ALL SELECT origin, seq FROM op_floor)
       GROUP BY origin`,
    )
    .all() as { origin: string; seq: number }[];
  return Object.fromEntries(rows.map((r) => [r.origin, r.seq]));
}

/** Element-wise maximum: acknowledgements only move forward, whatever order receipts arrive in. */
export function mergeVectors(a: VersionVector, b: VersionVector): VersionVector {
  const out: VersionVector = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
}

export function parseVector(json: string): VersionVector {
  const v = JSON.parse(json) as unknown;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>).filter(
      (e): e is [string, number] => typeof e[1] === 'number' && Number.isInteger(e[1]) && e[1] >= 0,
    ),
  );
}

/**
 * What the next bundle to a peer would carry: ops and their bytes as written in a bundle body
 * (before compression), so a peer that never answers shows how its bundles grow (issue 17).
 */
export function waitingLoad(
  sqlite: SqliteDb,
  acked: VersionVector,
  peerId: string,
): { ops: number; bytes: number } {
  const row = sqlite
    .prepare(
      `SELECT count(*) AS n,
              coalesce(sum(length(o.fields) + length(o.prev) + length(o.hlc) + length(o.entity_id)
                           + length(o.origin) + coalesce(length(o.staff_id), 4) + 90), 0) AS bytes
         FROM op_log o LEFT JOIN json_each(?) a ON a.key = o.origin
        WHERE o.origin <> ? AND o.seq > coalesce(a.value, 0)`,
    )
    .get(JSON.stringify(acked), peerId) as { n: number; bytes: number };
  return { ops: row.n, bytes: row.bytes };
}

/** How many ops this device holds that a peer (with `acked`) has not acknowledged. */
export function waitingCount(sqlite: SqliteDb, acked: VersionVector, peerId: string): number {
  const row = sqlite
    .prepare(
      `SELECT count(*) AS n FROM op_log o LEFT JOIN json_each(?) a ON a.key = o.origin
        WHERE o.origin <> ? AND o.seq > coalesce(a.value, 0)`,
    )
    .get(JSON.stringify(acked), peerId) as { n: number };
  return row.n;
}
