import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. The security migration (issue 8):
 * - audit_log gets a keyed hash chain: each entry stores the MAC of the entry before it
 *   (`prev_mac`) and its own MAC (`mac`) over its content and `prev_mac` (db/audit-chain/);
 *   `audit_head` (one row) holds the keyed head, so removing the newest entries shows.
 *   Rows written before this migration have neither; the app chains them once, at the first
 *   unlock after the upgrade, and records that it did (`audit.chain-start`).
 * - staff_totp: the optional second factor (RFC 6238) per account. Local to this device's
 *   case file like the key slots it complements: it is not a synced entity and never leaves
 *   in a bundle. The secret sits only inside the encrypted case file.
 * Depends on nothing after 0005.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `ALTER TABLE audit_log ADD COLUMN prev_mac TEXT`,
    `ALTER TABLE audit_log ADD COLUMN mac TEXT`,
    `CREATE TABLE audit_head (one INTEGER PRIMARY KEY CHECK (one = 1), value TEXT NOT NULL) STRICT`,
    `CREATE INDEX audit_log_action ON audit_log(action, at)`,
    `CREATE INDEX audit_log_login ON audit_log(login, at)`,
    `CREATE TABLE staff_totp (
       staff_id TEXT PRIMARY KEY REFERENCES staff(id),
       secret TEXT NOT NULL,
       state TEXT NOT NULL CHECK (state IN ('pending','active')),
       created_at TEXT NOT NULL,
       confirmed_at TEXT,
       last_step INTEGER
     ) STRICT`,
  ]);
}
