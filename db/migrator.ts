import { copyFileSync } from 'node:fs';
import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import { AppError } from '../shared/errors';
import { MIGRATION_NAMES, MIGRATIONS, SCHEMA_VERSION } from './migrations';
import type { SqliteDb } from './sqlite/open-encrypted';

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Names of the migrations this file has run (empty for a new file). */
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const exists = await sql<{ n: number }>`
    SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`.execute(db);
  if (!exists.rows[0]?.n) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Refuses a case file written by a newer app before anything is changed. */
export async function assertSchemaKnown(db: Kysely<any>): Promise<string[]> {
  const applied = await appliedMigrations(db);
  const unknown = applied.filter((n) => !MIGRATION_NAMES.includes(n));
  if (unknown.length > 0) {
    throw new AppError(
      'SCHEMA_TOO_NEW',
      `This case file was written by a newer version of Yorisoi (schema ${applied.length}, this app knows ${SCHEMA_VERSION}). Update the app.`,
    );
  }
  return applied;
}

/**
 * Brings the file to the current schema. An existing file is copied first (the copy is the
 * encrypted file itself, after a WAL checkpoint) together with its key slots, so a failed
 * migration can be undone by hand.
 */
export async function migrateToLatest(
  db: Kysely<any>,
  sqlite: SqliteDb,
  files: { casefile: string; keyslots: string },
): Promise<{ from: number; to: number; backup: string | null }> {
  const applied = await assertSchemaKnown(db);
  if (applied.length === SCHEMA_VERSION) return { from: applied.length, to: applied.length, backup: null };
  let backup: string | null = null;
  if (applied.length > 0) {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    backup = `${files.casefile}.pre-migration-v${applied.length}-${stamp}.bak`;
    copyFileSync(files.casefile, backup);
    copyFileSync(files.keyslots, `${backup}.keys`);
  }
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new AppError('INTERNAL', `Migration ${failed} failed: ${String(error)}`);
  }
  return { from: applied.length, to: SCHEMA_VERSION, backup };
}
