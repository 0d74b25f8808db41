import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readMeta } from '../../../db/sync/identity';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';

/**
 * The configured exchange folder (a USB stick, a shared drive): files are named so that each
 * device finds what is addressed to it without opening anything else, in time order:
 *   yorisoi-<bundle|receipt>-<from 8>-to-<to 8>-<UTC time>-<random>.age
 * The `.age` ending tells an auditor which standard tool opens it.
 */
export type SyncFileKind = 'bundle' | 'receipt';

const short = (deviceId: string) =>
  deviceId
    .replace(/[^0-9a-zA-Z]/g, '')
    .slice(0, 8)
    .toLowerCase();

export async function syncFolder(ctx: ServiceContext): Promise<string | null> {
  return readMeta(ctx.db, 'sync_folder');
}

export function folderFileName(kind: SyncFileKind, from: string, to: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `yorisoi-${kind}-${short(from)}-to-${short(to)}-${stamp}-${randomBytes(3).toString('hex')}.age`;
}

/** Where an export goes: the given path, or a new name in the configured folder. */
export async function exportTarget(
  ctx: ServiceContext,
  input: { path?: string | undefined; toFolder: boolean },
  kind: SyncFileKind,
  from: string,
  to: string,
): Promise<string> {
  if (!input.toFolder && input.path) return input.path;
  const folder = await syncFolder(ctx);
  if (!folder) throw new AppError('INVALID_INPUT', 'No exchange folder is configured.');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new AppError('TARGET_FOLDER_UNAVAILABLE', `The exchange folder is not there: ${folder}`);
  }
  return join(folder, folderFileName(kind, from, to, ctx.now()));
}

/** Files in the folder addressed to this device, oldest first. */
export function filesFor(folder: string, self: string): { file: string; kind: SyncFileKind }[] {
  const re = new RegExp(`^yorisoi-(bundle|receipt)-[0-9a-z]{1,8}-to-${short(self)}-.*\\.age$`);
  return readdirSync(folder)
    .filter((name) => re.test(name))
    .map((name) => ({ name, kind: re.exec(name)![1] as SyncFileKind }))
    .sort((a, b) => a.name.split('-to-')[1]!.localeCompare(b.name.split('-to-')[1]!))
    .map((x) => ({ file: join(folder, x.name), kind: x.kind }));
}
