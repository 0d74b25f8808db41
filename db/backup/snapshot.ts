import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { CaseFile } from '../case-file';
import { DEFAULT_RETENTION, snapshotsToKeep, type RetentionPolicy } from './retention';

export interface SnapshotInfo {
  path: string;
  takenAt: string;
  bytes: number;
}

const NAME = /^yorisoi-([0-9a-f]{8})-(\d{8}T\d{6}Z)\.bak$/;
const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
const unstamp = (s: string) =>
  `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;

/**
 * An encrypted snapshot of the open case file, taken online with `VACUUM INTO` (SQLite3MC
 * writes it with the same cipher and key; its backup API refuses an unkeyed target, so
 * nothing plaintext can be produced). The key slots are copied beside it: the snapshot opens
 * with the same passphrases and recovery code as the file had at that moment.
 * Written to a temporary name first, so a full disk or a pulled USB stick leaves no
 * half-snapshot that looks complete. The audit anchor is moved to the log's end first, so the
 * copied key slots carry an anchor that the snapshot's own log reaches (db/audit-chain/anchor.ts).
 */
export async function takeSnapshot(
  cf: CaseFile,
  folder: string,
  now = new Date(),
  policy: RetentionPolicy = DEFAULT_RETENTION,
) {
  // never created here: a USB stick that is not plugged in leaves its mount point behind, and
  // a snapshot written there would sit on the same disk as the case file
  if (!isFolder(folder)) {
    throw new AppError(
      'BACKUP_FOLDER_UNAVAILABLE',
      `The backup folder is not there (is the drive plugged in?): ${folder}`,
    );
  }
  const base = `yorisoi-${cf.fileId.slice(0, 8)}-${stamp(now)}.bak`;
  const target = join(folder, base);
  const tmp = `${target}.partial`;
  rmSync(tmp, { force: true });
  await cf.anchorAudit();
  try {
    // created empty and private first: VACUUM INTO fills an empty file and keeps its mode
    closeSync(openSync(tmp, 'wx', 0o600));
    cf.sqlite.exec(`VACUUM INTO '${tmp.replace(/'/g, "''")}'`);
    copyFileSync(cf.keysPath, `${tmp}.keys`);
    renameSync(`${tmp}.keys`, `${target}.keys`);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.keys`, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? (e as { code?: string }).code ?? '';
    if (/ENOSPC|SQLITE_FULL/.test(code) || /full/i.test((e as Error).message)) {
      throw new AppError('DISK_FULL', 'The backup folder is full. The case file is unchanged.');
    }
    throw new AppError(
      'BACKUP_FOLDER_UNAVAILABLE',
      `The backup could not be written: ${(e as Error).message}`,
    );
  }
  const pruned = prune(folder, cf.fileId, policy);
  return { snapshot: { path: target, takenAt: now.toISOString(), bytes: statSync(target).size }, pruned };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function listSnapshots(folder: string, fileId?: string): SnapshotInfo[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((f) => ({ f, m: NAME.exec(f) }))
    .filter((x) => x.m && (!fileId || x.m[1] === fileId.slice(0, 8)))
    .map(({ f, m }) => ({
      path: join(folder, f),
      takenAt: unstamp(m![2]!),
      bytes: statSync(join(folder, f)).size,
    }))
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

function prune(folder: string, fileId: string, policy: RetentionPolicy): string[] {
  const all = listSnapshots(folder, fileId);
  const keep = snapshotsToKeep(
    all.map((s) => s.takenAt),
    policy,
  );
  const removed: string[] = [];
  for (const s of all) {
    if (keep.has(s.takenAt)) continue;
    rmSync(s.path, { force: true });
    rmSync(`${s.path}.keys`, { force: true });
    removed.push(s.path);
  }
  return removed;
}
