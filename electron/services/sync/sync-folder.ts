import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readMeta } from '../../../db/sync/identity';
import { AppError } from '../../../shared/errors';
import {
  parseSyncFileName,
  shortDeviceId,
  syncFileName,
  type SyncFileKind,
} from '../../../shared/sync/file-names';
import type { ServiceContext } from '../context';
import { assertExportTarget } from '../files/export-target';

/**
 * The configured exchange folder (a USB stick, a shared drive), and where exports go. File
 * names follow shared/sync/file-names.ts, so each device finds its own files without opening
 * anything else.
 */
export type { SyncFileKind };

export async function syncFolder(ctx: ServiceContext): Promise<string | null> {
  return readMeta(ctx.db, 'sync_folder');
}

/** A folder that must be there now (a stick may have been unplugged since it was chosen). */
export function requireFolderThere(folder: string): string {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new AppError('SYNC_FOLDER_UNAVAILABLE', `The folder is not there: ${folder}`);
  }
  return folder;
}

export async function configuredFolder(ctx: ServiceContext): Promise<string> {
  const folder = await syncFolder(ctx);
  if (!folder) throw new AppError('SYNC_FOLDER_NOT_SET', 'No exchange folder is configured.');
  return requireFolderThere(folder);
}

/** Where an export goes: the given path; or a new conventional name in the given or configured folder. */
export async function exportTarget(
  ctx: ServiceContext,
  input: { path?: string | undefined; folder?: string | undefined; toFolder: boolean },
  kind: SyncFileKind,
  from: string,
  to: string,
): Promise<string> {
  const folder = input.path
    ? null
    : input.folder
      ? requireFolderThere(input.folder)
      : await configuredFolder(ctx);
  const path = input.path ?? join(folder!, syncFileName(kind, from, to, ctx.now()));
  assertExportTarget(path, [ctx.caseFile.path]);
  return path;
}

/** Files in the folder addressed to this device, oldest first. */
export function filesFor(folder: string, self: string): { file: string; kind: SyncFileKind }[] {
  const me = shortDeviceId(self);
  return readdirSync(folder)
    .map((name) => ({ name, parsed: parseSyncFileName(name) }))
    .filter((x) => x.parsed?.to === me)
    .sort((a, b) => a.parsed!.stamp.localeCompare(b.parsed!.stamp) || a.name.localeCompare(b.name))
    .map((x) => ({ file: join(folder, x.name), kind: x.parsed!.kind }));
}
