import type { OpLogTable } from '../schema';
import type { SqliteDb } from '../sqlite/open-encrypted';
import type { VersionVector } from './version-vector';

/**
 * Every op a peer has not acknowledged, from every origin this device holds (so an outreach
 * laptop's ops reach the prefecture through the office PC), except the peer's own. In HLC
 * order, which is causal order: a row's creation comes before its edits and before the records
 * that cite it, and each origin's seqs come in sequence. Read in pages by HLC (unique: it ends
 * with the device id), so memory holds one page.
 */
export function* opsForPeer(
  sqlite: SqliteDb,
  acked: VersionVector,
  peerId: string,
  pageSize = 2000,
): Generator<OpLogTable[]> {
  const page = sqlite.prepare(
    `SELECT o.origin, o.seq, o.hlc, o.entity, o.entity_id, o.fields, o.prev, o.staff_id
       FROM op_log o LEFT JOIN json_each(?) a ON a.key = o.origin
      WHERE o.hlc > ? AND o.origin <> ? AND o.seq > coalesce(a.value, 0)
      ORDER BY o.hlc LIMIT ?`,
  );
  const ackedJson = JSON.stringify(acked);
  let after = '';
  for (;;) {
    const rows = page.all(ackedJson, after, peerId, pageSize) as OpLogTable[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.hlc;
    if (rows.length < pageSize) return;
  }
}
