import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { writeAudit } from '../../../db/audit';
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
import { nowIso, type ServiceContext } from '../context';
import { noteClock } from './clock-check';
import { deviceIdentity } from './identity-service';
import { auditRejection, openVerified } from './open-verified';
import { requireSyncExchange } from './sync-access';
import { exportTarget } from './sync-folder';

/**
 * A receipt tells a peer what this device holds (its version vector), signed by this device
 * and encrypted to the peer. The peer then stops resending those ops, and prunes those every
 * one of its peers holds (db/sync/prune.ts); nothing is pruned on the strength of anything less.
 */
export async function exportReceipt(ctx: ServiceContext, input: ParsedInput<'sync.exportReceipt'>) {
  requireSyncExchange(ctx);
  const me = await deviceIdentity(ctx);
  const target = await resolvePeer(ctx.db, input.peer);
  const path = await exportTarget(ctx, input, 'receipt', me.deviceId, target.device_id);
  return ctx.db.transaction().execute(async (trx) => {
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
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'sync.receipt.export',
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
export async function importReceipt(ctx: ServiceContext, path: string) {
  requireSyncExchange(ctx);
  const identity = await deviceIdentity(ctx);
  let opened: Awaited<ReturnType<typeof openVerified<'receipt'>>> | null = null;
  try {
    opened = await openVerified(ctx, identity, path, 'receipt');
    const { file, manifest, peer } = opened;
    // read to the end: age checks the last chunk's mark there (a cut-off file fails)
    if (await file.nextLine()) throw new AppError('BUNDLE_CORRUPT', 'A receipt has no body.');
    const now = nowIso(ctx);
    return await ctx.db.transaction().execute(async (trx) => {
      await noteClock(ctx, trx, peer, manifest);
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
      await writeAudit(trx, {
        staffId: ctx.actor.id,
        login: ctx.actor.login,
        action: 'sync.receipt.import',
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
    throw await auditRejection(ctx, path, 'receipt', e);
  } finally {
    await opened?.file.close();
  }
}
