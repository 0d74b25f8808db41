import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCard } from '../../../db/sync/identity-card';
import type { FolderListingDto } from '../../../shared/contract/sync';
import { parseSyncFileName, shortDeviceId } from '../../../shared/sync/file-names';
import type { UnitOfWork } from '../unit-of-work';
import { deviceIdentity } from './identity-service';
import { importedIds, manifestId } from './sync-file-id';
import { configuredFolder, requireFolderThere } from './sync-folder';

const MAX_FILES = 300;
/** files addressed here whose manifest is read to tell new from already imported */
const MAX_CHECKED = 50;

/** What a card file says (public keys and a name), or null when it is no valid card. */
function cardInfo(path: string, bytes: number, self: string) {
  if (bytes > 64 * 1024) return null;
  try {
    const c = parseCard(readFileSync(path, 'utf8'));
    return { centerName: c.centerName, role: c.role, isThisDevice: c.deviceId === self };
  } catch {
    return null;
  }
}

/**
 * The sync files (.age) and identity cards (.json) in a folder, newest first, so a screen
 * without a native file dialog (browser mode) can offer them by name: names, sizes and times;
 * other files in the folder are not listed. Of the files named for this device, only the
 * manifest is decrypted, to tell new ones from those imported already. That is advice for the
 * screen, not trust: the import verifies the signature before anything is applied.
 */
export async function listFiles(ctx: UnitOfWork, folder?: string): Promise<FolderListingDto> {
  const dir = folder ? requireFolderThere(folder) : await configuredFolder(ctx);
  const identity = await deviceIdentity(ctx);
  const me = shortDeviceId(identity.deviceId);
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
      imported: null,
      card: null,
      bytes: st.size,
      modifiedAt: st.mtime.toISOString(),
    });
  }
  files.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
  const shown = files.slice(0, MAX_FILES);
  const imported = await importedIds(ctx);
  for (const f of shown.filter((x) => x.kind === 'card').slice(0, MAX_CHECKED)) {
    f.card = cardInfo(f.path, f.bytes, identity.deviceId);
  }
  for (const f of shown.filter((x) => x.forThisDevice).slice(0, MAX_CHECKED)) {
    const id = await manifestId(f.path, identity.ageIdentity);
    f.imported = id === null ? null : imported.has(id);
  }
  return { folder: dir, files: shown };
}
