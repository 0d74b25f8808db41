import type { SqliteDb } from '../sqlite/open-encrypted';
import type { IncomingOp, OpApplier, Parked } from './apply-op';
import { retryParkedRows } from './pending-rows';

/**
 * Ops (or some of their fields) this device could not apply yet: written by a newer app (an
 * entity or field this schema lacks), or an edit whose row has not arrived. The op itself is in
 * op_log (received, counted in the version vector, forwarded to other peers); this table says
 * what of it still waits. Retried after every import and after an upgrade.
 */
export function park(
  sqlite: SqliteDb,
  op: Pick<IncomingOp, 'origin' | 'seq'>,
  p: Parked,
  now: string,
  /** the peer that delivered an op kept apart as another center's */
  sender: string | null = null,
): void {
  sqlite
    .prepare(
      `INSERT INTO sync_pending (origin, seq, reason, fields, since, sender) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (origin, seq) DO UPDATE SET reason = excluded.reason, fields = excluded.fields`,
    )
    .run(op.origin, op.seq, p.reason, JSON.stringify(p.fields), now, sender);
}

/** Retries every parked snapshot row and op (oldest first); returns how many were applied in full. */
export function retryPending(sqlite: SqliteDb, applier: OpApplier): { applied: number; remaining: number } {
  const count = () => (sqlite.prepare(`SELECT count(*) AS n FROM sync_pending`).get() as { n: number }).n;
  if (count() === 0) return { applied: 0, remaining: 0 };
  // parked snapshot rows first: an op that waits for its row (missing_row) may follow one
  let applied = retryParkedRows(sqlite, applier);
  // CROSS JOIN keeps the (small) pending table outside: never a scan of the whole op log
  const rows = sqlite
    .prepare(
      `SELECT p.reason, p.fields AS waiting, o.* FROM sync_pending p
        CROSS JOIN op_log o ON o.origin = p.origin AND o.seq = p.seq
        WHERE p.reason <> 'other_center' ORDER BY o.hlc`,
    )
    .all() as {
    reason: Parked['reason'];
    waiting: string;
    origin: string;
    seq: number;
    hlc: string;
    entity: string;
    entity_id: string;
    fields: string;
    prev: string;
  }[];
  const del = sqlite.prepare(`DELETE FROM sync_pending WHERE origin = ? AND seq = ?`);
  for (const r of rows) {
    const fields = JSON.parse(r.fields) as Record<string, unknown>;
    const waiting = JSON.parse(r.waiting) as string[];
    const op: IncomingOp = {
      origin: r.origin,
      seq: r.seq,
      hlc: r.hlc,
      entity: r.entity,
      entityId: r.entity_id,
      fields,
      prev: JSON.parse(r.prev) as Record<string, string | null>,
    };
    // nothing of the op was applied before unless it was parked for some fields only
    const firstTime = waiting.length === Object.keys(fields).length;
    const still = applier.apply(op, waiting, firstTime);
    if (!still) {
      del.run(r.origin, r.seq);
      applied++;
    } else if (still.reason !== r.reason || still.fields.length !== waiting.length) {
      park(sqlite, op, still, new Date().toISOString());
    }
  }
  return { applied, remaining: count() };
}
