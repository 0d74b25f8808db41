import type { Kysely, Transaction } from 'kysely';
import { fixedRows } from './sqlite/fixed-sql';
import { chainPayload, HEAD_FUNCTION, MAC_FUNCTION } from './audit-chain/chain-mac';
import type { DB } from './schema';

export interface AuditEntry {
  staffId: string | null;
  login: string | null;
  action: string;
  entity?: string | null;
  entityId?: string | null;
  /** what changed or was looked at; never the personal data itself */
  detail?: unknown;
}

/**
 * Appends one entry to the chained audit log (db/audit-chain/): the MAC over the entry and the
 * newest entry's MAC is computed inside the INSERT, and the keyed head moves to the new entry.
 * Both statements run in the caller's transaction, or in one of their own, so two use cases
 * interleaving on the connection can never fork the chain.
 */
export async function writeAudit(db: Kysely<DB> | Transaction<DB>, e: AuditEntry): Promise<void> {
  const row = {
    at: new Date().toISOString(),
    staff_id: e.staffId,
    login: e.login,
    action: e.action,
    entity: e.entity ?? null,
    entity_id: e.entityId ?? null,
    detail: e.detail === undefined ? null : JSON.stringify(e.detail),
  };
  const payload = chainPayload(row);
  const append = async (q: Kysely<DB>) => {
    await fixedRows(q, APPEND_ENTRY, [
      row.at,
      row.staff_id,
      row.login,
      row.action,
      row.entity,
      row.entity_id,
      row.detail,
      payload,
    ]);
    await fixedRows(q, MOVE_HEAD);
  };
  if (db.isTransaction) await append(db);
  else await db.transaction().execute(append);
}

// Fixed SQL (db/sqlite/fixed-sql.ts): a save writes one to three entries
const APPEND_ENTRY = `
  INSERT INTO audit_log (at, staff_id, login, action, entity, entity_id, detail, prev_mac, mac)
  SELECT ?, ?, ?, ?, ?, ?, ?, p.mac, ${MAC_FUNCTION}(?, p.mac)
  FROM (SELECT (SELECT mac FROM audit_log ORDER BY id DESC LIMIT 1) AS mac) AS p`;
const MOVE_HEAD = `
  INSERT INTO audit_head (one, value)
  SELECT 1, ${HEAD_FUNCTION}(id, mac)
  FROM (SELECT id, mac FROM audit_log ORDER BY id DESC LIMIT 1) WHERE mac IS NOT NULL
  ON CONFLICT (one) DO UPDATE SET value = excluded.value`;
