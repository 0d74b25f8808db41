import type { AuditAnchor } from '../crypto/keyslot-file';
import type { SqliteDb } from '../sqlite/open-encrypted';
import { safeEqual, type AuditChain } from './chain-mac';
import { CHAIN_STARTED_KEY } from './start-chain';

/**
 * The chain's end, checked and kept outside the case file.
 *
 * The keyed head (table `audit_head`) names the newest entry, but it lives in the case file: a
 * data-key holder can delete the newest entries and put back a head saved earlier, and until
 * issue 16 the next sign-in simply chained its entry onto what was left. So:
 * - the **anchor** (id, MAC and time of the newest entry, tagged with the audit key) is kept in
 *   the key-slot file and moves at sign-in, lock and backup; the entry it names must stay;
 * - before a sign-in writes its entry (and before the anchor moves), `checkTail` compares the
 *   end of the chain with the head and the anchor, and the chain marker in meta;
 * - what it finds is written down as an `audit.break-found` entry, chained like any other, so
 *   the next sign-in cannot heal it: `verify` reports it from then on.
 */
export const BREAK_ACTION = 'audit.break-found';

export type TailBreak = {
  /** head: the newest entries are gone (or the head was changed); anchor: entries up to the
   * anchored one are gone; meta: the chain marker was removed; unchained: the newest entry has
   * no MAC */
  reason: 'head' | 'anchor' | 'meta' | 'unchained';
  /** the entry the break concerns (the anchored or head-named id), when known */
  id: number | null;
};

interface Tail {
  id: number;
  mac: string | null;
}

const tailOf = (sqlite: SqliteDb) =>
  sqlite.prepare(`SELECT id, mac FROM audit_log ORDER BY id DESC LIMIT 1`).get() as Tail | undefined;

const storedHead = (sqlite: SqliteDb) =>
  (sqlite.prepare(`SELECT value FROM audit_head WHERE one = 1`).get() as { value: string } | undefined)
    ?.value;

/** The id the stored head names (the newest entry when it was written), if it can be read. */
export function headId(stored: string | undefined): number | null {
  try {
    const id = (JSON.parse(stored ?? '') as { id?: unknown }).id;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

export function chainStarted(sqlite: SqliteDb): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM meta WHERE key = ?`).get(CHAIN_STARTED_KEY);
}

/** The anchor for the chain's current end (null for an empty log). */
export function anchorNow(
  sqlite: SqliteDb,
  chain: AuditChain,
  fileId: string,
  at: string,
): AuditAnchor | null {
  const tail = tailOf(sqlite);
  if (!tail?.mac) return null;
  return { id: tail.id, mac: tail.mac, at, tag: chain.anchorTag(fileId, tail.id, tail.mac, at) };
}

export function anchorTagValid(chain: AuditChain, fileId: string, a: AuditAnchor): boolean {
  return safeEqual(a.tag, chain.anchorTag(fileId, a.id, a.mac, a.at));
}

/**
 * The quick check of the chain's end (a few indexed reads, whatever the log's size); the whole
 * chain is `verifyAuditChain`'s. `lastOwn` is the newest entry this connection wrote itself.
 */
export function checkTail(
  sqlite: SqliteDb,
  chain: AuditChain,
  fileId: string,
  anchor: AuditAnchor | undefined,
  lastOwn: { id: number; mac: string } | null = null,
): TailBreak[] {
  const breaks: TailBreak[] = [];
  const started = chainStarted(sqlite);
  if (!started) breaks.push({ reason: 'meta', id: null });
  const macOf = sqlite.prepare(`SELECT mac FROM audit_log WHERE id = ?`);
  if (anchor) {
    const row = macOf.get(anchor.id) as { mac: string | null } | undefined;
    if (!anchorTagValid(chain, fileId, anchor) || row?.mac !== anchor.mac) {
      breaks.push({ reason: 'anchor', id: anchor.id });
    }
  }
  if (lastOwn) {
    const row = macOf.get(lastOwn.id) as { mac: string | null } | undefined;
    if (row?.mac !== lastOwn.mac) breaks.push({ reason: 'head', id: lastOwn.id });
  }
  const tail = tailOf(sqlite);
  const stored = storedHead(sqlite);
  if (!tail) {
    if (stored !== undefined || anchor || started) breaks.push({ reason: 'head', id: headId(stored) });
  } else if (!tail.mac) {
    breaks.push({ reason: 'unchained', id: tail.id });
  } else if (!(stored && chain.headMatches(stored, tail.id, tail.mac))) {
    breaks.push({ reason: 'head', id: headId(stored) ?? tail.id });
  }
  // one finding per reason is enough
  return breaks.filter((b, i) => breaks.findIndex((x) => x.reason === b.reason) === i);
}
