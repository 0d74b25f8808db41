import { existsSync, statSync } from 'node:fs';
import type { SqliteDb } from './open-encrypted';

/**
 * Moves the WAL into the file between saves, so the automatic checkpoint (which decrypts and
 * re-encrypts every page it moves) rarely lands inside a counselor's save. PASSIVE never waits
 * for readers; the automatic checkpoint stays as a safety net.
 */
export function startIdleCheckpoints(
  sqlite: SqliteDb,
  walPath: string,
  opts = { everyMs: 15_000, minBytes: 4 * 1024 * 1024 },
) {
  const timer = setInterval(() => {
    try {
      if (sqlite.open && existsSync(walPath) && statSync(walPath).size >= opts.minBytes) {
        sqlite.pragma('wal_checkpoint(PASSIVE)');
      }
    } catch {
      // busy or closed: try again next time
    }
  }, opts.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
