import { fingerprintOf } from '../../../db/sync/fingerprint';
import { localVector } from '../../../db/sync/version-vector';
import type { SyncStatusDto } from '../../../shared/contract/sync';
import type { UnitOfWork } from '../unit-of-work';
import { clockWarnings } from './clock-check';
import { refreshConflicts } from './conflict-review';
import { deviceIdentity } from './identity-service';
import { toPeerDto } from './peer-dto';
import { syncFolder } from './sync-folder';

/** The sync queue: per peer what waits and when files last went and came; parked ops; conflicts. */
export async function syncStatus(ctx: UnitOfWork): Promise<SyncStatusDto> {
  const id = await deviceIdentity(ctx);
  const sqlite = ctx.caseFile.sqlite;
  await refreshConflicts(ctx);
  const peers = await ctx.db
    .selectFrom('sync_peers')
    .selectAll()
    .orderBy('active', 'desc')
    .orderBy('paired_at')
    .execute();
  const pending = await ctx.db
    .selectFrom('sync_pending')
    .select(['reason', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('reason')
    .execute();
  const open = await ctx.db
    .selectFrom('sync_conflicts as c')
    .leftJoin('sync_conflict_resolutions as r', 'r.id', 'c.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.id', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    mode: id.mode,
    folder: await syncFolder(ctx),
    device: {
      deviceId: id.deviceId,
      centerName: id.centerName,
      fingerprint: fingerprintOf({
        deviceId: id.deviceId,
        signKey: id.signPublic,
        ageRecipient: id.ageRecipient,
      }),
    },
    vector: localVector(sqlite),
    peers: peers.map((p) => toPeerDto(sqlite, p, ctx.now().getTime())),
    pending: {
      total: pending.reduce((s, r) => s + Number(r.n), 0),
      byReason: Object.fromEntries(pending.map((r) => [r.reason, Number(r.n)])),
    },
    openConflicts: Number(open.n),
    clockWarnings: await clockWarnings(ctx),
  };
}
