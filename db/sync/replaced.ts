import type { SqliteDb } from '../sqlite/open-encrypted';
import type { Stmt } from './table-info';

/**
 * Values overwritten by an edit made without seeing them, whose own op is no longer in the log
 * (pruned once every peer had it, or received as part of a snapshot). The conflict list is
 * computed from ops (db/sync/conflicts.ts); these stand in for the missing op, so the person
 * reviewing still sees both values and can take the overwritten one back. Rare (a concurrent
 * edit of a value older than every peer's acknowledgement) and small: kept as they are.
 */
export class ReplacedValues {
  #exists: Stmt;
  #put: Stmt;
  #list: Stmt;

  constructor(sqlite: SqliteDb) {
    this.#exists = sqlite.prepare<unknown[]>(`SELECT 1 FROM op_log WHERE hlc = ?`);
    this.#put = sqlite.prepare<unknown[]>(
      `INSERT INTO sync_replaced (entity, entity_id, field, hlc, fields) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    );
    this.#list = sqlite.prepare<unknown[]>(
      `SELECT hlc, fields FROM sync_replaced WHERE entity = ? AND entity_id = ? AND field = ?`,
    );
  }

  /** Whether the op that wrote this clock is still in the log. */
  inLog(hlc: string): boolean {
    return !!this.#exists.get(hlc);
  }

  keep(entity: string, entityId: string, key: string, hlc: string, fields: Record<string, unknown>): void {
    this.#put.run(entity, entityId, key, hlc, JSON.stringify(fields));
  }

  list(entity: string, entityId: string, key: string): { hlc: string; fields: Record<string, unknown> }[] {
    return (this.#list.all(entity, entityId, key) as { hlc: string; fields: string }[]).map((r) => ({
      hlc: r.hlc,
      fields: JSON.parse(r.fields) as Record<string, unknown>,
    }));
  }
}
