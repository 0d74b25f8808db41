import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/**
 * Each account's second factor (table `staff_totp`, never synced): a secret pending until its
 * first code is confirmed, then active; the last step used, so a code works once.
 */
export async function readSecondFactor(db: Kysely<DB>, staffId: string) {
  return db.selectFrom('staff_totp').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
}

export async function listSecondFactors(db: Kysely<DB>) {
  return db.selectFrom('staff_totp').select(['staff_id', 'state']).execute();
}

/** A new pending secret (replacing a pending one). */
export async function writePendingSecondFactor(
  db: Kysely<DB>,
  staffId: string,
  secret: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('staff_totp')
    .values({ staff_id: staffId, secret, state: 'pending', created_at: at, last_step: null })
    .onConflict((oc) =>
      oc.column('staff_id').doUpdateSet({ secret, state: 'pending', created_at: at, last_step: null }),
    )
    .execute();
}

export async function activateSecondFactor(
  db: Kysely<DB>,
  staffId: string,
  at: string,
  step: number,
): Promise<void> {
  await db
    .updateTable('staff_totp')
    .set({ state: 'active', confirmed_at: at, last_step: step })
    .where('staff_id', '=', staffId)
    .execute();
}

/** Removes the account's second factor; whether it had one. */
export async function deleteSecondFactor(db: Kysely<DB>, staffId: string): Promise<boolean> {
  const r = await db.deleteFrom('staff_totp').where('staff_id', '=', staffId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
