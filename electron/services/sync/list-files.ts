import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FolderListingDto } from '../../../shared/contract/sync';
import { parseSyncFileName, shortDeviceId } from '../../../shared/sync/file-names';
import type { ServiceContext } from '../context';
import { deviceIdentity } from './identity-service';
import { requireSyncExchange } from './sync-access';
import { configuredFolder, requireFolderThere } from './sync-folder';

const MAX_FILES = 300;

/**
 * The sync files (.age) and identity cards (.json) in a folder, newest first, so a screen
 * without a native file dialog (browser mode) can offer them by name. Only names, sizes and
 * times: no file is opened, and other files in the folder are not listed.
 */
export async function listFiles(ctx: ServiceContext, folder?: string): Promise<FolderListingDto> {
  requireSyncExchange(ctx);
  const dir = folder ? requireFolderThere(folder) : await configuredFolder(ctx);
  const me = shortDeviceId((await deviceIdentity(ctx)).deviceId);
  const files: FolderListingDto['files'] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !/\.(age|json)$/i.test(entry.name)) continue;
    let st;
    try {
      st = statSync(join(dir, entry.name));
    } catch {
      continue; // removed while listing
    }
    const parsed = parseSyncFileName(entry.name);
    const kind = parsed ? parsed.kind : /\.json$/i.test(entry.name) ? 'card' : 'other';
    files.push({
      name: entry.name,
      path: join(dir, entry.name),
      kind,
      forThisDevice: parsed ? parsed.to === me : null,
      bytes: st.size,
      modifiedAt: st.mtime.toISOString(),
    });
  }
  files.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
  return { folder: dir, files: files.slice(0, MAX_FILES) };
}
