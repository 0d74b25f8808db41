import type { SyncPeersTable } from '../../../db/schema';
import type { SqliteDb } from '../../../db/sqlite/open-encrypted';
import { parseVector, waitingCount } from '../../../db/sync/version-vector';
import type { PeerDto } from '../../../shared/contract/sync';

export function toPeerDto(sqlite: SqliteDb, p: SyncPeersTable): PeerDto {
  const acked = parseVector(p.acked);
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
    waitingOps: waitingCount(sqlite, acked, p.device_id),
    acknowledged: acked,
    lastExportAt: p.last_export_at,
    lastExportOps: p.last_export_ops,
    lastReceiptAt: p.last_receipt_at,
    lastImportAt: p.last_import_at,
    lastImportOps: p.last_import_ops,
  };
}
