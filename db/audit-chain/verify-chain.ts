import type { AuditAnchor } from '../crypto/keyslot-file';
import type { SqliteDb } from '../sqlite/open-encrypted';
import { anchorTagValid, BREAK_ACTION, chainStarted, headId, type TailBreak } from './anchor';
import { AuditChain, chainPayload, type ChainedContent } from './chain-mac';

/**
 * What a verify found. `firstBroken` is the first entry that does not check out:
 * - `altered`: its content (or its MAC) was changed;
 * - `link`: it does not follow the entry before it (an entry was deleted, or rows reordered);
 * - `unchained`: it has no MAC (inserted past the app, e.g. with an SQL tool);
 * - `head`: the chain is intact but shorter than the head says (the newest entries removed),
 *   or the head itself was altered or removed;
 * - `anchor`: the entry the key-slot file's anchor names is gone or different (entries up to
 *   it were removed), or the anchor itself was altered;
 * - `meta`: the marker that the chain has started was removed.
 * A break found at a sign-in stays reported: it was written down as an `audit.break-found`
 * entry (anchor.ts), reported with that entry's id, time and the reason found then.
 */
export type BreakReason = 'altered' | 'link' | 'unchained' | 'head' | 'anchor' | 'meta';

export interface ChainReport {
  ok: boolean;
  entries: number;
  firstBroken: { id: number; at: string | null; action: string | null; reason: BreakReason } | null;
  /** the newest entry's id and MAC: write it down to compare later ("anchoring") */
  head: { id: number; mac: string } | null;
}

interface Row extends ChainedContent {
  id: number;
  prev_mac: string | null;
  mac: string | null;
}

/** Walks the whole log in id order (streamed: memory stays flat) and checks every link. */
export function verifyAuditChain(
  sqlite: SqliteDb,
  chain: AuditChain,
  outside: { fileId: string; anchor: AuditAnchor | undefined },
): ChainReport {
  const rows = sqlite
    .prepare(
      `SELECT id, at, staff_id, login, action, entity, entity_id, detail, prev_mac, mac FROM audit_log ORDER BY id`,
    )
    .iterate() as IterableIterator<Row>;
  let prev: string | null = null;
  let entries = 0;
  let first: Row | null = null;
  let last: Row | null = null;
  const { anchor } = outside;
  let anchorSeen = false;
  let recorded: ChainReport['firstBroken'] = null;
  const broken = (r: Row, reason: BreakReason): ChainReport => ({
    ok: false,
    entries,
    firstBroken: { id: r.id, at: r.at, action: r.action, reason },
    head: last?.mac ? { id: last.id, mac: last.mac } : null,
  });
  for (const r of rows) {
    entries++;
    if (!r.mac) {
      rows.return?.();
      return broken(r, 'unchained');
    }
    if (r.prev_mac !== prev) {
      rows.return?.();
      return broken(r, 'link');
    }
    // a plain comparison: verify reads stored values, it answers no one who could time it
    if (r.mac !== chain.mac(chainPayload(r), r.prev_mac)) {
      rows.return?.();
      return broken(r, 'altered');
    }
    if (anchor && r.id === anchor.id) {
      if (r.mac !== anchor.mac) {
        rows.return?.();
        return broken(r, 'anchor');
      }
      anchorSeen = true;
    }
    if (r.action === BREAK_ACTION && !recorded) recorded = recordedBreak(r);
    prev = r.mac;
    first ??= r;
    last = r;
  }
  const stored = (
    sqlite.prepare(`SELECT value FROM audit_head WHERE one = 1`).get() as { value: string } | undefined
  )?.value;
  const head = last?.mac ? { id: last.id, mac: last.mac } : null;
  const fail = (id: number | null, reason: BreakReason): ChainReport => ({
    ok: false,
    entries,
    firstBroken: { id: id ?? 0, at: null, action: null, reason },
    head,
  });
  if (anchor && (!anchorSeen || !anchorTagValid(chain, outside.fileId, anchor)))
    return fail(anchor.id, 'anchor');
  if (!(last && stored && chain.headMatches(stored, last.id, last.mac!))) {
    return fail(headId(stored) ?? last?.id ?? null, 'head');
  }
  if (!chainStarted(sqlite)) return fail(first?.id ?? null, 'meta'); // the mark of the chain's start
  if (recorded) return { ok: false, entries, firstBroken: recorded, head };
  return { ok: true, entries, firstBroken: null, head };
}

/** A break written down at a sign-in: reported with the reason and entry found then. */
function recordedBreak(r: Row): NonNullable<ChainReport['firstBroken']> {
  let first: TailBreak | undefined;
  try {
    first = (JSON.parse(r.detail ?? '{}') as { breaks?: TailBreak[] }).breaks?.[0];
  } catch {
    first = undefined;
  }
  return { id: first?.id ?? r.id, at: r.at, action: r.action, reason: first?.reason ?? 'head' };
}
