import type { Insertable, Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { DB, SyncPeersTable } from '../schema';
import { fixedRows } from '../sqlite/fixed-sql';
import { mergeVectors, parseVector, type VersionVector } from './version-vector';

type Db = Kysely<DB> | Transaction<DB>;

export async function findPeer(db: Db, deviceId: string): Promise<SyncPeersTable | undefined> {
  return db.selectFrom('sync_peers').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
}

/** An active peer by device id, a unique id prefix (8+ characters) or its label. */
export async function resolvePeer(db: Db, ref: string): Promise<SyncPeersTable> {
  const peers = await db.selectFrom('sync_peers').selectAll().where('active', '=', 1).execute();
  const exact = peers.find((p) => p.device_id === ref || (p.label !== null && p.label === ref));
  if (exact) return exact;
  const byPrefix = ref.length >= 8 ? peers.filter((p) => p.device_id.startsWith(ref)) : [];
  if (byPrefix.length === 1) return byPrefix[0]!;
  throw new AppError('NOT_FOUND', `No paired device "${ref}".`);
}

/** Acknowledgements only move forward (receipts may arrive late, twice, or out of order). */
export async function recordAck(
  db: Db,
  peer: SyncPeersTable,
  vector: VersionVector,
  extra: Partial<SyncPeersTable> = {},
): Promise<VersionVector> {
  const acked = mergeVectors(parseVector(peer.acked), vector);
  await db
    .updateTable('sync_peers')
    .set({ acked: JSON.stringify(acked), ...extra })
    .where('device_id', '=', peer.device_id)
    .execute();
  return acked;
}

/** Changes a paired device's row (its keys and names on re-pairing, profile, label, clock verdict). */
export async function updatePeer(db: Db, deviceId: string, changes: Partial<SyncPeersTable>): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('sync_peers').set(changes).where('device_id', '=', deviceId).execute();
}

export async function insertPeer(db: Db, row: Insertable<SyncPeersTable>): Promise<void> {
  await db.insertInto('sync_peers').values(row).execute();
}

/** Whether any active peer's clock is in doubt (a clock warning stands: clock-skew.ts). */
export async function anyClockDoubted(db: Db): Promise<boolean> {
  // fixed SQL (db/sqlite/fixed-sql.ts): every save of a new person asks (todayIsTrusted)
  const rows = await fixedRows(
    db,
    `SELECT device_id FROM sync_peers WHERE active = 1 AND clock_offset_ms IS NOT NULL LIMIT 1`,
  );
  return rows.length > 0;
}
