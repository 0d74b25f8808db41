import type { SqliteDb } from '../sqlite/open-encrypted';
import { SNAPSHOT_ORIGIN } from './apply-op';
import { formerSelves } from './former-self';
import { raiseFloor } from './op-floor';
import { localVector, parseVector, type VersionVector } from './version-vector';

/**
 * Drops the ops every active paired device has acknowledged (issue 17: op_log was the largest
 * sync cost, ≈2.8 KB per consultation kept forever). What stays:
 * - op_floor, per origin, how far ops were pruned: the version vector and the next seq this
 *   device gives out still count them; a peer acknowledging less gets a snapshot of the rows
 *   (db/sync/snapshot.ts) instead of the ops.
 * - the ops of a row with a listed conflict, and parked ops: the conflict list and the retry
 *   of a parked op are computed from them;
 * - each origin's newest op: a peer's acknowledgement of this device's newest edit is how a
 *   clock far off is noticed (db/sync/clock-skew.ts), and one op per device costs nothing.
 *
 * An op is pruned only when it is stable: every active peer holds it, and this device holds
 * everything each peer said it held when it acknowledged it. Any op still on its way was then
 * written after its author had this one, so it builds on it and cannot be a concurrent edit
 * that the conflict list would need this op to see. A peer that never answered (acknowledged
 * nothing) holds everything back; a retired peer (removePeer) does not count.
 *
 * Not on a device that holds ops of a device it is not paired with (hearsOfUnpairedDevices);
 * its own ops from before a restore gave it a new id do not count as such (former-self.ts).
 * Not in prefecture mode: there the op that made a record says which center it belongs to.
 *
 * Runs inside the caller's transaction, wherever acknowledgements move: after a receipt or a
 * bundle is imported and after a peer is retired.
 */
export function pruneAcknowledged(sqlite: SqliteDb): { pruned: number; floor: VersionVector } {
  // the prefecture tells which center a record belongs to by the op that made it (origin-book.ts)
  const mode = sqlite.prepare(`SELECT value FROM meta WHERE key = 'sync_mode'`).pluck().get();
  if (mode === 'prefecture') return { pruned: 0, floor: {} };
  const peers = sqlite.prepare(`SELECT acked, role, profile FROM sync_peers WHERE active = 1`).all() as {
    acked: string;
    role: string;
    profile: string;
  }[];
  // no peer: nobody to ask; keep everything until a first pairing says what is shared
  if (peers.length === 0) return { pruned: 0, floor: {} };
  const local = localVector(sqlite);
  if (hearsOfUnpairedDevices(sqlite, local)) return { pruned: 0, floor: {} };
  const acks = peers.map((p) => parseVector(p.acked));
  // a peer holds ops this device has not received yet: they may be concurrent with ours (only
  // from a peer whose ops this device takes: the center's own devices, inbound-scope.ts)
  for (const [i, acked] of acks.entries()) {
    if (peers[i]!.role !== 'center' || peers[i]!.profile !== 'full') continue;
    for (const [origin, seq] of Object.entries(acked))
      if ((local[origin] ?? 0) < seq) return { pruned: 0, floor: {} };
  }
  const floor: VersionVector = {};
  for (const [origin, have] of Object.entries(local)) {
    const stable = Math.min(have, ...acks.map((a) => a[origin] ?? 0));
    if (stable > 0) floor[origin] = stable;
  }
  const pruned = dropOpsUpTo(sqlite, floor, { keepNewest: true, keepLiveRows: true });
  raiseFloor(sqlite, floor);
  return { pruned, floor };
}

/**
 * Seqs one DELETE statement covers. SQLite keeps a copy of each page a statement changes until
 * the statement ends (its statement journal, in memory: temp_store = MEMORY, issue 16), so one
 * DELETE of a 100,000-op import's ops held ≈280 MB (`npm run bench -- sync`: peak RSS 486 MB
 * against a target of 300). 2,000 ops are ≈4 MB of op log.
 */
