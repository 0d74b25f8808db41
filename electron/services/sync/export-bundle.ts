import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { SCHEMA_VERSION } from '../../../db/migrations';
import type { OpLogTable, SyncPeersTable } from '../../../db/schema';
import type { SqliteDb } from '../../../db/sqlite/open-encrypted';
import { backfillOps } from '../../../db/sync/backfill';
import { withBoundedCache } from '../../../db/sync/bounded-cache';
import { ConflictRecorder } from '../../../db/sync/conflicts';
import { writeSyncFile } from '../../../db/sync/envelope-writer';
import { ensureIdentity } from '../../../db/sync/identity';
import {
  BASE_FORMAT_VERSION,
  SNAPSHOT_FORMAT_VERSION,
  SYNC_FORMAT,
  type BundleManifest,
} from '../../../db/sync/manifest';
import { belowFloor, readFloor } from '../../../db/sync/op-floor';
import { opRowToLine } from '../../../db/sync/op-line';
import { opsForPeer } from '../../../db/sync/ops-for-peer';
import { resolvePeer, updatePeer } from '../../../db/sync/peers';
import { filterOpForProfile, type SharingProfile } from '../../../db/sync/sharing-profile';
import { snapshotLines } from '../../../db/sync/snapshot';
import { localVector, parseVector, type VersionVector } from '../../../db/sync/version-vector';
import type { ParsedInput } from '../../../shared/contract';
import { nowIso, opWriter } from '../context';
import type { UnitOfWork, WriteUnit } from '../unit-of-work';
import { deviceIdentity } from './identity-service';
import { startJob, type ProgressSink, type SyncJob } from './progress';
import { exportTarget } from './sync-folder';

/** ops read per query */
const PAGE = 500;
/**
 * Lines per piece handed to the encryption (≈100 KB): small enough to stay out of V8's
 * large-object space, whose garbage waits for a full collection and makes memory grow with size.
 */
const PIECE = 64;

interface Selection {
  sqlite: SqliteDb;
  acked: VersionVector;
  peerId: string;
  profile: SharingProfile;
  /** the peer lacks ops pruned here: the rows go first (db/sync/snapshot.ts) */
  snapshot: boolean;
}

const lineFor = (r: OpLogTable, profile: SharingProfile) => {
  const f = filterOpForProfile(r, profile);
  return opRowToLine(r, f.fields, f.prev);
};

/** First pass: what the manifest says about the body (hash, size, count, ranges). */
function describeBody(s: Selection, job: ProgressSink) {
  const hash = createHash('sha256');
  let bytes = 0;
  let ops = 0;
  const ranges: Record<string, [number, number]> = {};
  const byEntity: Record<string, number> = {};
  let rows = 0;
  if (s.snapshot) {
    for (const page of snapshotLines(s.sqlite, s.profile, PAGE)) {
      for (const line of page) {
        hash.update(line);
        bytes += Buffer.byteLength(line);
        rows++;
      }
      job.update('collect', rows);
    }
  }
  for (const page of opsForPeer(s.sqlite, s.acked, s.peerId, PAGE)) {
    for (const r of page) {
      const line = lineFor(r, s.profile);
      hash.update(line);
      bytes += Buffer.byteLength(line);
      ops++;
      const range = ranges[r.origin];
      ranges[r.origin] = range ? [Math.min(range[0], r.seq), Math.max(range[1], r.seq)] : [r.seq, r.seq];
      byEntity[r.entity] = (byEntity[r.entity] ?? 0) + 1;
    }
    job.update('collect', ops);
  }
  return { sha256: hash.digest('hex'), bytes, ops, rows, ranges, byEntity };
}

