import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';

/** Backup snapshots (db/backup/snapshot.ts) and their key slots, wherever they are. */
const SNAPSHOT_NAME = /^yorisoi-[0-9a-f]{8}-\d{8}T\d{6}Z\.bak(\.keys)?(\.partial(\.keys)?)?$/;

/** The files that belong to a case file: never the target of an export. */
function belongingTo(casefile: string): { exact: string[]; prefixes: string[] } {
  const c = real(casefile);
  return {
    exact: [c, `${c}-wal`, `${c}-shm`, `${c}-journal`, `${c}.keys`, `${c}.keys.next`, `${c}.signin`],
    // a sidecar being written, a restore in progress, the file a restore replaced, the copy a
    // migration keeps
    prefixes: [`${c}.keys.`, `${c}.signin.`, `${c}.restoring`, `${c}.replaced-`, `${c}.pre-migration-`],
  };
}

/** The path with its folder's symlinks resolved (and its own, when it exists). */
function real(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

function identity(p: string): string | null {
  try {
    const st = statSync(p);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/** An existing file that is some case file's key slots, whatever its name. */
function looksLikeKeySlots(p: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(p, 'r');
    const head = Buffer.alloc(256);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).toString('utf8').includes('"yorisoi-keyslots"');
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Refuses an export target that is — by any spelling, symlink or hard link — a case file, its
 * WAL, key slots, sign-in counter, a file of a restore or migration in progress, or a backup
 * snapshot (issue 16: sync.exportBundle to `<casefile>.keys` destroyed access to the file).
 */
export function assertExportTarget(target: string, casefiles: string[]): void {
  const t = real(target);
  const name = basename(t);
  const refuse = () =>
    new AppError(
      'EXPORT_TARGET_PROTECTED',
      `${target} is part of a case file or a backup; choose another name or folder.`,
    );
  if (SNAPSHOT_NAME.test(name)) throw refuse();
  const existing = identity(t);
  if (existing && (name.endsWith('.yorisoi') || looksLikeKeySlots(t))) throw refuse();
  for (const casefile of casefiles) {
    const { exact, prefixes } = belongingTo(casefile);
    if (exact.includes(t) || prefixes.some((p) => t.startsWith(p))) throw refuse();
    if (existing && exact.some((p) => identity(p) === existing)) throw refuse();
  }
}
