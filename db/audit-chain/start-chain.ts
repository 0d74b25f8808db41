import type { SqliteDb } from '../sqlite/open-encrypted';
import { AuditChain, chainPayload, type ChainedContent } from './chain-mac';

export const CHAIN_STARTED_KEY = 'audit_chain';

/**
 * The first unlock after migration 0007 (or a case file's creation) starts the chain: entries
 * written before it get their MACs now, in id order, in one transaction. Done once: the meta
 * row says the chain has started, so later unchained rows are reported, never adopted (a
 * sidecar stripped of its audit key cannot launder the log: a new key fails every old MAC).
 * Returns how many earlier entries were chained, or null when the chain had already started.
 */
export function startChainIfNew(sqlite: SqliteDb, chain: AuditChain, now: string): number | null {
  const started = sqlite.prepare(`SELECT 1 FROM meta WHERE key = ?`).get(CHAIN_STARTED_KEY);
  if (started) return null;
  const rows = sqlite
    .prepare(`SELECT id, at, staff_id, login, action, entity, entity_id, detail FROM audit_log ORDER BY id`)
    .all() as (ChainedContent & { id: number })[];
  const set = sqlite.prepare(`UPDATE audit_log SET prev_mac = ?, mac = ? WHERE id = ?`);
  sqlite.transaction(() => {
    let prev: string | null = null;
    for (const r of rows) {
      const mac = chain.mac(chainPayload(r), prev);
      set.run(prev, mac, r.id);
      prev = mac;
    }
    const last = rows[rows.length - 1];
    if (last && prev) {
      sqlite
        .prepare(
          `INSERT INTO audit_head (one, value) VALUES (1, ?) ON CONFLICT (one) DO UPDATE SET value = excluded.value`,
        )
        .run(chain.head(last.id, prev));
    }
    sqlite.prepare(`INSERT INTO meta (key, value) VALUES (?, ?)`).run(CHAIN_STARTED_KEY, `v1 ${now}`);
  })();
  return rows.length;
}
