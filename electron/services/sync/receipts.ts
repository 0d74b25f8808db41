import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { SCHEMA_VERSION } from '../../../db/migrations';
import { writeSyncFile } from '../../../db/sync/envelope-writer';
import { ensureIdentity } from '../../../db/sync/identity';
import { BASE_FORMAT_VERSION, SYNC_FORMAT, type ReceiptManifest } from '../../../db/sync/manifest';
import { recordAck, resolvePeer } from '../../../db/sync/peers';
import { recordImport } from '../../../db/sync/imports';
import { pruneAcknowledged } from '../../../db/sync/prune';
import { localVector, waitingCount } from '../../../db/sync/version-vector';
import type { ParsedInput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../context';
import type { UnitOfWork } from '../unit-of-work';
import { noteClock } from './clock-check';
import { deviceIdentity } from './identity-service';
import { auditRejection, openVerified } from './open-verified';
import { exportTarget } from './sync-folder';

/**
 * A receipt tells a peer what this device holds (its version vector), signed by this device
 * and encrypted to the peer. The peer then stops resending those ops, and prunes those every
 * one of its peers holds (db/sync/prune.ts); nothing is pruned on the strength of anything less.
 */
export async function exportReceipt(uow: UnitOfWork, input: ParsedInput<'sync.exportReceipt'>) {
  const me = await deviceIdentity(uow);
  const target = await resolvePeer(uow.db, input.peer);
  const path = await exportTarget(uow, input, 'receipt', me.deviceId, target.device_id);
  // the file is written inside the write: the vector it states is the one committed with it
  return uow.write(async (ctx) => {
    const trx = ctx.db;
    const identity = await ensureIdentity(trx);
    const peer = await resolvePeer(trx, target.device_id);
    const manifest: ReceiptManifest = {
      format: SYNC_FORMAT,
      formatVersion: BASE_FORMAT_VERSION,
      kind: 'receipt',
      id: randomUUID(),
      createdAt: nowIso(ctx),
      schemaVersion: SCHEMA_VERSION,
      sender: { deviceId: identity.deviceId, centerName: identity.centerName },
      recipient: { deviceId: peer.device_id },
      have: localVector(ctx.caseFile.sqlite),
    };
    const written = await writeSyncFile({
      path,
      recipient: peer.age_recipient,
      signPrivate: identity.signPrivate,
      manifest,
    });
    ctx.audit.about({
      entity: 'sync_peer',
      entityId: peer.device_id,
      detail: {
        peer: peer.device_id,
        centerName: peer.center_name,
        receiptId: manifest.id,
        bytes: written.bytes,
        file: basename(path),
      },
    });
    return { file: path, peer: peer.device_id, bytes: written.bytes };
  });
}

/** Records what a peer acknowledges. Late, repeated or reordered receipts never move it back. */
export async function importReceipt(uow: UnitOfWork, path: string) {
  const identity = await deviceIdentity(uow);
  let opened: Awaited<ReturnType<typeof openVerified<'receipt'>>> | null = null;
  try {
    opened = await openVerified(uow, identity, path, 'receipt');
    const { file, manifest, peer } = opened;
    // read to the end: age checks the last chunk's mark there (a cut-off file fails)
    if (await file.nextLine()) throw new AppError('BUNDLE_CORRUPT', 'A receipt has no body.');
    const now = nowIso(uow);
    return await uow.write(async (ctx) => {
      const trx = ctx.db;
      await noteClock(ctx, peer, manifest);
      const acked = await recordAck(trx, peer, manifest.have, { last_receipt_at: now });
      // ops every peer now holds leave the op log (db/sync/prune.ts): where acknowledgements move
      const { pruned } = pruneAcknowledged(ctx.caseFile.sqlite);
      await recordImport(trx, {
        bundle_id: manifest.id,
        kind: 'receipt',
        peer: peer.device_id,
        imported_at: now,
        imported_by: ctx.actor.id,
        ops_received: 0,
        ops_applied: 0,
        ops_parked: 0,
      });
      const waitingOps = waitingCount(ctx.caseFile.sqlite, acked, peer.device_id);
      ctx.audit.about({
        entity: 'sync_peer',
        entityId: peer.device_id,
        detail: { receiptId: manifest.id, acknowledged: acked, waitingOps, pruned },
      });
      return {
        from: { deviceId: peer.device_id, centerName: peer.center_name },
        acknowledged: acked,
        waitingOps,
      };
    });
  } catch (e) {
    throw auditRejection(uow, path, 'receipt', e);
  } finally {
    await opened?.file.close();
  }
}
