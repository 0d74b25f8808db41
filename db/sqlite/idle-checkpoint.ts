import { existsSync, statSync } from 'node:fs';
import type { SqliteDb } from './open-encrypted';
import { onTransactionEnd } from './transaction-end';
import { reserveWal } from './wal-reserve';

/**
 * When the WAL is moved into the case file. A checkpoint decrypts every page it moves and
 * re-encrypts it into the file, then syncs both: ≈150 ms for SQLite's automatic one, which
 * landed inside one save in ≈150 and made the save p99 (issue 20). So the automatic checkpoint
 * is off on the case file's connection, and the checkpoint runs when the counselor pauses:
 * `idleMs` after the last commit once `minCommits` commits wait in the WAL (≈100 saves, ≈26 MiB at
 * 100,000 consultations; PASSIVE: never waits for a reader). The search index's merges wait
 * for the same pause (`idleWork`, db/sqlite/search-merge.ts) and run first, at every pause
 * after a save. A bulk write without a pause (an import, a sync bundle, the demo seed) still
 * checkpoints once the WAL reaches `walLimitBytes`, right after the commit that reached it.
 * `lock()` checkpoints fully.
 *
 * Durability does not depend on any of this: with synchronous=FULL a commit is on the disk
 * (in the WAL, fsync'd) before the save answers, and SQLite replays the WAL on the next open.
 * The WAL's pages are encrypted like the file's.
 */
export interface CheckpointPolicy {
  idleMs: number;
  /**
   * commits since the last checkpoint before a pause checkpoints: the first commit after a
   * checkpoint restarts the WAL and syncs its header, a second fsync in that save, so a
   * checkpoint at every pause would double the fsyncs of most saves
   */
  minCommits: number;
  walLimitBytes: number;
}

export const CHECKPOINT_POLICY: CheckpointPolicy = {
  idleMs: 1000,
  minCommits: 100,
  walLimitBytes: 128 * 2 ** 20,
};

/** How many checkpoints ran, and where: `afterCommit` ones are inside a save. */
export interface CheckpointCounts {
  idle: number;
  afterCommit: number;
}

export interface CheckpointSchedule {
  readonly counts: CheckpointCounts;
  /** resolves with the WAL's size once its space is reserved (wal-reserve.ts) */
  readonly reserved: Promise<number>;
  /** reserves the space again after something removed the WAL (re-keying leaves WAL mode) */
  reserveAgain(): void;
  stop(): void;
}

export function scheduleCheckpoints(
  sqlite: SqliteDb,
  walPath: string,
  policy: CheckpointPolicy = CHECKPOINT_POLICY,
  /**
   * work that waits for the pause too, before the checkpoint (the search index's merges);
   * true when it did something and may have more: it runs again at the next idle tick
   */
  idleWork?: () => boolean,
): CheckpointSchedule {
  sqlite.pragma('wal_autocheckpoint = 0');
  // A WAL that was moved into the file is rewritten from its start by the next commit; SQLite
  // truncates it to this size then, so the file's size grows past it only with pages not yet
  // checkpointed, and reaching the limit below means what it says. Below it, commits overwrite
  // WAL space that already exists (no file growth to sync).
  const keepBytes = Math.floor(policy.walLimitBytes / 2);
  sqlite.pragma(`journal_size_limit = ${keepBytes}`);
  // the WAL starts empty at each unlock: grow it to what it keeps, up to a quarter of the file
  // (a small file's saves write few pages), so saves do not grow it (wal-reserve.ts)
  const reserveNow = () =>
    reserveWal(walPath, Math.min(keepBytes, Math.floor(fileBytes(dbPathOf(walPath)) / 4)));
  let reserve = reserveNow();
  const counts: CheckpointCounts = { idle: 0, afterCommit: 0 };
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let commits = 0;
  /** a commit since idleWork last ran (its own writes are no commits of a use case) */
  let workDue = false;

  /** true when every frame is in the file now */
  const checkpoint = (): boolean => {
    try {
      if (!sqlite.open || sqlite.inTransaction) return false;
      const [r] = sqlite.pragma('wal_checkpoint(PASSIVE)') as {
        busy: number;
        log: number;
        checkpointed: number;
      }[];
      const done = !!r && r.busy === 0 && r.checkpointed === r.log;
      if (done) commits = 0;
      return done;
    } catch {
      return false; // busy or closed: the next pause tries again
    }
  };
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (stopped) return;
      if (workDue && idleWork && sqlite.open && !sqlite.inTransaction) {
        workDue = false;
        try {
          workDue = idleWork();
        } catch {
          // busy or closed: the index merges at a later pause (or by itself at 16 segments)
        }
      }
      if (commits < policy.minCommits) {
        if (workDue) arm();
        return;
      }
      counts.idle += 1;
      if (!checkpoint() || workDue) arm();
    }, policy.idleMs);
    timer.unref();
  };
  const walBytes = () => {
    try {
      return existsSync(walPath) ? statSync(walPath).size : 0;
    } catch {
      return 0;
    }
  };

  onTransactionEnd(sqlite, {
    committed: () => {
      if (stopped) return;
      commits += 1;
      workDue = true;
      if (walBytes() >= policy.walLimitBytes) {
        counts.afterCommit += 1;
        if (checkpoint()) {
          if (timer) clearTimeout(timer);
          timer = null;
          return;
        }
      }
      arm();
    },
    rolledBack: () => undefined,
  });
  return {
    counts,
    get reserved() {
      return reserve.done;
    },
    reserveAgain: () => {
      if (stopped) return;
      reserve.stop();
      reserve = reserveNow();
    },
    stop: () => {
      stopped = true;
      reserve.stop();
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

function dbPathOf(walPath: string): string {
  return walPath.replace(/-wal$/, '');
}

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
