import { createHash } from 'node:crypto';
import { SCHEMA_VERSION } from '../../../db/migrations';
import type { SyncPeersTable } from '../../../db/schema';
import { OpApplier } from '../../../db/sync/apply-op';
import { withBoundedCache } from '../../../db/sync/bounded-cache';
import { ConflictRecorder } from '../../../db/sync/conflicts';
import type { OpenedSyncFile } from '../../../db/sync/envelope-reader';
import { syncMode, type DeviceIdentity } from '../../../db/sync/identity';
import type { BundleManifest } from '../../../db/sync/manifest';
import { opLine, type OpLine } from '../../../db/sync/op-line';
import { OriginBook } from '../../../db/sync/origin-book';
import { recordImport } from '../../../db/sync/imports';
import { raiseFloor } from '../../../db/sync/op-floor';
import { park, retryPending } from '../../../db/sync/pending';
import { parkRow } from '../../../db/sync/pending-rows';
import { dropOpsUpTo, pruneAcknowledged } from '../../../db/sync/prune';
import { applyRowLine, isRowLine, rowLine, type RowLine } from '../../../db/sync/snapshot';
import { recordAck } from '../../../db/sync/peers';
import { localVector } from '../../../db/sync/version-vector';
import type { ImportResultDto } from '../../../shared/contract/sync';
import { AppError, isAppError } from '../../../shared/errors';
import { nowIso } from '../context';
import type { UnitOfWork, WriteUnit } from '../unit-of-work';
import { dropClashingCode } from '../consultations/serial-code';
import { noteClock } from './clock-check';
import { deviceIdentity } from './identity-service';
import { mayChangeRecords, notAllowed } from './inbound-scope';
import { auditRejection, openVerified } from './open-verified';
import { startJob, type ProgressSink, type SyncJob } from './progress';

/** ops held in memory while they wait for an earlier op of their origin in the same bundle */
const MAX_HELD = 20_000;

/** A failure while applying verified ops: the data does not fit this case file. */
function applyError(e: unknown): AppError {
  if (isAppError(e)) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new AppError('BUNDLE_NOT_APPLICABLE', `The bundle could not be applied: ${msg}`);
}

function parseLine(text: string, n: number): { op: OpLine } | { row: RowLine } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('BUNDLE_CORRUPT', `Line ${n} is not JSON.`);
  }
  if (isRowLine(raw)) {
    const r = rowLine.safeParse(raw);
    if (!r.success) throw new AppError('BUNDLE_CORRUPT', `Row ${n} is malformed.`);
    return { row: r.data };
  }
  const r = opLine.safeParse(raw);
  if (!r.success) throw new AppError('BUNDLE_CORRUPT', `Op ${n} is malformed.`);
  return { op: r.data };
}

/**
 * Imports a bundle: verified first (openVerified), then applied in one transaction while the
 * body streams in; the body's hash, length and count are compared with the signed manifest
 * before the commit, so a bundle damaged anywhere changes nothing. Ops already here are
 * skipped, so a second import of the same bundle (or an overlapping one) changes nothing.
 */
export async function importBundle(
  uow: UnitOfWork,
  path: string,
  onProgress?: (job: SyncJob) => void,
): Promise<ImportResultDto> {
  const job = startJob(uow, 'import', onProgress);
  let opened: Awaited<ReturnType<typeof openVerified<'bundle'>>> | null = null;
  try {
    const identity = await deviceIdentity(uow);
    opened = await openVerified(uow, identity, path, 'bundle');
    const { file, manifest, peer } = opened;
    const changes = manifest.counts.ops + (manifest.snapshot?.rows ?? 0);
    if (changes > 0 && !mayChangeRecords(peer, await syncMode(uow.db))) throw notAllowed(peer);
    return await withBoundedCache(uow.caseFile.sqlite, () =>
      uow.write((w) => applyBundle(w, identity, file, manifest, peer, job)),
    );
  } catch (e) {
    throw auditRejection(uow, path, 'bundle', applyError(e));
  } finally {
    await opened?.file.close();
    job.end();
  }
}

