import { join } from 'node:path';
import { fingerprintOf } from '../../../db/sync/fingerprint';
import { ensureIdentity, readMeta, type DeviceIdentity } from '../../../db/sync/identity';
import { makeCard } from '../../../db/sync/identity-card';
import { fileWriteError } from '../../../db/sync/file-errors';
import { cardFileName } from '../../../shared/sync/file-names';
import { writeExport } from '../files/write-export';
import { inTransaction, nothingChanged, type UnitOfWork } from '../unit-of-work';
import { requireFolderThere } from './sync-folder';

/**
 * The device identity; the first call makes the keys (and says so in the audit log): a write,
 * so every channel that reaches it is `staged` (the keys commit with their entry).
 */
export async function deviceIdentity(ctx: UnitOfWork): Promise<DeviceIdentity> {
  return (await identityMade(ctx)).id;
}

async function identityMade(ctx: UnitOfWork): Promise<{ id: DeviceIdentity; made: boolean }> {
  const made = await readMeta(ctx.db, 'sync_keys_device');
  if (made && made === (await readMeta(ctx.db, 'device_id'))) {
    return { id: await ensureIdentity(ctx.db), made: false };
  }
  const id = await inTransaction(ctx, async (trx, c) => {
    const id = await ensureIdentity(trx);
    c.audit.note('sync.identity.create', {
      detail: { deviceId: id.deviceId, fingerprint: fingerprintOf(cardKeys(id)) },
    });
    return id;
  });
  return { id, made: true };
}

const cardKeys = (id: DeviceIdentity) => ({
  deviceId: id.deviceId,
  signKey: id.signPublic,
  ageRecipient: id.ageRecipient,
});

export async function getIdentity(ctx: UnitOfWork) {
  const { id, made } = await identityMade(ctx);
  // sync.identity logs the keys' making, not each look at them
  if (!made) nothingChanged(ctx, 'sync.identity.create');
  return {
    deviceId: id.deviceId,
    centerName: id.centerName,
    mode: id.mode,
    fingerprint: fingerprintOf(cardKeys(id)),
    card: JSON.stringify(makeCard(id), null, 2),
  };
}

/**
 * Writes the identity card (public keys only: safe to hand over on a USB stick or by mail), to
 * a path or under its conventional name into a folder.
 */
export async function exportCard(
  ctx: UnitOfWork,
  to: { path?: string | undefined; folder?: string | undefined },
) {
  const id = await getIdentity(ctx);
  const path = to.path ?? join(requireFolderThere(to.folder!), cardFileName(id.deviceId));
  writeExport(path, Buffer.from(`${id.card}\n`, 'utf8'), [ctx.caseFile.path], fileWriteError);
  ctx.audit.about({ detail: { fingerprint: id.fingerprint } });
  return { file: path, fingerprint: id.fingerprint };
}
