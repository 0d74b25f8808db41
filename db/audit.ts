import type { Kysely, Transaction } from 'kysely';
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

export async function writeAudit(db: Kysely<DB> | Transaction<DB>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: undefined,
      at: new Date().toISOString(),
      staff_id: e.staffId,
      login: e.login,
      action: e.action,
      entity: e.entity ?? null,
      entity_id: e.entityId ?? null,
      detail: e.detail === undefined ? null : JSON.stringify(e.detail),
    })
    .execute();
}
