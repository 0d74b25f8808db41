import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. The case file's identity, its staff accounts (tied to key slots by login) and the
 * audit log. Never edit a released migration: add a new one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`,
    `CREATE TABLE staff (
       id TEXT PRIMARY KEY,
       login TEXT NOT NULL UNIQUE,
       display_name TEXT NOT NULL,
       role TEXT NOT NULL CHECK (role IN ('administrator','counselor','peer_supporter','read_only')),
       profession TEXT,
       active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
       created_at TEXT NOT NULL,
       updated_at TEXT NOT NULL
     ) STRICT`,
    `CREATE TABLE audit_log (
       id INTEGER PRIMARY KEY AUTOINCREMENT,
       at TEXT NOT NULL,
       staff_id TEXT,
       login TEXT,
       action TEXT NOT NULL,
       entity TEXT,
       entity_id TEXT,
       detail TEXT
     ) STRICT`,
    `CREATE INDEX audit_log_at ON audit_log(at)`,
    `CREATE INDEX audit_log_entity ON audit_log(entity, entity_id)`,
  ]);
}
