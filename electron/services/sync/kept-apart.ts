import type { Transaction } from 'kysely';
import type { DB, SyncPeersTable } from '../../../db/schema';
import { OpApplier, type IncomingOp } from '../../../db/sync/apply-op';
import { ConflictRecorder } from '../../../db/sync/conflicts';
import { syncMode } from '../../../db/sync/identity';
import { OriginBook } from '../../../db/sync/origin-book';
import { park } from '../../../db/sync/pending';
import { nowIso, type ServiceContext } from '../context';

/** The center a paired device delivers for (rows from before 0010: the device itself). */
export const centerOf = (p: Pick<SyncPeersTable, 'center_id' | 'device_id'>): string =>
  p.center_id ?? p.device_id;

interface KeptRow {
  sender: string;
  origin: string;
  seq: number;
  hlc: string;
  entity: string;
  entity_id: string;
  fields: string;
  prev: string;
}

/**
 * Prefecture mode: applies the ops kept apart as another center's that now belong to their
 * sender's center (the prefecture filed the sender under the center they came from). Runs in
 * the caller's transaction; returns how many were applied in full. Ops parked before 0010 do
 * not name their sender and stay kept.
 */
export async function releaseKeptApart(ctx: ServiceContext, trx: Transaction<DB>): Promise<number> {
  if ((await syncMode(trx)) !== 'prefecture') return 0;
  const sqlite = ctx.caseFile.sqlite;
  const rows = sqlite
    .prepare(
      `SELECT p.sender, o.origin, o.seq, o.hlc, o.entity, o.entity_id, o.fields, o.prev FROM sync_pending p
        CROSS JOIN op_log o ON o.origin = p.origin AND o.seq = p.seq
        WHERE p.reason = 'other_center' AND p.sender IS NOT NULL ORDER BY o.hlc`,
    )
    .all() as KeptRow[];
  if (rows.length === 0) return 0;
  sqlite.pragma('defer_foreign_keys = ON');
  const now = nowIso(ctx);
  const applier = new OpApplier(sqlite);
  const books = new Map<string, OriginBook>();
  const del = sqlite.prepare(`DELETE FROM sync_pending WHERE origin = ? AND seq = ?`);
  let applied = 0;
  for (const r of rows) {
    let book = books.get(r.sender);
    if (!book) books.set(r.sender, (book = new OriginBook(sqlite, r.sender, now, true)));
    const op: IncomingOp = {
      origin: r.origin,
      seq: r.seq,
      hlc: r.hlc,
      entity: r.entity,
      entityId: r.entity_id,
      fields: JSON.parse(r.fields) as Record<string, unknown>,
      prev: JSON.parse(r.prev) as Record<string, string | null>,
    };
    if (book.keepsApart(op)) continue;
    const still = applier.apply(op);
    if (still) park(sqlite, op, still, now);
    else {
      del.run(r.origin, r.seq);
      applied++;
    }
  }
  applier.derived.flush();
  const conflicts = new ConflictRecorder(sqlite, now);
  conflicts.recomputeAll(applier.conflictCandidates);
  conflicts.refreshListed();
  return applied;
}
