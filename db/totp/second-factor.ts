import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import { writeAudit } from '../audit';
import type { DB, StaffTable } from '../schema';
import { matchingStep } from './totp-code';

/** Whether the account has an active second factor. */
export async function hasSecondFactor(db: Kysely<DB>, staffId: string): Promise<boolean> {
  const row = await db
    .selectFrom('staff_totp')
    .select('state')
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return row?.state === 'active';
}

/**
 * Checks the second factor at sign-in (after the passphrase opened the file, before the
 * session starts). No active TOTP: nothing to check. Active and no code: SECOND_FACTOR_REQUIRED
 * (the login screen asks for it). A wrong or reused code: WRONG_SECOND_FACTOR, written to the
 * audit log; the caller counts it as a failed sign-in, so codes share the passphrase's lockout.
 */
export async function checkSecondFactor(
  db: Kysely<DB>,
  staff: StaffTable,
  code: string | undefined,
  now: Date,
): Promise<void> {
  const row = await db
    .selectFrom('staff_totp')
    .selectAll()
    .where('staff_id', '=', staff.id)
    .where('state', '=', 'active')
    .executeTakeFirst();
  if (!row) return;
  if (!code)
    throw new AppError('SECOND_FACTOR_REQUIRED', 'Enter the 6-digit code from your authenticator app.');
  const step = matchingStep(row.secret, code, now);
  if (step === null || (row.last_step !== null && step <= row.last_step)) {
    await writeAudit(db, {
      staffId: staff.id,
      login: staff.login,
      action: 'login.second-factor-failed',
      detail: { reused: step !== null },
    });
    throw new AppError('WRONG_SECOND_FACTOR', 'The code is not correct (or was already used).');
  }
  await db.updateTable('staff_totp').set({ last_step: step }).where('staff_id', '=', staff.id).execute();
}
