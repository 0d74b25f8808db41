import { existsSync, statSync } from 'node:fs';
import { writeMeta } from '../../../db/sync/identity';
import { deleteMeta } from '../../../db/stores/meta';
import { AppError } from '../../../shared/errors';
import { inTransaction, type UnitOfWork } from '../unit-of-work';

/**
 * `prefecture`: this case file receives bundles from several centers and keeps each center's
 * data apart (see OriginBook); its identity card says so, and centers that pair with it default
 * to the `statistics` profile.
 */
export async function setMode(ctx: UnitOfWork, mode: 'center' | 'prefecture') {
  await inTransaction(ctx, async (trx, c) => {
    await writeMeta(trx, 'sync_mode', mode);
    c.audit.note('sync.mode', { detail: { mode } });
  });
  return { ok: true as const };
}

/** The exchange folder for exports and folder imports (null: none). */
export async function setFolder(ctx: UnitOfWork, folder: string | null) {
  if (folder !== null && !(existsSync(folder) && statSync(folder).isDirectory())) {
    throw new AppError('SYNC_FOLDER_UNAVAILABLE', `Not a folder: ${folder}`);
  }
  await inTransaction(ctx, async (trx, c) => {
    if (folder === null) await deleteMeta(trx, 'sync_folder');
    else await writeMeta(trx, 'sync_folder', folder);
    c.audit.note('sync.folder', { detail: { folder } });
  });
  return { ok: true as const };
}
