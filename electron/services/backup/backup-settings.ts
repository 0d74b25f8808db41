import { randomBytes } from 'node:crypto';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAudit } from '../../../db/audit';
import { listSnapshots } from '../../../db/backup/snapshot';
import type { BackupStatusDto } from '../../../shared/contract/backup';
import { AppError } from '../../../shared/errors';
import { requirePermission, type ServiceContext } from '../context';

export const DEFAULT_REMIND_DAYS = 7;
const DAY_MS = 24 * 3600_000;

export async function metaValue(ctx: ServiceContext, key: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
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

export async function setBackupFolder(
  ctx: ServiceContext,
  input: { folder: string; remindAfterDays: number },
): Promise<BackupStatusDto> {
  requirePermission(ctx, 'backup.configure');
  assertWritable(input.folder);
  await ctx.db.transaction().execute(async (trx) => {
    for (const [key, value] of [
      ['backup_folder', input.folder],
      ['backup_remind_days', String(input.remindAfterDays)],
    ] as const) {
      await trx
        .insertInto('meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    }
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'backup.configure',
      detail: { folder: input.folder, remindAfterDays: input.remindAfterDays },
    });
  });
  return backupStatus(ctx);
}
