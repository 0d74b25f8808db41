import { existsSync, statSync } from 'node:fs';
import { writeMeta } from '../../../db/sync/identity';
import { deleteMeta } from '../../../db/stores/meta';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { auditEntry, inTransaction } from '../unit-of-work';
import { requireSyncAdmin } from './sync-access';

/**
 * `prefecture`: this case file receives bundles from several centers and keeps each center's
 * data apart (see OriginBook); its identity card says so, and centers that pair with it default
 * to the `statistics` profile.
 */
export async function setMode(ctx: ServiceContext, mode: 'center' | 'prefecture') {
  requireSyncAdmin(ctx);
  await inTransaction(ctx, async (trx, c) => {
    await writeMeta(trx, 'sync_mode', mode);
    await auditEntry(trx, c, 'sync.mode', { detail: { mode } });
  });
  return { ok: true as const };
}

/** The exchange folder for exports and folder imports (null: none). */
export async function setFolder(ctx: ServiceContext, folder: string | null) {
  requireSyncAdmin(ctx);
  if (folder !== null && !(existsSync(folder) && statSync(folder).isDirectory())) {
    throw new AppError('SYNC_FOLDER_UNAVAILABLE', `Not a folder: ${folder}`);
  }
  await inTransaction(ctx, async (trx, c) => {
    if (folder === null) await deleteMeta(trx, 'sync_folder');
    else await writeMeta(trx, 'sync_folder', folder);
    await auditEntry(trx, c, 'sync.folder', { detail: { folder } });
  });
  return { ok: true as const };
}
