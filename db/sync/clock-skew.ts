import type { SqliteDb } from '../sqlite/open-encrypted';
import { HybridClock, MAX_AHEAD_MS } from './hlc';
import type { VersionVector } from './version-vector';

/** Clocks further apart than this are worth a warning (a sane clock is within minutes). */
export const CLOCK_WARN_MS = MAX_AHEAD_MS;

/**
 * How far a peer's clock is from this device's, judged from one of its signed sync files
 * (ms: + ahead, − behind; 0: they agree as far as the file shows). Two kinds of evidence,
 * neither fooled by a file that took days to arrive:
 * - the file says it was written later than this device's now: the sender is ahead;
 * - the file acknowledges this device's newest op it holds, made (by this device's wall clock)
 *   later than the file says it was written: the sender is behind (or this device was ahead).
 */
export function peerClockOffset(
  sqlite: SqliteDb,
  me: string,
  file: { createdAt: string; have: VersionVector },
  nowMs: number,
): number {
  const written = Date.parse(file.createdAt);
  if (!Number.isFinite(written)) return 0;
  if (written - nowMs > CLOCK_WARN_MS) return written - nowMs;
  const seq = file.have[me];
  if (!seq) return 0;
  const op = sqlite.prepare('SELECT hlc, fields FROM op_log WHERE origin = ? AND seq = ?').get(me, seq) as
    { hlc: string; fields: string } | undefined;
  if (!op) return 0;
  const made = madeAt(op);
  return made - written > CLOCK_WARN_MS ? written - made : 0;
}

/** When an op was made by its writer's wall clock: its `updated_at`/`created_at`, else its HLC. */
function madeAt(op: { hlc: string; fields: string }): number {
  try {
    const f = JSON.parse(op.fields) as Record<string, unknown>;
    const stamp = typeof f.updated_at === 'string' ? f.updated_at : f.created_at;
    if (typeof stamp === 'string' && Number.isFinite(Date.parse(stamp))) return Date.parse(stamp);
  } catch {
    // fall through to the HLC
  }
  return HybridClock.parse(op.hlc).ms;
}