/** Second pass: the same lines, in pieces, as fast as the file takes them. */
async function* bodyPieces(s: Selection, job: ProgressSink, total: number): AsyncGenerator<string> {
  let done = 0;
  if (s.snapshot) {
    for (const page of snapshotLines(s.sqlite, s.profile, PAGE)) {
      for (let i = 0; i < page.length; i += PIECE) yield page.slice(i, i + PIECE).join('');
    }
  }
  for (const page of opsForPeer(s.sqlite, s.acked, s.peerId, PAGE)) {
    for (let i = 0; i < page.length; i += PIECE) {
      yield page
        .slice(i, i + PIECE)
        .map((r) => lineFor(r, s.profile))
        .join('');
    }
    done += page.length;
    job.update('write', done, total);
  }
}

/**
 * Writes one bundle for one peer: every op it has not acknowledged, filtered by its sharing
 * profile, signed by this device and encrypted to the peer. One transaction: the snapshot read
 * twice (once to hash and count for the manifest, once to write) is the same, and the backfill
 * ops, the peer's "last export" and the export-log entry commit with the file's completion.
 */
export async function exportBundle(
  uow: UnitOfWork,
  input: ParsedInput<'sync.exportBundle'>,
  onProgress?: (job: SyncJob) => void,
) {
  const job = startJob(uow, 'export', onProgress);
  try {
    const me = await deviceIdentity(uow);
    const target = await resolvePeer(uow.db, input.peer);
    const path = await exportTarget(uow, input, 'bundle', me.deviceId, target.device_id);
    // the file is written inside the write (not before it): see writeBundle
    return await withBoundedCache(uow.caseFile.sqlite, () =>
      uow.write((w) => writeBundle(w, target.device_id, path, job)),
    );
  } finally {
    job.end();
  }
}

async function writeBundle(ctx: WriteUnit, peerId: string, path: string, job: ProgressSink) {
  const trx = ctx.db;
  const identity = await ensureIdentity(trx);
  const peer: SyncPeersTable = await resolvePeer(trx, peerId);
  await backfillOps(trx, opWriter(ctx));
  const sqlite = ctx.caseFile.sqlite;
  new ConflictRecorder(sqlite, nowIso(ctx)).refreshListed();
  const acked = parseVector(peer.acked);
  const floor = readFloor(sqlite);
  const snapshot = belowFloor(floor, acked).length > 0;
  const sel: Selection = { sqlite, acked, peerId, profile: peer.profile, snapshot };
  job.update('collect', 0);
  const body = describeBody(sel, job);
  const manifest: BundleManifest = {
    format: SYNC_FORMAT,
    formatVersion: snapshot ? SNAPSHOT_FORMAT_VERSION : BASE_FORMAT_VERSION,
    kind: 'bundle',
    id: randomUUID(),
    createdAt: nowIso(ctx),
    schemaVersion: SCHEMA_VERSION,
    sender: { deviceId: identity.deviceId, centerName: identity.centerName },
    recipient: { deviceId: peer.device_id },
    have: localVector(sqlite),
    profile: sel.profile,
    ranges: body.ranges,
    counts: { ops: body.ops, byEntity: body.byEntity },
    body: { sha256: body.sha256, bytes: body.bytes },
    ...(snapshot ? { snapshot: { rows: body.rows, floor } } : {}),
  };
  const written = await writeSyncFile({
    path,
    recipient: peer.age_recipient,
    signPrivate: identity.signPrivate,
    manifest,
    body: bodyPieces(sel, job, body.ops),
  });
  await updatePeer(trx, peer.device_id, { last_export_at: nowIso(ctx), last_export_ops: body.ops });
  // the export log (DOMAIN §7): who, when, how much, to whom, under which profile
  ctx.audit.about({
    entity: 'sync_peer',
    entityId: peer.device_id,
    detail: {
      peer: peer.device_id,
      centerName: peer.center_name,
      profile: sel.profile,
      ops: body.ops,
      ...(snapshot ? { snapshotRows: body.rows } : {}),
      bytes: written.bytes,
      bundleId: manifest.id,
      file: basename(path),
      byEntity: body.byEntity,
    },
  });
  job.update('done', body.ops, body.ops);
  return {
    file: path,
    peer: peer.device_id,
    profile: sel.profile,
    bundleId: manifest.id,
    ops: body.ops,
    bytes: written.bytes,
  };
}
