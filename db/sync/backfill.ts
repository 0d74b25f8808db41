import { sql, type Transaction } from 'kysely';
import type { DB } from '../schema';
import { ENTITY_TABLES, LIST_FIELDS } from './entities';
import { recordOp, type OpWriter, type SyncedEntity } from './op-log';

/** Columns that are the row's key or derived on each device, never sent. */
export const NOT_SENT: ReadonlySet<string> = new Set(['id', 'version', 'search_text']);

/**
 * Rows written without an op (the first administrator, made with the case file; staff added by
 * older code or tests) would never reach another device, and records citing them (responders,
 * owners) could not be applied there. Before an export, each such row gets one creation op with
 * its current values. Entities with list fields (consultations) are always written through
 * their use case, which records the op, so they are not scanned.
 */
export async function backfillOps(trx: Transaction<DB>, w: OpWriter): Promise<number> {
  let n = 0;
  for (const [entity, table] of Object.entries(ENTITY_TABLES)) {
    if (LIST_FIELDS[entity] || entity === 'sync_conflict') continue;
    const exists = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${table}`.execute(trx);
    if (!exists.rows[0]?.n) continue;
    const rows = await sql<Record<string, unknown>>`
      SELECT t.* FROM ${sql.table(table)} t
       WHERE NOT EXISTS (SELECT 1 FROM row_clocks rc WHERE rc.entity = ${entity} AND rc.entity_id = t.id)`.execute(
      trx,
    );
    for (const row of rows.rows) {
      const fields = Object.fromEntries(Object.entries(row).filter(([k]) => !NOT_SENT.has(k)));
      await recordOp(trx, w, entity as SyncedEntity, String(row.id), fields);
      n++;
    }
  }
  return n;
}
