import { randomBytes } from 'node:crypto';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listSnapshots } from '../../../db/backup/snapshot';
import { readMeta, writeMeta } from '../../../db/stores/meta';
import type { BackupStatusDto } from '../../../shared/contract/backup';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import type { UnitOfWork } from '../unit-of-work';

export const DEFAULT_REMIND_DAYS = 7;
const DAY_MS = 24 * 3600_000;

export async function metaValue(ctx: ServiceContext, key: string): Promise<string | null> {
  return readMeta(ctx.db, key);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function sameDisk(a: string, b: string): boolean {
  try {
    return statSync(a).dev === statSync(b).dev;
  } catch {
    return false;
  }
}

export async function backupStatus(ctx: ServiceContext): Promise<BackupStatusDto> {
  const folder = await metaValue(ctx, 'backup_folder');
  const last = await metaValue(ctx, 'backup_last_at');
  const remindAfterDays = Number((await metaValue(ctx, 'backup_remind_days')) ?? DEFAULT_REMIND_DAYS);
  const available = folder !== null && isFolder(folder);
  const days = last ? Math.floor((ctx.now().getTime() - new Date(last).getTime()) / DAY_MS) : null;
  return {
    folder,
    folderAvailable: available,
    sameDiskAsCaseFile: available && sameDisk(folder, ctx.caseFile.path),
    lastBackupAt: last,
    daysSinceLast: days,
    remindAfterDays,
    stale: days === null || days >= remindAfterDays,
    snapshots: available ? listSnapshots(folder, ctx.caseFile.fileId) : [],
  };
}

/** Proves the folder takes a file (a read-only share or a locked stick does not) and cleans up. */
function assertWritable(folder: string): void {
  if (!isFolder(folder)) {
    throw new AppError('BACKUP_FOLDER_UNAVAILABLE', `The folder is not there: ${folder}`);
  }
  const probe = join(folder, `.yorisoi-probe-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(probe, 'yorisoi');
  } catch (e) {
    throw new AppError('BACKUP_FOLDER_UNAVAILABLE', `The folder cannot be written: ${(e as Error).message}`);
  } finally {
    rmSync(probe, { force: true });
  }
}

/** The folder is tried first (a probe file), then the settings commit with their audit entry. */
export async function setBackupFolder(
  uow: UnitOfWork,
  input: { folder: string; remindAfterDays: number },
): Promise<BackupStatusDto> {
  assertWritable(input.folder);
  await uow.write(async (w) => {
    await writeMeta(w.db, 'backup_folder', input.folder);
    await writeMeta(w.db, 'backup_remind_days', String(input.remindAfterDays));
    w.audit.about({ detail: { folder: input.folder, remindAfterDays: input.remindAfterDays } });
  });
  return backupStatus(uow);
}
