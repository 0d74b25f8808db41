import { OpApplier } from '../../../db/sync/apply-op';
import { ConflictRecorder } from '../../../db/sync/conflicts';
import { retryPending } from '../../../db/sync/pending';
import { nowIso } from '../context';
import { inTransaction, nothingChanged, type UnitOfWork } from '../unit-of-work';

/**
 * Applies parked ops this app can apply now: after an update whose migrations added the tables
 * or fields a newer peer was already sending. Every import also retries them.
 */
export async function applyPending(ctx: UnitOfWork) {
  return inTransaction(ctx, async (trx, c) => {
    const sqlite = ctx.caseFile.sqlite;
    sqlite.pragma('defer_foreign_keys = ON');
    const applier = new OpApplier(sqlite);
    const r = retryPending(sqlite, applier);
    applier.derived.flush();
    const conflicts = new ConflictRecorder(sqlite, nowIso(ctx));
    conflicts.recomputeAll(applier.conflictCandidates);
    conflicts.refreshListed();
    if (r.applied) c.audit.note('sync.pending.apply', { detail: r });
    else nothingChanged(c, 'sync.pending.apply');
    return r;
  });
}
