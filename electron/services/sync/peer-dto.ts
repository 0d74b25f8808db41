import type { SyncPeersTable } from '../../../db/schema';
import type { SqliteDb } from '../../../db/sqlite/open-encrypted';
import { belowFloor, readFloor } from '../../../db/sync/op-floor';
import { parseVector, waitingLoad } from '../../../db/sync/version-vector';
import type { PeerDto } from '../../../shared/contract/sync';

/** No word from a peer for this long while changes wait for it: suggest delivering or retiring it. */
export const STALLED_DAYS = 14;
const DAY = 24 * 3600 * 1000;

export function toPeerDto(sqlite: SqliteDb, p: SyncPeersTable, nowMs: number): PeerDto {
  const acked = parseVector(p.acked);
  const waiting = waitingLoad(sqlite, acked, p.device_id);
  // ops it lacks were pruned here: the next bundle opens with the rows instead (snapshot.ts),
  // which the waiting count, made of ops, does not show
  const snapshotDue = p.active === 1 && belowFloor(readFloor(sqlite), acked).length > 0;
  // the last time anything came from it (a receipt, a bundle), else when it was paired
  const heard = [p.last_receipt_at, p.last_import_at, p.paired_at]
    .filter((x): x is string => !!x)
    .map((x) => Date.parse(x))
    .filter(Number.isFinite);
  const silentDays = heard.length ? Math.floor((nowMs - Math.max(...heard)) / DAY) : 0;
  return {
    deviceId: p.device_id,
    label: p.label,
    centerName: p.center_name,
    role: p.role,
    profile: p.profile,
    fingerprint: p.fingerprint,
    centerId: p.center_id ?? p.device_id,
    active: p.active === 1,
    pairedAt: p.paired_at,
    waitingOps: waiting.ops,
    waitingBytes: waiting.bytes,
    snapshotDue,
    silentDays,
    stalled: p.active === 1 && (waiting.ops > 0 || snapshotDue) && silentDays >= STALLED_DAYS,
    acknowledged: acked,
    lastExportAt: p.last_export_at,
    lastExportOps: p.last_export_ops,
    lastReceiptAt: p.last_receipt_at,
    lastImportAt: p.last_import_at,
    lastImportOps: p.last_import_ops,
  };
}
