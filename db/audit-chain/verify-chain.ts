import type { SqliteDb } from '../sqlite/open-encrypted';
import { AuditChain, chainPayload, type ChainedContent } from './chain-mac';

/**
 * What a verify found. `firstBroken` is the first entry that does not check out:
 * - `altered`: its content (or its MAC) was changed;
 * - `link`: it does not follow the entry before it (an entry was deleted, or rows reordered);
 * - `unchained`: it has no MAC (inserted past the app, e.g. with an SQL tool);
 * - `head`: the chain is intact but shorter than the head says (the newest entries removed),
 *   or the head itself was altered or removed.
 */
export type BreakReason = 'altered' | 'link' | 'unchained' | 'head';

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
export function verifyAuditChain(sqlite: SqliteDb, chain: AuditChain): ChainReport {
  const rows = sqlite
    .prepare(
      `SELECT id, at, staff_id, login, action, entity, entity_id, detail, prev_mac, mac FROM audit_log ORDER BY id`,
    )
    .iterate() as IterableIterator<Row>;
  let prev: string | null = null;
  let entries = 0;
  let last: Row | null = null;
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
    prev = r.mac;
    last = r;
  }
  const stored = (
    sqlite.prepare(`SELECT value FROM audit_head WHERE one = 1`).get() as { value: string } | undefined
  )?.value;
  const head = last?.mac ? { id: last.id, mac: last.mac } : null;
  if (last && !(stored && chain.headMatches(stored, last.id, last.mac!))) {
    return {
      ok: false,
      entries,
      firstBroken: { id: headId(stored) ?? last.id, at: null, action: null, reason: 'head' },
      head,
    };
  }
  return { ok: true, entries, firstBroken: null, head };
}

/** The id the stored head names (where the missing tail began), if it can be read at all. */
function headId(stored: string | undefined): number | null {
  try {
    const id = (JSON.parse(stored ?? '') as { id?: unknown }).id;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}
