import type { SqliteDb } from '../sqlite/open-encrypted';

/** Page cache for a bundle export or import, in KiB (see withBoundedCache). */
const SYNC_CACHE_KIB = 32 * 1024;

/**
 * Runs a bulk sync step with a smaller page cache. An export or import of 100,000 ops streams
 * through far more pages than any cache holds, so a large cache only fills memory (measured: a
 * 256 MiB cache_size adds ≈270 MB of resident memory over one scan of the op log) without
 * saving decryptions. The cache goes back to its size afterwards.
 */
export async function withBoundedCache<T>(sqlite: SqliteDb, fn: () => Promise<T>): Promise<T> {
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  const bounded = -SYNC_CACHE_KIB;
  const shrink = before < 0 ? before < bounded : before * 4096 > SYNC_CACHE_KIB * 1024;
  if (shrink) sqlite.pragma(`cache_size = ${bounded}`);
  try {
    return await fn();
  } finally {
    if (shrink) sqlite.pragma(`cache_size = ${before}`);
  }
}
