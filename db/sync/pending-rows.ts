import type { SqliteDb } from '../sqlite/open-encrypted';
import { SNAPSHOT_ORIGIN, type OpApplier, type Parked } from './apply-op';
import { applyRowLine, type RowLine } from './snapshot';

interface ParkedRow {
  row: RowLine;
  waiting: string[];
}

/**
 * Snapshot rows this device could not apply yet (a code, field or kind of record from a newer
 * app). A snapshot row has no op to point at, so it waits in sync_pending under the snapshot
 * origin, a seq of its own below zero, and in `fields` the row itself (its fields and clocks)
 * with the names of the fields that wait.
 * Dropping it instead would lose the record here for good: the sender has pruned its ops, and
 * this device's floor says it holds their effect.
 */
export function parkRow(sqlite: SqliteDb, row: RowLine, p: Parked, now: string): void {
  // a later snapshot of the same row replaces the one waiting (its clocks are at least as new)
  dropParkedRow(sqlite, row);
  const seq = sqlite
    .prepare(`SELECT coalesce(min(seq), 0) - 1 FROM sync_pending WHERE origin = ?`)
    .pluck()
    .get(SNAPSHOT_ORIGIN) as number;
  sqlite
    .prepare(`INSERT INTO sync_pending (origin, seq, reason, fields, since) VALUES (?, ?, ?, ?, ?)`)
    .run(SNAPSHOT_ORIGIN, seq, p.reason, JSON.stringify({ row, waiting: p.fields }), now);
}

/** Retries every parked snapshot row; returns how many applied in full (and left the list). */
export function retryParkedRows(sqlite: SqliteDb, applier: OpApplier): number {
  const rows = sqlite
    .prepare(`SELECT seq, reason, fields FROM sync_pending WHERE origin = ? ORDER BY seq DESC`)
    .all(SNAPSHOT_ORIGIN) as { seq: number; reason: string; fields: string }[];
  const del = sqlite.prepare(`DELETE FROM sync_pending WHERE origin = ? AND seq = ?`);
  let applied = 0;
  const keep = sqlite.prepare(`UPDATE sync_pending SET reason = ?, fields = ? WHERE origin = ? AND seq = ?`);
  for (const r of rows) {
    const { row, waiting } = JSON.parse(r.fields) as ParkedRow;
    const still = applyRowLine(sqlite, applier, row, waiting);
    if (!still) {
      del.run(SNAPSHOT_ORIGIN, r.seq);
      applied++;
    } else if (still.reason !== r.reason || still.fields.length !== waiting.length) {
      keep.run(still.reason, JSON.stringify({ row, waiting: still.fields }), SNAPSHOT_ORIGIN, r.seq);
    }
  }
  return applied;
}

function dropParkedRow(sqlite: SqliteDb, row: RowLine): void {
  sqlite
    .prepare(
      `DELETE FROM sync_pending WHERE origin = ?
         AND json_extract(fields, '$.row.entity') = ? AND json_extract(fields, '$.row.entityId') = ?`,
    )
    .run(SNAPSHOT_ORIGIN, row.entity, row.entityId);
}
