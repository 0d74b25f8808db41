import { takeSnapshot } from '../../../db/backup/snapshot';
import { writeMeta } from '../../../db/stores/meta';
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../handler-types';
import type { UnitOfWork } from '../unit-of-work';
import { backupStatus, metaValue, setBackupFolder } from './backup-settings';
import { restoreBackup, restoreLostCaseFile } from './restore-backup';

/**
 * An encrypted snapshot, rotated. The snapshot is a file leaving the case file, so it is logged
 * like every export, and the entry commits with the "last backup" time.
 */
async function runBackup(uow: UnitOfWork, given: string | undefined) {
  const folder = given ?? (await metaValue(uow, 'backup_folder'));
  if (!folder) throw new AppError('BACKUP_FOLDER_UNAVAILABLE', 'Choose a backup folder first.');
  const { snapshot, pruned } = await takeSnapshot(uow.caseFile, folder, uow.now());
  await uow.write(async (w) => {
    await writeMeta(w.db, 'backup_last_at', snapshot.takenAt);
    w.audit.about({ detail: { to: snapshot.path, bytes: snapshot.bytes, pruned: pruned.length } });
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
