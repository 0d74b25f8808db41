import { openSyncFile } from '../../../db/sync/envelope-reader';
import type { ServiceContext } from '../context';

/**
 * The id in a sync file's manifest, decrypting the manifest alone, or null when the file is
 * damaged or not addressed here (its import will say why). Unverified: good for telling new
 * files from those imported already, never for trusting one.
 */
export async function manifestId(path: string, ageIdentity: string): Promise<string | null> {
  try {
    const f = await openSyncFile(path, ageIdentity);
    await f.close();
    const id = (JSON.parse(f.manifestText) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** Ids of every bundle and receipt imported here. */
export async function importedIds(ctx: ServiceContext): Promise<Set<string>> {
  const rows = await ctx.db.selectFrom('sync_imports').select('bundle_id').execute();
  return new Set(rows.map((r) => r.bundle_id));
}
