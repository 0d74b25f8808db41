import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. Sync state besides the op log (0002): paired peers and what each has acknowledged,
 * which peer first brought each origin's ops, ops waiting for a newer app or a missing row,
 * conflicts found by the merge (and their resolutions, which sync like records), and a log of
 * imported bundles. The device's own keys live in `meta` (inside the encrypted file).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `CREATE TABLE sync_peers (
       device_id TEXT PRIMARY KEY,
       center_name TEXT NOT NULL,
       label TEXT,
       role TEXT NOT NULL CHECK (role IN ('center','prefecture')),
       sign_key TEXT NOT NULL,
       age_recipient TEXT NOT NULL,
       fingerprint TEXT NOT NULL,
       profile TEXT NOT NULL CHECK (profile IN ('full','statistics')),
       active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
       paired_at TEXT NOT NULL,
       paired_by TEXT NOT NULL,
       acked TEXT NOT NULL DEFAULT '{}',
       last_export_at TEXT,
       last_export_ops INTEGER,
       last_receipt_at TEXT,
       last_import_at TEXT,
       last_import_ops INTEGER
     ) STRICT`,
    `CREATE TABLE sync_origins (
       origin TEXT PRIMARY KEY,
       via_peer TEXT,
       first_seen_at TEXT NOT NULL
     ) STRICT`,
    `CREATE TABLE sync_pending (
       origin TEXT NOT NULL,
       seq INTEGER NOT NULL,
       reason TEXT NOT NULL CHECK (reason IN ('unknown_entity','unknown_field','missing_row','other_center')),
       fields TEXT NOT NULL,
       since TEXT NOT NULL,
       PRIMARY KEY (origin, seq)
     ) STRICT`,
    `CREATE TABLE sync_conflicts (
       id TEXT PRIMARY KEY,
       entity TEXT NOT NULL,
       entity_id TEXT NOT NULL,
       field TEXT NOT NULL,
       loser_hlc TEXT NOT NULL,
       detected_at TEXT NOT NULL
     ) STRICT`,
    `CREATE INDEX sync_conflicts_row ON sync_conflicts(entity, entity_id, field)`,
    `CREATE TABLE sync_conflict_resolutions (
       id TEXT PRIMARY KEY,
       resolution TEXT NOT NULL CHECK (resolution IN ('keep','take')),
       created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
     ) STRICT`,
    `CREATE TABLE sync_imports (
       bundle_id TEXT PRIMARY KEY,
       kind TEXT NOT NULL CHECK (kind IN ('bundle','receipt')),
       peer TEXT NOT NULL,
       imported_at TEXT NOT NULL,
       imported_by TEXT NOT NULL,
       ops_received INTEGER NOT NULL,
       ops_applied INTEGER NOT NULL,
       ops_parked INTEGER NOT NULL
     ) STRICT`,
  ]);
}
