import { writeFileSync } from 'node:fs';
import { writeAudit } from '../../../db/audit';
import { fingerprintOf } from '../../../db/sync/fingerprint';
import { ensureIdentity, readMeta, type DeviceIdentity } from '../../../db/sync/identity';
import { makeCard } from '../../../db/sync/identity-card';
import type { ServiceContext } from '../context';
import { requireSyncAdmin } from './sync-access';

/** The device identity; the first call makes the keys (and says so in the audit log). */
export async function deviceIdentity(ctx: ServiceContext): Promise<DeviceIdentity> {
  const made = await readMeta(ctx.db, 'sync_keys_device');
  if (made && made === (await readMeta(ctx.db, 'device_id'))) return ensureIdentity(ctx.db);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await ensureIdentity(trx);
    await writeAudit(trx, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'sync.identity.create',
      detail: { deviceId: id.deviceId, fingerprint: fingerprintOf(cardKeys(id)) },
    });
    return id;
  });
}

const cardKeys = (id: DeviceIdentity) => ({
  deviceId: id.deviceId,
  signKey: id.signPublic,
  ageRecipient: id.ageRecipient,
});

export async function getIdentity(ctx: ServiceContext) {
  const id = await deviceIdentity(ctx);
  return {
    deviceId: id.deviceId,
    centerName: id.centerName,
    mode: id.mode,
    fingerprint: fingerprintOf(cardKeys(id)),
    card: JSON.stringify(makeCard(id), null, 2),
  };
}

/** Writes the identity card (public keys only: safe to hand over on a USB stick or by mail). */
export async function exportCard(ctx: ServiceContext, path: string) {
  requireSyncAdmin(ctx);
  const id = await getIdentity(ctx);
  writeFileSync(path, `${id.card}\n`, 'utf8');
  await writeAudit(ctx.db, {
    staffId: ctx.actor.id,
    login: ctx.actor.login,
    action: 'sync.card.export',
    detail: { fingerprint: id.fingerprint },
  });
  return { file: path, fingerprint: id.fingerprint };
}
