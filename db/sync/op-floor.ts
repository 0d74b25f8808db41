import type { SqliteDb } from '../sqlite/open-encrypted';
import type { VersionVector } from './version-vector';

/**
 * Per origin device, the highest seq whose ops may be gone from op_log here: pruned once every
 * peer acknowledged them (db/sync/prune.ts), or never received because a snapshot of the rows
 * brought their effect (db/sync/snapshot.ts). Every op of the origin up to it is reflected in
 * the rows. A few ops at or below it may still be in op_log (a parked op, a row with a listed
 * conflict): they are kept for the merge and sent on like any other.
 */
export function readFloor(sqlite: SqliteDb): VersionVector {
  const rows = sqlite.prepare(`SELECT origin, seq FROM op_floor`).all() as { origin: string; seq: number }[];
  return Object.fromEntries(rows.map((r) => [r.origin, r.seq]));
}

/** Floors only move up. */
export function raiseFloor(sqlite: SqliteDb, floor: VersionVector): void {
  const put = sqlite.prepare(
    `INSERT INTO op_floor (origin, seq) VALUES (?, ?)
     ON CONFLICT (origin) DO UPDATE SET seq = max(seq, excluded.seq)`,
  );
  for (const [origin, seq] of Object.entries(floor)) if (seq > 0) put.run(origin, seq);
}

/** Origins where a peer's acknowledged vector is below this device's floor: it needs a snapshot. */
export function belowFloor(floor: VersionVector, acked: VersionVector): string[] {
  return Object.entries(floor)
    .filter(([origin, seq]) => (acked[origin] ?? 0) < seq)
    .map(([origin]) => origin);
}