export const PRUNE_STEP = 2000;

/**
 * Deletes each origin's ops up to the floor (in steps of PRUNE_STEP seqs), except those the
 * merge still reads: a row with a listed conflict (the list is computed from its ops) and a
 * parked op (retried from op_log).
 * With `keepLiveRows`, also every op of a row that still has an op above the floor (an edit
 * not every peer holds yet): an edit still on its way may be concurrent with that one, and
 * whether the value it overwrote was one the winning line once held (a value taken back: no
 * conflict) is read from the older ops of the row. Without them one device listed a conflict
 * the others did not (tests/sync/convergence.property.test.ts, seed -479200343).
 */
export function dropOpsUpTo(
  sqlite: SqliteDb,
  floor: VersionVector,
  opts: { keepNewest?: boolean; keepLiveRows?: boolean; step?: number } = {},
): number {
  const step = opts.step ?? PRUNE_STEP;
  const del = sqlite.prepare(
    `DELETE FROM op_log WHERE origin = @origin AND seq > @from AND seq <= @to
        ${opts.keepNewest ? 'AND seq < (SELECT max(n.seq) FROM op_log n WHERE n.origin = op_log.origin)' : ''}
        ${
          opts.keepLiveRows
            ? `AND NOT EXISTS (SELECT 1 FROM op_log l
                                WHERE l.entity = op_log.entity AND l.entity_id = op_log.entity_id
                                  AND l.seq > coalesce(json_extract(@floor, '$."' || l.origin || '"'), 0))`
            : ''
        }
        AND NOT EXISTS (SELECT 1 FROM sync_pending p WHERE p.origin = op_log.origin AND p.seq = op_log.seq)
        AND NOT EXISTS (SELECT 1 FROM sync_conflicts c
                         WHERE c.entity = op_log.entity AND c.entity_id = op_log.entity_id)`,
  );
  const first = sqlite.prepare(`SELECT min(seq) FROM op_log WHERE origin = ?`).pluck();
  let n = 0;
  const json = JSON.stringify(floor);
  for (const [origin, upTo] of Object.entries(floor)) {
    const lowest = first.get(origin) as number | null;
    if (lowest === null) continue;
    // which ops stay depends only on ops above the floor, conflicts and parked ops, never on
    // the ops an earlier step deleted: the steps delete what one statement would
    for (let from = lowest - 1; from < upTo; from += step) {
      const to = Math.min(from + step, upTo);
      n += del.run({ origin, from, to, ...(opts.keepLiveRows ? { floor: json } : {}) }).changes;
    }
  }
  return n;
}

/**
 * Ops of a device this one is not paired with (a laptop's ops relayed by the office PC) may
 * still be on their way with edits made concurrently with an op that every peer here holds:
 * whether such an edit is a conflict, or a value the record already held (the same value
 * written twice, a value taken back), is read from the older ops of the row. No peer here can
 * say that device holds them, so this device keeps its log (the office PC, paired with every
 * laptop, prunes). Without this the first laptop listed a conflict the office and the second
 * laptop did not (tests/sync/relayed-edit-after-pruning.test.ts, convergence seed -1795336550).
 */
function hearsOfUnpairedDevices(sqlite: SqliteDb, local: VersionVector): boolean {
  const self = sqlite.prepare(`SELECT value FROM meta WHERE key = 'device_id'`).pluck().get() as string;
  const known = new Set(sqlite.prepare(`SELECT device_id FROM sync_peers`).pluck().all() as string[]);
  // this device before a restore gave it a new id: its own past, unless that id wrote on since
  const former = formerSelves(sqlite);
  const ownPast = (origin: string) => former[origin] !== undefined && (local[origin] ?? 0) <= former[origin]!;
  return Object.keys(local).some(
    (origin) => origin !== self && origin !== SNAPSHOT_ORIGIN && !known.has(origin) && !ownPast(origin),
  );
}
