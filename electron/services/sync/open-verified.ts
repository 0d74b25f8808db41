import { basename } from 'node:path';
import type { SyncPeersTable } from '../../../db/schema';
import { openSyncFile, syncFileError, type OpenedSyncFile } from '../../../db/sync/envelope-reader';
import type { DeviceIdentity } from '../../../db/sync/identity';
import { parseManifest, type BundleManifest, type ReceiptManifest } from '../../../db/sync/manifest';
import { findPeer } from '../../../db/sync/peers';
import { verifyText } from '../../../db/sync/signing';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import type { UnitOfWork } from '../unit-of-work';

export interface Verified<M> {
  file: OpenedSyncFile;
  manifest: M;
  peer: SyncPeersTable;
}

/**
 * Opens a sync file and checks, before a single op is read: it decrypts with this device's key,
 * its format is one this app reads, it is the expected kind, it is addressed to this device,
 * its sender is a paired device, and the sender's key signed the manifest (which holds the
 * body's hash and length, checked as the body streams in).
 */
export async function openVerified<K extends 'bundle' | 'receipt'>(
  ctx: ServiceContext,
  identity: DeviceIdentity,
  path: string,
  kind: K,
): Promise<Verified<K extends 'bundle' ? BundleManifest : ReceiptManifest>> {
  const file = await openSyncFile(path, identity.ageIdentity);
  try {
    const manifest = parseManifest(file.manifestText, kind);
    if (manifest.recipient.deviceId !== identity.deviceId) {
      throw new AppError('BUNDLE_WRONG_RECIPIENT', 'This file is addressed to another device.');
    }
    const peer = await findPeer(ctx.db, manifest.sender.deviceId);
    if (!peer || !peer.active) {
      throw new AppError(
        'BUNDLE_UNKNOWN_SENDER',
        `The sender (${manifest.sender.centerName || manifest.sender.deviceId}) is not a paired device.`,
      );
    }
    if (!verifyText(peer.sign_key, file.manifestText, file.signature)) {
      throw new AppError('BUNDLE_BAD_SIGNATURE', "The signature does not match the paired device's key.");
    }
    return { file, manifest, peer };
  } catch (e) {
    await file.close();
    throw e;
  }
}

/**
 * A refused file is worth a line in the audit log (someone tried; what was wrong): kept by the
 * unit of work for after the rollback, so it stays while nothing of the file does.
 */
export function auditRejection(uow: UnitOfWork, path: string, kind: string, e: unknown): AppError {
  const err = syncFileError(e);
  uow.audit.onFailure(`sync.${kind}.reject`, { detail: { file: basename(path), code: err.code } });
  return err;
}
