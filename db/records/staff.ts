import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { DB, StaffTable } from '../schema';
import { fixedRows } from '../sqlite/fixed-sql';
import { plainRecord } from './write-record';

/**
 * Staff rows (the accounts' key slots live outside, in the sidecar file: db/case-file.ts). The
 * login travels in the op but stays local where it lands (registry: localOnly).
 */
export const staffRecord = plainRecord('staff');

export async function findStaff(db: Kysely<DB>, id: string): Promise<StaffTable | null> {
  return (await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** INVALID_INPUT with `message` unless every id is an active staff member. */
export async function requireActiveStaff(
  db: Kysely<DB>,
  ids: readonly string[],
  message = 'A responder is not an active staff member.',
): Promise<void> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return;
  // fixed SQL (db/sqlite/fixed-sql.ts): every save checks its responders
  const rows = await fixedRows(
    db,
    `SELECT id FROM staff WHERE active = 1 AND id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(wanted)],
  );
  if (rows.length !== wanted.length) throw new AppError('INVALID_INPUT', message);
}
