import { writeAudit } from '../../../db/audit';
import { listSnapshots, takeSnapshot } from '../../../db/backup/snapshot';
import { AppError } from '../../../shared/errors';
import { nowIso, requirePermission, type ServiceContext } from '../context';
import type { HandlerMap } from '../handler-types';

const STALE_MS = 7 * 24 * 3600_000;

async function metaValue(ctx: ServiceContext, key: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

async function setMeta(ctx: ServiceContext, key: string, value: string): Promise<void> {
  await ctx.db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export const backupHandlers: HandlerMap<'backup.run' | 'backup.status'> = {
  'backup.run': async (ctx, i) => {
    requirePermission(ctx, 'backup.run');
    const folder = i.folder ?? (await metaValue(ctx, 'backup_folder'));
    if (!folder) throw new AppError('INVALID_INPUT', 'Choose a backup folder first.');
    // the snapshot is a file leaving the case file: logged like every export
    const { snapshot, pruned } = takeSnapshot(ctx.caseFile, folder, ctx.now());
    await setMeta(ctx, 'backup_folder', folder);
    await setMeta(ctx, 'backup_last_at', snapshot.takenAt);
    await writeAudit(ctx.db, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'backup.run',
      detail: { to: snapshot.path, bytes: snapshot.bytes, pruned: pruned.length, at: nowIso(ctx) },
    });
    return { snapshot, pruned: pruned.length };
  },
  'backup.status': async (ctx) => {
    const folder = await metaValue(ctx, 'backup_folder');
    const last = await metaValue(ctx, 'backup_last_at');
    return {
      folder,
      lastBackupAt: last,
      stale: !last || ctx.now().getTime() - new Date(last).getTime() > STALE_MS,
      snapshots: folder ? listSnapshots(folder, ctx.caseFile.fileId) : [],
    };
  },
};