async function applyBundle(
  ctx: WriteUnit,
  identity: DeviceIdentity,
  file: OpenedSyncFile,
  manifest: BundleManifest,
  peer: SyncPeersTable,
  job: ProgressSink,
): Promise<ImportResultDto> {
  const trx = ctx.db;
  // the kysely transaction holds the one connection; the hot path uses the same handle directly
  const sqlite = ctx.caseFile.sqlite;
  // a record may arrive before the staff row it cites (made by a backfill, with a later clock)
  sqlite.pragma('defer_foreign_keys = ON');
  const now = nowIso(ctx);
  const applier = new OpApplier(sqlite);
  const vector = localVector(sqlite);
  const mode = await syncMode(trx);
  const mayChange = mayChangeRecords(peer, mode);
  const origins = new OriginBook(sqlite, peer.device_id, now, mode === 'prefecture');
  const insertOp = sqlite.prepare(
    `INSERT INTO op_log (origin, seq, hlc, entity, entity_id, fields, prev, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const hash = createHash('sha256');
  let bytes = 0;
  let received = 0;
  let applied = 0;
  let duplicates = 0;
  let deferred = 0;
  let parked = 0;
  let maxHlc = '';
  /**
   * Ops past a gap in their origin's sequence, held until the gap fills. A bundle comes in HLC
   * order, and one origin's HLCs need not rise with its seqs (an edit of a value stamped far
   * ahead orders after it; a clock that ran ahead came back: HybridClock): such an op usually
   * finds its predecessor later in the same bundle. What is still held at the end waits for a
   * later bundle (its sender resends it until this device acknowledges it).
   */
  const held = new Map<string, Map<number, OpLine>>();
  let heldCount = 0;
  const take = (op: OpLine) => {
    vector[op.origin] = op.seq;
    const fields = JSON.stringify(op.fields);
    const prev = JSON.stringify(op.prev);
    insertOp.run(op.origin, op.seq, op.hlc, op.entity, op.entityId, fields, prev, op.staffId);
    if (op.hlc > maxHlc) maxHlc = op.hlc;
    origins.note(op.origin);
    const waits = origins.keepsApart(op)
      ? { reason: 'other_center' as const, fields: Object.keys(op.fields) }
      : applier.apply(op);
    if (waits) {
      park(sqlite, op, waits, now, waits.reason === 'other_center' ? peer.device_id : null);
      parked++;
    } else applied++;
  };
  /**
   * A snapshot (the sender pruned ops this device lacks): its rows come first and merge by their
   * clocks; then this device holds every op up to the sender's floor in effect. Its own copies of
   * such ops go (they are in the rows, and a copy here without the ops around it would make the
   * conflict list see a concurrent edit where there was none), and the ops that follow start
   * above the floor. An op at or below it that the sender kept (a row with a listed conflict)
   * is taken as it is.
   */
  const snapshot = manifest.snapshot;
  let rows = 0;
  let rowsDone = !snapshot;
  const endRows = () => {
    if (rowsDone || !snapshot) return;
    rowsDone = true;
    if (rows !== snapshot.rows)
      throw new AppError('BUNDLE_CORRUPT', 'The body does not match its signed manifest.');
    dropOpsUpTo(sqlite, snapshot.floor);
    raiseFloor(sqlite, snapshot.floor);
    for (const [origin, seq] of Object.entries(snapshot.floor))
      vector[origin] = Math.max(vector[origin] ?? 0, seq);
  };
  const insertKept = sqlite.prepare(
    `INSERT INTO op_log (origin, seq, hlc, entity, entity_id, fields, prev, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  job.update('apply', 0, manifest.counts.ops + (snapshot?.rows ?? 0));
  for (;;) {
    const line = await file.nextLine();
    if (!line) break;
    hash.update(line.bytes);
    bytes += line.bytes.length;
    const parsed = parseLine(line.text, received + rows + 1);
    if (!mayChange) throw notAllowed(peer); // the manifest said none: the body must not bring any
    if ('row' in parsed) {
      if (rowsDone) throw new AppError('BUNDLE_CORRUPT', 'A snapshot row comes after the ops.');
      rows++;
      const waiting = applyRowLine(sqlite, applier, parsed.row);
      if (!waiting) applied++;
      else {
        parkRow(sqlite, parsed.row, waiting, now);
        parked++;
      }
      continue;
    }
    endRows();
    received++;
    const op = parsed.op;
    const floorSeq = snapshot?.floor[op.origin] ?? 0;
    if (op.seq <= floorSeq) {
      // kept by the sender below its floor: taken once, without moving the vector
      const r = insertKept.run(
        op.origin,
        op.seq,
        op.hlc,
        op.entity,
        op.entityId,
        JSON.stringify(op.fields),
        JSON.stringify(op.prev),
        op.staffId,
      );
      // its effect (and its count in the row's version) is already in the snapshot's rows
      const waits = r.changes === 0 ? null : applier.apply(op, undefined, false);
      if (r.changes === 0) duplicates++;
      else if (waits) {
        park(sqlite, op, waits, now);
        parked++;
      } else applied++;
      continue;
    }
    const range = manifest.ranges[op.origin];
    if (!range || op.seq < range[0] || op.seq > range[1]) {
      throw new AppError('BUNDLE_CORRUPT', `Op ${received} is outside the ranges the manifest lists.`);
    }
    const have = vector[op.origin] ?? 0;
    if (op.seq <= have || held.get(op.origin)?.has(op.seq)) {
      duplicates++;
      continue;
    }
    if (op.seq > have + 1) {
      if (heldCount < MAX_HELD) {
        const byOrigin = held.get(op.origin) ?? new Map<number, OpLine>();
        held.set(op.origin, byOrigin);
        byOrigin.set(op.seq, op);
        heldCount++;
      } else deferred++;
      continue;
    }
    take(op);
    // the op may close a gap: what was held behind it follows
    const waiting = held.get(op.origin);
    for (let next = waiting?.get(op.seq + 1); next; next = waiting!.get(next.seq + 1)) {
      waiting!.delete(next.seq);
      heldCount--;
      take(next);
    }
    if (received % 1000 === 0) job.update('apply', received);
  }
  endRows();
  deferred += heldCount;
  if (
    received !== manifest.counts.ops ||
    bytes !== manifest.body.bytes ||
    hash.digest('hex') !== manifest.body.sha256
  ) {
    throw new AppError('BUNDLE_CORRUPT', 'The body does not match its signed manifest.');
  }
  job.update('finish', received);
  // what this bundle brought may let earlier parked ops apply (an edit that came before its row)
  const retried = retryPending(sqlite, applier);
  applied += retried.applied;
  applier.derived.flush();
  const conflicts = new ConflictRecorder(sqlite, now);
  const newConflicts = conflicts.recomputeAll(applier.conflictCandidates);
  conflicts.refreshListed();
  if (maxHlc) ctx.clock.observe(maxHlc);
  await noteClock(ctx, peer, manifest);
  // two devices that chose the same letters for record numbers before they met: this one moves
  const clashed = applied ? await dropClashingCode(trx, identity.deviceId) : null;
  if (clashed) {
    ctx.audit.add('consultation.serial.recode', {
      entity: 'sync_peer',
      entityId: peer.device_id,
      detail: { code: clashed, from: peer.device_id },
    });
  }
  // the sender's vector in the signed manifest acknowledges what it holds, like a receipt
  await recordAck(trx, peer, manifest.have, applied ? { last_import_at: now, last_import_ops: applied } : {});
  // the sender's acknowledgement may be the last one some ops waited for (db/sync/prune.ts)
  pruneAcknowledged(sqlite);
  await recordImport(trx, {
    bundle_id: manifest.id,
    kind: 'bundle',
    peer: peer.device_id,
    imported_at: now,
    imported_by: ctx.actor.id,
    ops_received: received,
    ops_applied: applied,
    ops_parked: parked,
  });
  const result: ImportResultDto = {
    bundleId: manifest.id,
    from: { deviceId: peer.device_id, centerName: peer.center_name },
    received,
    applied,
    duplicates,
    deferred,
    parked,
    newConflicts,
    senderSchemaVersion: manifest.schemaVersion,
    senderIsNewer: manifest.schemaVersion > SCHEMA_VERSION,
  };
  ctx.audit.about({
    entity: 'sync_peer',
    entityId: peer.device_id,
    detail: { ...result, from: peer.device_id, deviceId: identity.deviceId },
  });
  job.update('done', received, received);
  return result;
}
