import { sql, type Kysely } from 'kysely';

/** Runs DDL statements one by one (kysely's `sql` runs a single statement). */
export async function execAll(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
