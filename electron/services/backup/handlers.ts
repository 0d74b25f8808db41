import { writeAudit } from '../../../db/audit';
import { takeSnapshot } from '../../../db/backup/snapshot';
import { AppError } from '../../../shared/errors';
import { requirePermission, type ServiceContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { backupStatus, metaValue, setBackupFolder } from './backup-settings';
import { restoreBackup, restoreLostCaseFile } from './restore-backup';

/**
 * An encrypted snapshot, rotated. The snapshot is a file leaving the case file, so it is logged
 * like every export, and the entry commits with the "last backup" time.
 */
async function runBackup(ctx: ServiceContext, given: string | undefined) {
  requirePermission(ctx, 'backup.run');
  const folder = given ?? (await metaValue(ctx, 'backup_folder'));
  if (!folder) throw new AppError('BACKUP_FOLDER_UNAVAILABLE', 'Choose a backup folder first.');
  const { snapshot, pruned } = await takeSnapshot(ctx.caseFile, folder, ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('meta')
      .values({ key: 'backup_last_at', value: snapshot.takenAt })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: snapshot.takenAt }))
      .execute();
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'backup.run',
      detail: { to: snapshot.path, bytes: snapshot.bytes, pruned: pruned.length },
    });
  });
  return { snapshot, pruned: pruned.length };
}

export const backupHandlers: HandlerMap<
  'backup.run' | 'backup.status' | 'backup.setFolder' | 'backup.restore' | 'backup.restoreLost'
> = {
  'backup.run': (ctx, i) => runBackup(ctx, i.folder),
  'backup.status': (ctx) => backupStatus(ctx),
  'backup.setFolder': (ctx, i) => setBackupFolder(ctx, i),
  'backup.restore': (ctx, i) => restoreBackup(ctx, i),
  'backup.restoreLost': (runtime, i) => restoreLostCaseFile(runtime, i),
};
