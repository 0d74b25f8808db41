import type { SyncPeersTable } from '../../../db/schema';
import type { SyncMode } from '../../../db/sync/identity';
import { AppError } from '../../../shared/errors';

/**
 * What a paired device may send to this case file (issue 16). A bundle signed by a paired
 * device is genuine, but genuine is not allowed:
 * - a center's own devices (role `center`, shared with in `full`) change its records, staff
 *   and roles: they are the same center's copies;
 * - any other peer — the prefecture, or a device this center shares only statistics with —
 *   may acknowledge what it holds, but change nothing here: a bundle from it that carries ops
 *   is refused as a whole, before its body is read, and op by op as a second line;
 * - in prefecture mode each center's data is kept apart per center (db/sync/origin-book.ts).
 */
export function mayChangeRecords(peer: SyncPeersTable, mode: SyncMode): boolean {
  if (mode === 'prefecture') return true;
  return peer.role === 'center' && peer.profile === 'full';
}

export function notAllowed(peer: SyncPeersTable): AppError {
  return new AppError(
    'BUNDLE_NOT_ALLOWED',
    `${peer.center_name || peer.device_id} (${peer.role}, ${peer.profile}) may not change this case file's records.`,
  );
}
