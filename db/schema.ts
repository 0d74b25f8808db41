/**
 * The app's view of the tables (kysely types). Migrations never import this file: they are
 * frozen against `Kysely<any>`.
 */
export interface MetaTable {
  key: string;
  value: string;
}

export interface StaffTable {
  id: string;
  login: string;
  display_name: string;
  role: 'administrator' | 'counselor' | 'peer_supporter' | 'read_only';
  profession: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: number | undefined;
  at: string;
  staff_id: string | null;
  login: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  detail: string | null;
}

export interface DB {
  meta: MetaTable;
  staff: StaffTable;
  audit_log: AuditLogTable;
}
