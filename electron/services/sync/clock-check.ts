import type { Kysely, Transaction } from 'kysely';
import type { DB, SyncPeersTable } from '../../../db/schema';
import { anyClockDoubted, updatePeer } from '../../../db/sync/peers';
import { peerClockOffset } from '../../../db/sync/clock-skew';
import type { VersionVector } from '../../../db/sync/version-vector';
import type { ClockWarningDto } from '../../../shared/contract/sync';
import { nowIso, type ServiceContext } from '../context';
import type { WriteUnit } from '../unit-of-work';

/**
 * Judges a peer's clock from a sync file it signed (bundle or receipt) and keeps the verdict
 * on the peer. A warning that starts, changes side or ends goes to the audit log; a peer whose
 * clock agrees with ours also tells this device its own wall clock is fine again.
 */
export async function noteClock(
  ctx: WriteUnit,
  peer: SyncPeersTable,
  file: { id: string; createdAt: string; have: VersionVector },
): Promise<void> {
  const offset = peerClockOffset(ctx.caseFile.sqlite, ctx.deviceId, file, ctx.now().getTime());
  const before = peer.clock_offset_ms;
  const now = nowIso(ctx);
  await updatePeer(ctx.db, peer.device_id, {
    clock_offset_ms: offset === 0 ? null : offset,
    clock_checked_at: now,
  });
  if (offset === 0) ctx.clock.confirm();
  const side = (ms: number | null) => (ms === null || ms === 0 ? null : ms > 0 ? 'ahead' : 'behind');
  if (side(before) === side(offset)) return;
  const entry = {
    entity: 'sync_peer',
    entityId: peer.device_id,
    detail: {
      deviceId: peer.device_id,
      centerName: peer.center_name,
      kind: side(offset) ?? 'agree',
      offsetMs: offset,
      fileId: file.id,
      fileWrittenAt: file.createdAt,
      receivedAt: now,
    },
  };
  ctx.audit.add(offset === 0 ? 'sync.clock.agree' : 'sync.clock.skew', entry);
}

/** Every clock this device has reason to doubt: peers' (by their last file) and its own. */
export async function clockWarnings(ctx: ServiceContext): Promise<ClockWarningDto[]> {
  const peers = await ctx.db
    .selectFrom('sync_peers')
    .select(['device_id', 'label', 'center_name', 'clock_offset_ms', 'clock_checked_at'])
    .where('active', '=', 1)
    .where('clock_offset_ms', 'is not', null)
    .orderBy('paired_at')
    .execute();
  const out: ClockWarningDto[] = peers.map((p) => ({
    deviceId: p.device_id,
    name: p.label ?? p.center_name,
    self: false,
    kind: p.clock_offset_ms! > 0 ? 'ahead' : 'behind',
    offsetMs: p.clock_offset_ms!,
    checkedAt: p.clock_checked_at,
  }));
  const setBack = ctx.clock.wallSetBackMs();
  if (setBack > 0) {
    out.unshift({
      deviceId: ctx.deviceId,
      name: null,
      self: true,
      kind: 'behind',
      offsetMs: -setBack,
      checkedAt: nowIso(ctx),
    });
  }
  return out;
}

/**
 * Can "today" be trusted for a value derived from it (an age band from a birth date)? Not while
 * any clock warning stands: which of two disagreeing clocks is wrong is not known here.
 */
export async function todayIsTrusted(
  ctx: ServiceContext,
  db: Kysely<DB> | Transaction<DB>,
): Promise<boolean> {
  if (ctx.clock.wallSetBackMs() > 0) return false;
  return !(await anyClockDoubted(db));
}
